/**
 * Selection on a page view (issue 16), from the stored word boxes: dragging from one word to
 * another selects every word whose canonical offsets lie between theirs, so the selection follows
 * the text's reading order (right to left on Uyghur and Arabic pages) whatever the boxes' order.
 */
import { wordAt, wordCount, type PageLayout, type WordBox } from '../../shared/page-layout.ts';

export function pageWords(page: PageLayout): WordBox[] {
  return Array.from({ length: wordCount(page) }, (_, i) => wordAt(page, i));
}

/** The canonical span from one word to another, in either direction. */
export function spanBetween(a: WordBox, b: WordBox): { start: number; end: number } {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Whether a word lies (partly) in [start, end). */
export function overlaps(word: WordBox, start: number, end: number): boolean {
  return word.end > start && word.start < end;
}
