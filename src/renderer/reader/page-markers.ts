import type { Block, DocumentFull } from '../../shared/domain.ts';
import { layoutOf, pageLabel } from '../../shared/page-layout.ts';

/** The labels of the pages that begin inside a block (issue 16), for the page breaks shown in the text view. */
export function pageStartsIn(doc: DocumentFull, block: Block): string[] {
  const starts = doc.pageStarts;
  if (!starts || starts.length < 2) return [];
  const layout = layoutOf(doc.meta);
  const labels: string[] = [];
  starts.forEach((start, page) => {
    // A page that starts in the blank between blocks belongs to the next block.
    if (start >= block.start && start < block.end + 2 && (page > 0 || block.start === 0) && !labels.includes(pageLabel(layout, page))) labels.push(pageLabel(layout, page));
  });
  return labels;
}
