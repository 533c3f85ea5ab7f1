/**
 * What a PlainTextSelection's positions count (issue 21). The REFI-QDA standard gives character
 * positions into the source's plain text from 0 and says no more; its tools disagree past the Basic
 * Multilingual Plane and on line ends. QualCoder (Python strings) and Dossier's own export count
 * code points; .NET and Qt strings (NVivo, MAXQDA, ATLAS.ti) count UTF-16 code units; and ATLAS.ti
 * stores its texts with CR LF but counts a line end as one character (QualCoder's importer notes
 * this; its issue #37 is codings landing a few characters off). Each reading turns a position into
 * a UTF-16 offset of the stored text; the importer tries them all against the quotes the tool wrote
 * and keeps, per document, the one that matches; with no quote it takes the reading the project's
 * origin suggests, and flags the codings where the readings disagree.
 */

export interface OffsetReading {
  name: string;
  /** The UTF-16 offset of `position`, or undefined when it lies outside the text. */
  toUnits(position: number): number | undefined;
}

export const CODE_POINTS = 'code points';
export const UTF16 = 'UTF-16 code units';
export const CODE_POINTS_CRLF = 'code points, CR LF as one';
export const UTF16_CRLF = 'UTF-16 code units, CR LF as one';

/** The readings of one text, the standard's plain reading (code points) first. */
export function offsetReadings(text: string): OffsetReading[] {
  const codePointStarts: number[] = [];
  const crlfUnits: number[] = [];
  const crlfCodePoints: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const lineEndTail = c === 0x0a && text.charCodeAt(i - 1) === 0x0d;
    codePointStarts.push(i);
    if (!lineEndTail) {
      crlfCodePoints.push(i);
      crlfUnits.push(i);
      if (pair) crlfUnits.push(i + 1);
    }
    if (pair) i++;
  }
  for (const list of [codePointStarts, crlfUnits, crlfCodePoints]) list.push(text.length);
  const readings: OffsetReading[] = [
    { name: CODE_POINTS, toUnits: (p) => codePointStarts[p] },
    { name: UTF16, toUnits: (p) => (p >= 0 && p <= text.length ? p : undefined) },
  ];
  if (text.includes('\r\n')) {
    readings.push(
      { name: CODE_POINTS_CRLF, toUnits: (p) => crlfCodePoints[p] },
      { name: UTF16_CRLF, toUnits: (p) => crlfUnits[p] },
    );
  }
  return readings;
}

/** The reading to use when no quote tells: by the tool that wrote the project (its `origin`). */
export function defaultReading(origin: string, readings: OffsetReading[]): OffsetReading {
  const wanted = /atlas/i.test(origin) ? UTF16_CRLF : /nvivo|maxqda/i.test(origin) ? UTF16 : CODE_POINTS;
  return (
    readings.find((r) => r.name === wanted) ??
    readings.find((r) => r.name === wanted.replace(', CR LF as one', '')) ??
    readings[0]!
  );
}

/** Whether the quote a tool wrote for a selection agrees with the text found at its positions. */
export function quoteMatches(found: string, quote: string): boolean {
  const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const a = squash(found);
  const b = squash(quote)
    .replace(/(…|\.\.\.)$/, '')
    .trim();
  if (!b) return true;
  // Tools cut long quotes in the name (Dossier at 60 characters, others at 50–255): a prefix counts.
  return a === b || (b.length >= 20 && a.startsWith(b));
}
