/**
 * The investigation archive (issue 8): a zip (fflate) holding `manifest.json` and
 * `store/dossier.sqlite`, a consistent snapshot of the store. Index caches are not exported:
 * they rebuild from the store. Everything in an archive is checked before anything is written.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { z } from 'zod';
import { DossierError } from '../../shared/errors.ts';
import type { ArchiveManifest } from '../../shared/investigations.ts';

export const ARCHIVE_EXTENSION = '.dossier';
export const ARCHIVE_FORMAT = 'dossier-investigation';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const STORE_ENTRY = 'store/dossier.sqlite';
/** Issue 20: a locked investigation's archive adds its key file; the store entry is then sealed. */
export const LOCK_ENTRY = 'store/lock.json';
const REQUIRED_ENTRIES = [MANIFEST_ENTRY, STORE_ENTRY];
const ALLOWED_ENTRIES = [...REQUIRED_ENTRIES, LOCK_ENTRY];

export interface ArchiveLimits {
  /** The archive file itself. */
  maxArchiveBytes: number;
  /** All entries once uncompressed, together. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed, for entries over 1 MB: deflate reaches ~1000:1 only on crafted input. */
  maxRatio: number;
}

/** Node reads at most 2 GiB into one buffer; larger investigations need a streaming archive (see docs/notes/issue-8.md). */
export const DEFAULT_LIMITS: ArchiveLimits = {
  maxArchiveBytes: 2 * 1024 ** 3 - 1,
  maxUncompressedBytes: 2 * 1024 ** 3 - 1,
  maxRatio: 100,
};

export const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.number().int().min(1),
    appVersion: z.string().max(100),
    createdAt: z.string().max(100),
    name: z.string().max(200),
    schemaVersion: z.number().int().min(1),
    counts: z.object({ documents: z.number().int().min(0), passages: z.number().int().min(0), tags: z.number().int().min(0), reports: z.number().int().min(0) }),
    entries: z
      .array(z.object({ name: z.string().max(300), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
      .max(ALLOWED_ENTRIES.length),
    locked: z.boolean().optional(),
  })
  .passthrough();

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A name that could land outside the folder it is extracted to, on any platform. */
export function isUnsafeEntryName(name: string): boolean {
  return (
    name.length === 0 ||
    name.includes('\0') ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.')
  );
}

/**
 * Reads and checks an archive in memory: zip structure, entry names, sizes and compression
 * ratio (before inflating anything), manifest, and the sha256 of every entry. Throws a
 * DossierError whose sentence names the file and the problem; writes nothing.
 */
export function readArchive(file: string, limits: ArchiveLimits = DEFAULT_LIMITS): { manifest: ArchiveManifest; store: Uint8Array; keyFile: Uint8Array | undefined } {
  const label = path.basename(file);
  const refuse = (problem: string, code: 'PARSE_FAILED' | 'TOO_LARGE' | 'CONFLICT' | 'FORBIDDEN' = 'PARSE_FAILED') =>
    new DossierError(code, `${label} was not imported: ${problem} Nothing was written.`);

  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new DossierError('NOT_FOUND', `${file} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError('NOT_FOUND', `${file} does not exist or cannot be read.`);
  }
  if (size > limits.maxArchiveBytes) throw refuse('it is larger than Dossier can import in one piece.', 'TOO_LARGE');
  const bytes = new Uint8Array(readFileSync(file));

  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        entries.push(info);
        return false;
      },
    });
  } catch {
    throw refuse('it is not a Dossier archive, or it is damaged (truncated or altered).');
  }
  if (entries.length === 0) throw refuse('the archive is empty.');
  const names = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (isUnsafeEntryName(entry.name)) throw refuse(`it contains an entry with an unsafe name ("${entry.name.slice(0, 80)}").`, 'FORBIDDEN');
    if (!ALLOWED_ENTRIES.includes(entry.name)) throw refuse(`it contains an entry Dossier does not expect ("${entry.name.slice(0, 80)}").`);
    if (names.has(entry.name)) throw refuse(`it contains "${entry.name}" twice.`);
    names.add(entry.name);
    if (entry.compression !== 0 && entry.compression !== 8) throw refuse(`"${entry.name}" uses a compression Dossier does not read.`);
    total += entry.originalSize;
    if (total > limits.maxUncompressedBytes) throw refuse('its contents would be larger than Dossier can import.', 'TOO_LARGE');
    if (entry.originalSize > 1024 * 1024 && entry.originalSize / Math.max(entry.size, 1) > limits.maxRatio) {
      throw refuse(`"${entry.name}" is compressed far more tightly than real data (a "zip bomb").`, 'TOO_LARGE');
    }
  }
  for (const required of REQUIRED_ENTRIES) if (!names.has(required)) throw refuse(`it has no "${required}".`);

  let files: Record<string, Uint8Array>;
  try {
    // Each entry inflates into a buffer of its declared size, so a lying header cannot use more memory.
    files = unzipSync(bytes);
  } catch {
    throw refuse('its contents are damaged and cannot be decompressed.');
  }

  let manifest: ArchiveManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(files[MANIFEST_ENTRY]!)));
    if (!parsed.success) throw new Error('bad manifest');
    manifest = parsed.data as ArchiveManifest;
  } catch {
    throw refuse('its manifest is missing information or damaged.');
  }
  if (manifest.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw refuse(`it was made by a newer Dossier (${manifest.appVersion}, archive format ${manifest.formatVersion}). Update Dossier to import it.`, 'CONFLICT');
  }
  const listed = new Map(manifest.entries.map((e) => [e.name, e]));
  const locked = manifest.locked === true;
  if (listed.size !== manifest.entries.length || listed.size !== names.size - 1 || !listed.has(STORE_ENTRY) || locked !== listed.has(LOCK_ENTRY)) {
    throw refuse('its manifest does not list the store.');
  }
  for (const [name, expected] of listed) {
    const data = files[name];
    if (!data || data.byteLength !== expected.size || sha256Hex(data) !== expected.sha256) {
      throw refuse(`"${name}" does not match its checksum: the file was damaged or altered.`);
    }
  }
  return { manifest, store: files[STORE_ENTRY]!, keyFile: locked ? files[LOCK_ENTRY] : undefined };
}
