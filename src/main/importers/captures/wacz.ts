/**
 * WACZ (Web Archive Collection Zipped, issue 19): a zip (fflate, checked first by zip-check.ts)
 * holding WARCs under archive/, a pages list, and datapackage.json with the SHA-256 of every
 * file; datapackage-digest.json holds the SHA-256 of datapackage.json and, where the capture was
 * signed, the signature. Every hash is checked: a mismatch imports the pages with a review flag
 * naming the files, so the researcher sees the capture was altered after it was packed.
 */
import { createHash, verify as verifySignature } from 'node:crypto';
import { strFromU8 } from 'fflate';
import type { CaptureFacts } from '../../../shared/custody.ts';
import { DossierError } from '../../../shared/errors.ts';
import type { FileInput, ParsedDocument } from '../types.ts';
import { readVerifiedZip, type ZipLimits } from '../zip-check.ts';
import { capturedPage } from './page.ts';
import { captureNote, readWarc, type WarcPage } from './warc.ts';

const WACZ_LIMITS: ZipLimits = { maxEntries: 100_000, maxTotalBytes: 1024 * 1024 * 1024, maxRatio: 200 };

interface Resource {
  path?: unknown;
  hash?: unknown;
}
type WaczFacts = NonNullable<CaptureFacts['wacz']>;

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function readJson(files: Record<string, Uint8Array>, name: string, label: string): Record<string, unknown> | null {
  const bytes = files[name];
  if (!bytes) return null;
  try {
    const value = JSON.parse(strFromU8(bytes)) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new DossierError('PARSE_FAILED', `${label}: its ${name} is not valid JSON.`);
}

/** "sha256:<hex>" as WACZ writes it; null for any other algorithm. */
function expectedSha256(hash: unknown): string | null {
  const m = typeof hash === 'string' ? /^sha256:([0-9a-f]{64})$/i.exec(hash.trim()) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** The files datapackage.json lists whose bytes do not give the hash it records (or that are missing). */
function checkResources(files: Record<string, Uint8Array>, datapackage: Record<string, unknown>): { checked: number; mismatches: string[] } {
  const resources = Array.isArray(datapackage.resources) ? (datapackage.resources as Resource[]) : [];
  const mismatches: string[] = [];
  let checked = 0;
  for (const r of resources.slice(0, 100_000)) {
    const name = typeof r.path === 'string' ? r.path : '(unnamed)';
    const expected = expectedSha256(r.hash);
    const bytes = files[name];
    checked++;
    if (!expected || !bytes || sha256Hex(bytes) !== expected) mismatches.push(name.slice(0, 300));
  }
  // A WARC not listed at all was added after packing.
  const listed = new Set(resources.map((r) => r.path));
  for (const name of Object.keys(files)) if (name.startsWith('archive/') && !listed.has(name)) mismatches.push(`${name.slice(0, 300)} (not listed)`);
  return { checked, mismatches };
}

/**
 * The signature of datapackage-digest.json: verified when it carries its public key (anonymous
 * signing, ECDSA P-256 over the digest string); a domain signature needs its certificate chain,
 * which Dossier, offline, does not check: it is reported as present, not verified.
 */
function checkSignature(digest: Record<string, unknown> | null): WaczFacts['signature'] {
  const signed = digest?.signedData as Record<string, unknown> | undefined;
  if (!signed || typeof signed !== 'object') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 300) : null);
  let verified: boolean | null = null;
  if (typeof signed.publicKey === 'string' && typeof signed.signature === 'string' && typeof signed.hash === 'string') {
    try {
      const key = { key: Buffer.from(signed.publicKey, 'base64'), format: 'der' as const, type: 'spki' as const };
      const signature = Buffer.from(signed.signature, 'base64');
      const data = Buffer.from(signed.hash, 'utf8');
      verified =
        verifySignature('sha256', data, { ...key, dsaEncoding: 'der' }, signature) ||
        verifySignature('sha256', data, { ...key, dsaEncoding: 'ieee-p1363' }, signature);
    } catch {
      verified = false;
    }
  }
  return { present: true, software: text(signed.software), domain: text(signed.domain), created: text(signed.created), verified };
}

