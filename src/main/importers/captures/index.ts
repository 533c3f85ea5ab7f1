/**
 * Web capture formats (issue 19), registered apart from the single-document formats: each file
 * may hold several pages, and every page becomes an HTML document. Parsers load on first use.
 */
import type { FormatParser } from '../types.ts';

const CAPTURES: [suffix: string, parser: FormatParser][] = [
  ['.warc', async (input) => (await import('./warc.ts')).parseWarc(input)],
  ['.warc.gz', async (input) => (await import('./warc.ts')).parseWarc(input)],
  ['.wacz', async (input) => (await import('./wacz.ts')).parseWacz(input)],
  ['.mhtml', async (input) => (await import('./mhtml.ts')).parseMhtml(input)],
  ['.mht', async (input) => (await import('./mhtml.ts')).parseMhtml(input)],
];

export const CAPTURE_EXTENSIONS = CAPTURES.map(([suffix]) => suffix);

/** The parser of a capture file by its name's ending, or null when it is not one. */
export function captureParser(name: string): FormatParser | null {
  const lower = name.toLowerCase();
  return CAPTURES.find(([suffix]) => lower.endsWith(suffix))?.[1] ?? null;
}
