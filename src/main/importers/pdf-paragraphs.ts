/**
 * Paragraphs from lines in reading order (issue 16): a paragraph is one line of text, whatever the
 * PDF's line wraps; a hyphen at a wrap is removed only where the word continues.
 */
import type { PageLine } from './pdf-lines.ts';

const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** First parts that make compounds whose hyphen belongs to the word ("self-censorship", "well-known"). */
const COMPOUND_HEADS = new Set(['self', 'well', 'non', 'ex', 'all', 'half', 'cross', 'long', 'short', 'so', 'anti', 'pro', 'post', 'pre', 'multi', 'co', 'ill', 'low', 'high', 'one', 'two', 'three', 'four', 'five', 'state', 'government', 'wide', 'year', 'day']);

/**
 * Joins a paragraph's next line onto the text so far. `words` holds the document's words, so a
 * hyphenated wrap is joined when the whole word occurs elsewhere and kept when the hyphenated form does.
 */
export function joinLine(text: string, next: string, words: Set<string>): string {
  if (!text) return next;
  if (text.endsWith('\u00ad')) return text.slice(0, -1) + next;
  const hyphen = /(\p{L}+)[-\u2010]$/u.exec(text);
  const continuation = /^(\p{L}+)/u.exec(next);
  if (hyphen && continuation) {
    const head = hyphen[1]!;
    const tail = continuation[1]!;
    const joined = (head + tail).toLowerCase();
    const keep = (): boolean => {
      if (words.has(joined)) return false;
      if (words.has(`${head}-${tail}`.toLowerCase())) return true;
      if (/^\p{Lu}/u.test(tail)) return true;
      return COMPOUND_HEADS.has(head.toLowerCase());
    };
    return keep() ? text + next : text.slice(0, -1) + next;
  }
  if (CJK.test(text.slice(-1)) && CJK.test(next.charAt(0))) return text + next;
  return `${text} ${next}`;
}

/** Every word of the lines, lower-cased, hyphenated words whole and in parts. */
export function wordSet(lines: PageLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const word of line.text.toLowerCase().match(/[\p{L}-]+/gu) ?? []) {
      if (word.endsWith('-')) continue;
      words.add(word);
    }
  }
  return words;
}

/**
 * Whether `line` starts a new paragraph after `prev` in the same flow: a wider gap than the
 * page's line spacing, another font size, a jump to another column, or a short line before it
 * that ends a sentence.
 */
export function startsParagraph(prev: PageLine, line: PageLine, spacing: number, columnRight: number): boolean {
  const gap = line.top - prev.top;
  if (gap < 0 || gap > Math.max(spacing, prev.size) * 1.45) return true;
  if (Math.abs(line.size - prev.size) > Math.max(line.size, prev.size) * 0.12) return true;
  if (Math.abs(line.x0 - prev.x0) > prev.size * 8 && Math.abs(line.x1 - prev.x1) > prev.size * 8) return true;
  const short = prev.rtl ? prev.x0 - lineLeftOf(prev, line) > prev.size * 4 : columnRight - prev.x1 > prev.size * 4;
  return short && /[.!?:"”»。！？]$/.test(prev.text);
}

function lineLeftOf(prev: PageLine, line: PageLine): number {
  return Math.min(prev.x0, line.x0);
}

/** The usual distance between the tops of consecutive lines of body text on a page. */
export function lineSpacing(lines: PageLine[], bodySize: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i]!.top - lines[i - 1]!.top;
    if (gap > 0 && gap < bodySize * 3) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? bodySize * 1.2;
}
