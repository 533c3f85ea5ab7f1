/**
 * Where a PDF's or a scan's words lie on its pages (issue 16), stored in a document's meta as
 * `layout`: the page view draws and maps selections from it, reports cite page labels from it.
 * Pure TypeScript: main, renderer and CLI share it.
 */

/** Numbers per word in PageLayout.words: x, top, width, height (PDF points, top-left origin), start, end (canonical text offsets), confidence (0–100; -1 for a text layer). */
export const WORD_STRIDE = 7;

export interface PageLayout {
  width: number;
  height: number;
  /** The printed page label ("iv", "23") where the PDF defines page labels. */
  label?: string;
  /** The page's text was recognised from its image. */
  ocr?: boolean;
  words: number[];
}

export interface WordBox {
  x: number;
  top: number;
  width: number;
  height: number;
  start: number;
  end: number;
  confidence: number;
}

export function wordAt(page: PageLayout, index: number): WordBox {
  const w = page.words;
  const i = index * WORD_STRIDE;
  return { x: w[i]!, top: w[i + 1]!, width: w[i + 2]!, height: w[i + 3]!, start: w[i + 4]!, end: w[i + 5]!, confidence: w[i + 6]! };
}

export function wordCount(page: PageLayout): number {
  return Math.floor(page.words.length / WORD_STRIDE);
}

/** The words of a page that overlap [start, end) of the canonical text. */
export function wordsInRange(page: PageLayout, start: number, end: number): WordBox[] {
  const found: WordBox[] = [];
  for (let i = 0; i < wordCount(page); i++) {
    const word = wordAt(page, i);
    if (word.end > start && word.start < end) found.push(word);
  }
  return found;
}

/** The 0-based page holding `offset`, from the pages' start offsets. */
export function pageOfOffset(pageStarts: number[], offset: number): number {
  let page = 0;
  while (page + 1 < pageStarts.length && pageStarts[page + 1]! <= offset) page++;
  return page;
}

/** The layout stored in a document's meta, when it is one (meta is JSON from the store: checked, not trusted). */
export function layoutOf(meta: Record<string, unknown>): PageLayout[] | null {
  const layout = meta.layout;
  if (!Array.isArray(layout)) return null;
  return layout.every((p) => p && typeof p === 'object' && Array.isArray((p as PageLayout).words)) ? (layout as PageLayout[]) : null;
}

/** A page's printed label where it has one, else its number. */
export function pageLabel(layout: PageLayout[] | null, page: number): string {
  return layout?.[page]?.label ?? String(page + 1);
}
