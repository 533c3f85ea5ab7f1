/**
 * A captured web page becomes a document through the existing HTML path (issue 19): the same
 * decoding, sanitising, metadata and blocks as any saved page, then the capture's facts are kept
 * as provenance in meta.capture (read-only: metadata edits never touch meta). Images are dropped
 * from the original view: they stay in the stored original, for provenance only.
 */
import type { CaptureFacts } from '../../../shared/custody.ts';
import { parseHtml } from '../html.ts';
import type { ParsedDocument } from '../types.ts';

/** The sanitiser writes images only as `<img src="data:image/…;base64,…">` (html-policy.ts): no `>` inside. */
const IMAGE = /<img\b[^>]*>/g;

export async function capturedPage(
  page: { name: string; bytes: Uint8Array; decodedText?: string | undefined },
  facts: CaptureFacts,
  reviewFlags: string[] = [],
): Promise<ParsedDocument> {
  const doc = await parseHtml({ name: page.name, bytes: page.bytes }, page.decodedText);
  return {
    ...doc,
    // The address it was captured from is the document's URL; the page's own canonical link stays in meta.
    url: facts.url ?? doc.url,
    originalHtml: doc.originalHtml?.replace(IMAGE, '') ?? null,
    meta: { ...doc.meta, ...(doc.url && doc.url !== facts.url ? { canonicalUrl: doc.url } : {}), capture: facts },
    reviewFlags: [...doc.reviewFlags, ...reviewFlags],
  };
}

/** An HTTP header block as a plain object (lower-case names, repeated headers joined), capped for storage. */
export function headerObject(entries: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > 200) break;
    const key = name.toLowerCase().slice(0, 200);
    const v = value.slice(0, 4000);
    out[key] = out[key] ? `${out[key]}, ${v}` : v;
  }
  return out;
}

/** An ISO time from a capture's date, or null when it cannot be read. */
export function isoTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export const MAX_PAGES_PER_CAPTURE = 10_000;
