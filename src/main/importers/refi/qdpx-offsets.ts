/**
 * What a PlainTextSelection's positions count (issue 21). The REFI-QDA standard gives character
 * positions into the source's plain text from 0 and says no more; its tools disagree past the Basic
 * Multilingual Plane and on line ends: QualCoder (Python strings) counts code points, NVivo,
 * ATLAS.ti and MAXQDA (.NET and Qt strings) count UTF-16 code units, and some count a CR LF as one
 * character (QualCoder's issue #37 is codings that land a few characters off). Dossier's own export
 * writes code points. Each reading turns a position into a UTF-16 offset of the stored text; the
 * importer tries them against the selections' quotes and keeps, per document, the one that matches.
 */

export interface OffsetReading {
  name: string;
  /** The UTF-16 offset of `position`, or undefined when it lies outside the text. */
  toUnits(position: number): number | undefined;
}

/** The readings of one text, the standard's (code points) first. */
export function offsetReadings(text: string): OffsetReading[] {
  const codePointStarts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    codePointStarts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  codePointStarts.push(text.length);
  const readings: OffsetReading[] = [
    { name: 'code points', toUnits: (p) => codePointStarts[p] },
    { name: 'UTF-16 code units', toUnits: (p) => (p >= 0 && p <= text.length ? p : undefined) },
  ];
  if (text.includes('\r\n')) {
    // Code points with each CR LF counted as one character.
    const starts: number[] = [];
    for (let k = 0; k < codePointStarts.length - 1; k++) {
      const at = codePointStarts[k]!;
      if (text[at] === '\n' && text[at - 1] === '\r') continue;
      starts.push(at);
    }
    starts.push(text.length);
    readings.push({ name: 'code points, CR LF as one', toUnits: (p) => starts[p] });
  }
  return readings;
}

/** Whether the quote a tool wrote for a selection agrees with the text found at its positions. */
export function quoteMatches(found: string, quote: string): boolean {
  const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const a = squash(found);
  const b = squash(quote).replace(/(…|\.\.\.)$/, '').trim();
  if (!b) return true;
  // Tools cut long quotes in the name (Dossier at 60 characters, others at 50–255): a prefix counts.
  return a === b || (b.length >= 20 && a.startsWith(b));
}
