/**
 * A metadata string from an untrusted document (title, author, source…): the store's one cleaning
 * function (issue 13), under the name the importers have always used.
 */
export { cleanMetadataText as cleanText } from '../store/clean-text.ts';

/** A URL worth keeping as the document's address: absolute http(s) only, never fetched by Dossier. */
export function cleanUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed) || trimmed.length > 2000) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