/** The page URLs pages/pages.jsonl lists (its first line is a header). */
function listedPages(files: Record<string, Uint8Array>): Set<string> {
  const urls = new Set<string>();
  const bytes = files['pages/pages.jsonl'];
  if (!bytes) return urls;
  for (const line of strFromU8(bytes).split('\n')) {
    try {
      const row = JSON.parse(line) as { url?: unknown };
      if (typeof row.url === 'string') urls.add(row.url);
    } catch {
      // a blank or damaged line lists nothing
    }
  }
  return urls;
}

export async function parseWacz(input: FileInput): Promise<ParsedDocument[]> {
  const label = input.name;
  // Sizes from the central directory, inflated under one byte budget (issue 13's zip-bomb check).
  let files: Record<string, Uint8Array>;
  try {
    files = readVerifiedZip(input.bytes, label, WACZ_LIMITS).files;
  } catch (error) {
    if (error instanceof DossierError && error.code === 'PARSE_FAILED' && !/outside the archive/.test(error.message)) {
      throw new DossierError('PARSE_FAILED', `${label} is not a valid WACZ file (its zip structure is damaged).`);
    }
    throw error;
  }
  const datapackage = readJson(files, 'datapackage.json', label);
  if (!datapackage) throw new DossierError('PARSE_FAILED', `${label} is not a WACZ file: it has no datapackage.json.`);
  const digest = readJson(files, 'datapackage-digest.json', label);
  const { checked, mismatches } = checkResources(files, datapackage);
  const digestExpected = expectedSha256(digest?.hash);
  const digestOk = digest ? digestExpected === sha256Hex(files['datapackage.json']!) : null;
  if (digestOk === false) mismatches.push('datapackage.json (its digest in datapackage-digest.json)');
  const signature = checkSignature(digest);
  const wacz: WaczFacts = {
    hashesChecked: checked,
    hashMismatches: mismatches,
    datapackageDigest: digestExpected,
    signature,
  };
  const flags: string[] = [];
  if (mismatches.length) {
    flags.push(`${label}: ${mismatches.length} file(s) do not match the SHA-256 its datapackage.json records (${mismatches.slice(0, 5).join(', ')}): the capture was altered after it was packed. Treat it as unverified.`);
  }
  if (signature?.verified === false) flags.push(`${label}: its signature does not verify against the public key it carries.`);

  const pagesListed = listedPages(files);
  const warcs = Object.keys(files).filter((n) => /^archive\/[^/]+\.warc(\.gz)?$/i.test(n)).sort();
  if (!warcs.length) throw new DossierError('EMPTY', `${label} holds no WARC under archive/.`);
  const pages: WarcPage[] = [];
  let skipped = 0;
  const software = typeof datapackage.software === 'string' ? datapackage.software.slice(0, 300) : null;
  for (const name of warcs) {
    const contents = await readWarc(files[name]!, `${label} › ${name}`, (url) => pagesListed.size === 0 || (url !== null && pagesListed.has(url)));
    pages.push(...contents.pages);
    skipped += contents.skipped;
    if (contents.damage) flags.push(contents.damage);
  }
  if (!pages.length) throw new DossierError('EMPTY', `${label} holds no HTML page (${skipped} other record(s)).`);
  const note = captureNote(label, pages.length, skipped);
  const docs: ParsedDocument[] = [];
  for (const page of pages) {
    const facts: CaptureFacts = { ...page.facts, container: 'wacz', tool: software ?? page.facts.tool, wacz };
    const doc = await capturedPage(page, facts, flags);
    docs.push({ ...doc, meta: { ...doc.meta, captureNote: note } });
  }
  return docs;
}
