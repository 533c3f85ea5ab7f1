/**
 * SingleFile pages (issue 19): a saved .html whose comment near the top says "Page saved with
 * SingleFile", with the page's URL and the date it was saved. The page goes through the HTML path
 * as any other; the comment's facts become its capture provenance. Images, which SingleFile
 * inlines, stay in the stored original only.
 */
import type { CaptureFacts } from '../../../shared/custody.ts';
import { parseHtml } from '../html.ts';
import type { FileInput, ParsedDocument } from '../types.ts';
import { capturedPage, isoTime } from './page.ts';

const MARKER = /<!--\s*Page saved with SingleFile\s*(?:\r?\n|\s)\s*url:\s*(\S+)\s*(?:\r?\n|\s)\s*saved date:\s*([^\r\n]*?)\s*(?:\r?\n|-->)/;

/** The facts of SingleFile's comment, or null for a page SingleFile did not save. */
export function singleFileFacts(head: string): CaptureFacts | null {
  const m = MARKER.exec(head);
  if (!m) return null;
  return {
    container: 'singlefile',
    url: m[1]!.slice(0, 4000),
    // "Tue Dec 01 2026 10:00:00 GMT+0000 (Coordinated Universal Time)": the zone name in brackets is for people.
    capturedAt: isoTime(m[2]!.replace(/\s*\([^)]*\)\s*$/, '')),
    tool: 'SingleFile',
    httpStatus: null,
    httpHeaders: null,
    payloadDigest: null,
    recordId: null,
  };
}

/** The HTML importer, with SingleFile's facts kept when its marker is there (the first 16 KB are searched). */
export async function parseHtmlPage(input: FileInput): Promise<ParsedDocument> {
  const facts = singleFileFacts(new TextDecoder('latin1').decode(input.bytes.subarray(0, 16 * 1024)));
  return facts ? capturedPage(input, facts) : parseHtml(input);
}
