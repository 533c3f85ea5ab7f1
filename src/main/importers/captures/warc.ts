/**
 * WARC files (`.warc`, `.warc.gz`) through warcio (issue 19): every HTML page a response or
 * resource record holds becomes a document with the record's facts (target URI, WARC-Date, HTTP
 * status and headers, payload digest, record id) and the capturing tool from the warcinfo record.
 * Other records (images, scripts, styles, requests, metadata) are counted and skipped: they stay
 * in the stored original, which is the whole WARC file.
 */
import { WARCParser, type WARCRecord } from 'warcio';
import { DossierError } from '../../../shared/errors.ts';
import type { CaptureFacts } from '../../../shared/custody.ts';
import type { FileInput, ParsedDocument } from '../types.ts';
import { capturedPage, headerObject, isoTime, MAX_PAGES_PER_CAPTURE } from './page.ts';

export interface WarcPage {
  name: string;
  bytes: Uint8Array;
  facts: CaptureFacts;
}

export interface WarcContents {
  pages: WarcPage[];
  /** Records that are not HTML pages: assets, requests, metadata, redirects. */
  skipped: number;
  tool: string | null;
  /** A sentence when the end of the file could not be read as records (a truncated .warc.gz). */
  damage: string | null;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** The `software:` line of a warcinfo record's fields. */
function softwareOf(text: string): string | null {
  const m = /^software:\s*(.+?)\s*$/im.exec(text);
  return m ? m[1]!.slice(0, 300) : null;
}

function contentType(record: WARCRecord): string {
  if (record.httpHeaders) return record.httpHeaders.headers.get('content-type') ?? '';
  return record.warcHeader('Content-Type') ?? '';
}

/**
 * Reads the records of one WARC. `keep` decides which HTML pages count (a WACZ keeps those its
 * pages list names); `label` names the file in sentences.
 */
export async function readWarc(bytes: Uint8Array, label: string, keep: (url: string | null) => boolean = () => true): Promise<WarcContents> {
  const pages: WarcPage[] = [];
  let skipped = 0;
  let tool: string | null = null;
  const parser = new WARCParser([bytes]);
  try {
    for await (const record of parser) {
      const type = record.warcType;
      if (type === 'warcinfo') {
        tool ??= softwareOf(await record.contentText());
        continue;
      }
      const status = record.httpHeaders?.statusCode;
      const statusCode = status === undefined ? null : Number(status);
      const isPage =
        (type === 'response' || type === 'resource') &&
        HTML_TYPES.test(contentType(record)) &&
        (statusCode === null || (statusCode >= 200 && statusCode < 300)) &&
        keep(record.warcTargetURI ?? null);
      if (!isPage) {
        skipped++;
        continue;
      }
      if (pages.length >= MAX_PAGES_PER_CAPTURE) {
        throw new DossierError('TOO_LARGE', `${label} holds more than ${MAX_PAGES_PER_CAPTURE} pages; split it before importing.`);
      }
      const url = record.warcTargetURI ?? null;
      pages.push({
        name: `${label} › ${url ?? `record ${pages.length + 1}`}`,
        bytes: await record.readFully(true),
        facts: {
          container: 'warc',
          url,
          capturedAt: isoTime(record.warcDate),
          tool: null,
          httpStatus: statusCode,
          httpHeaders: record.httpHeaders ? headerObject(record.httpHeaders.headers.entries()) : null,
          payloadDigest: record.warcPayloadDigest ?? null,
          // Stored without the angle brackets WARC writes around it (stored strings carry no markup).
          recordId: record.warcHeader('WARC-Record-ID')?.replace(/^<|>$/g, '') ?? null,
        },
      });
    }
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError('PARSE_FAILED', `${label} is not a readable WARC file (${(error as Error).message.slice(0, 200)}).`);
  }
  for (const page of pages) page.facts.tool = tool;
  // warcio ends quietly at a truncated gzip member: the bytes it never reached say so.
  const unread = bytes.byteLength - parser.offset;
  const damage = unread > 0 ? `${label}: its last ${unread} bytes could not be read as WARC records (the file is truncated or damaged); pages stored there are missing.` : null;
  return { pages, skipped, tool, damage };
}

/** A sentence for the import summary: how many pages became documents and how many records were left in the original. */
export function captureNote(label: string, pages: number, skipped: number): string {
  return `${label}: ${pages} page(s) imported as documents; ${skipped} other record(s) (images, scripts, styles, requests) kept in the stored original only.`;
}

export async function parseWarc(input: FileInput): Promise<ParsedDocument[]> {
  const { pages, skipped, damage } = await readWarc(input.bytes, input.name);
  if (pages.length === 0) throw new DossierError('EMPTY', `${input.name} holds no HTML page (${skipped} other record(s)).`);
  const note = captureNote(input.name, pages.length, skipped);
  const docs: ParsedDocument[] = [];
  for (const page of pages) {
    const doc = await capturedPage(page, page.facts, damage ? [damage] : []);
    docs.push({ ...doc, meta: { ...doc.meta, captureNote: note } });
  }
  return docs;
}
