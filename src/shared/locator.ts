/**
 * Where a spot of a document's canonical text is, as a citation names it (issue 6) and as the
 * reader's margin shows it (issue 14, item 6): one count for both, so "para. 16" in a report is
 * the paragraph the reader marks 16. Pure: shared by main (citations) and the renderer (margin).
 */
import type { Block } from './domain.ts';
import type { PageLayout } from './page-layout.ts';

export interface Locator {
  kind: 'page' | 'paragraph';
  n: number;
  /** The printed page label ("iv", "23") where the PDF defines page labels (issue 16). */
  label?: string;
}

/**
 * The paragraph number of each block, index for index: headings are not counted (null); every
 * other block (paragraph, quote, list item) is the next number, from 1.
 */
export function paragraphNumbers(blocks: readonly Block[]): (number | null)[] {
  let n = 0;
  return blocks.map((block) => (block.kind === 'heading' ? null : ++n));
}

/** The 1-based PDF page holding `offset`, from the offsets at which pages start. */
export function pageAt(offset: number, pageStarts: readonly number[]): number {
  let page = 0;
  while (page + 1 < pageStarts.length && pageStarts[page + 1]! <= offset) page++;
  return page + 1;
}

/**
 * A quote starting at `start` is cited by its PDF page when the document has pages, else by the
 * number of its paragraph (a quote inside a heading takes the last paragraph before it).
 */
export function locate(
  start: number,
  blocks: readonly Block[],
  pageStarts: readonly number[] | null,
  layout: readonly PageLayout[] | null = null,
): Locator | null {
  if (pageStarts && pageStarts.length) {
    const n = pageAt(start, pageStarts);
    const label = layout?.[n - 1]?.label;
    return label ? { kind: 'page', n, label } : { kind: 'page', n };
  }
  const numbers = paragraphNumbers(blocks);
  let n = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.start > start) break;
    n = numbers[i] ?? n;
    if (start < block.end && numbers[i] !== null) return { kind: 'paragraph', n };
  }
  return n > 0 ? { kind: 'paragraph', n } : null;
}
