/**
 * A text PDF's canonical text, blocks, page starts and page layout (issue 16), from the pages'
 * text items: structurePdf decides the paragraphs, assembleBlocks places them in the canonical
 * text (as for every format), and each word's offsets follow into the layout.
 */
import type { PageLayout } from '../../shared/page-layout.ts';
import type { Block } from '../../shared/domain.ts';
import { assembleBlocks } from './blocks.ts';
import { structurePdf, type OutlineEntry, type StructurePage } from './pdf-structure.ts';

const round = (n: number) => Math.round(n * 10) / 10;

export function layoutPdf(
  specs: StructurePage[],
  outline: OutlineEntry[],
  labels: string[] | null,
): { text: string; blocks: Block[]; pageStarts: number[]; layout: PageLayout[] } {
  const structure = structurePdf(specs, outline);
  const { text, blocks, draftStarts } = assembleBlocks(structure.drafts);
  const printed = labels && labels.length === specs.length && labels.some((l, i) => l !== String(i + 1)) ? labels : null;
  const layout: PageLayout[] = specs.map((spec, p) => ({
    width: round(spec.width),
    height: round(spec.height),
    ...(printed?.[p] ? { label: printed[p] } : {}),
    words: [],
  }));
  structure.words.forEach((words, d) => {
    const base = draftStarts[d]!;
    for (const w of words) {
      if (w.end <= w.start) continue;
      layout[w.page]!.words.push(round(w.x), round(w.top), round(w.width), round(w.height), base + w.start, base + w.end, w.confidence === undefined ? -1 : Math.round(w.confidence));
    }
  });
  // A page without text starts where the next page with text does (or at the end).
  const pageStarts = new Array<number>(specs.length);
  let next = text.length;
  for (let p = specs.length - 1; p >= 0; p--) {
    const start = structure.pageStarts[p];
    if (start) next = draftStarts[start.draft]! + start.offset;
    pageStarts[p] = next;
  }
  if (pageStarts.length) pageStarts[0] = 0;
  return { text, blocks, pageStarts, layout };
}

interface OutlineNode {
  title: string;
  items?: OutlineNode[];
}

/** The outline's titles with their depth (1 = top), at most 500 of them: a hostile outline cannot make this slow. */
export async function readOutline(pdf: { getOutline(): Promise<OutlineNode[] | null> }): Promise<OutlineEntry[]> {
  const outline = await pdf.getOutline().catch(() => null);
  const entries: OutlineEntry[] = [];
  const walk = (nodes: OutlineNode[] | undefined, level: number) => {
    for (const node of nodes ?? []) {
      if (entries.length >= 500 || level > 6) return;
      if (typeof node.title === 'string' && node.title.trim()) entries.push({ title: node.title.trim(), level });
      walk(node.items, level + 1);
    }
  };
  walk(outline ?? undefined, 1);
  return entries;
}

/**
 * The Info title when the document's first block is a cut-off start of it (a long title printed
 * on two lines, or shortened on the cover), so that title is confirmed by the page itself.
 */
export function titleFromInfo(infoTitle: string | undefined, firstBlock: string): string | null {
  if (!infoTitle) return null;
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/[.…:\s]+$/, '').trim();
  const first = norm(firstBlock);
  const info = norm(infoTitle);
  return first.length >= 8 && info.startsWith(first) ? infoTitle : null;
}
