import type { Block } from '../../shared/domain.ts';
import { paragraphNumbers } from '../../shared/locator.ts';
import { blockIndexAt } from './find.ts';

export interface MarginLabels {
  /** Per block: its paragraph number as citations count it, or null (headings). */
  paragraphs: (number | null)[];
  /** Block index → the PDF page that begins in that block. */
  pages: Map<number, number>;
}

/**
 * What the reader's margin shows (issue 14, item 6): the paragraph numbers of the citation code
 * (src/shared/locator.ts, never a second count) and, for PDFs, where each page begins.
 */
export function marginLabels(blocks: readonly Block[], pageStarts: readonly number[] | null): MarginLabels {
  const pages = new Map<number, number>();
  if (blocks.length) {
    (pageStarts ?? []).forEach((offset, i) => {
      const index = blockIndexAt(blocks, offset);
      if (!pages.has(index)) pages.set(index, i + 1);
    });
  }
  return { paragraphs: paragraphNumbers(blocks), pages };
}
