/**
 * The structure of a text PDF (issue 16): lines in reading order (pdf-lines.ts), running headers,
 * footers and page numbers taken out, headings from the outline or the font size, paragraphs
 * joined across line wraps and page breaks (pdf-paragraphs.ts), and a box for every word, so the
 * page view can map a selection on the page to the canonical text and back.
 */
import type { BlockDraft } from './blocks.ts';
import { groupLines, placeRuns, readingOrder, type PageLine, type PdfTextItem } from './pdf-lines.ts';
import { joinLine, lineSpacing, startsParagraph, wordSet } from './pdf-paragraphs.ts';

export interface StructurePage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface OutlineEntry {
  title: string;
  level: number;
}

/** A word's box on its page (PDF points, top-left origin) and its [start, end) in its draft's text. */
export interface DraftWord {
  page: number;
  x: number;
  top: number;
  width: number;
  height: number;
  start: number;
  end: number;
  /** OCR only: 0–100. */
  confidence?: number;
}

export interface PdfStructure {
  drafts: BlockDraft[];
  /** Per draft, the boxes of its words. */
  words: DraftWord[][];
  /** Per page, where it starts: a draft and an offset in it; null for a page with no text (it starts where the next text does). */
  pageStarts: ({ draft: number; offset: number } | null)[];
  /** Lines taken out as running headers, footers or page numbers. */
  removedLines: number;
}

const MARGIN = 0.09;
const PAGE_NUMBER = /^[-–—\s]*(page\s+|p\.\s*)?(\d{1,4}|[ivxlcdm]{1,7})(\s*(of|\/)\s*\d{1,4})?[-–—\s]*$/i;

const key = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
const inMargin = (line: PageLine, page: StructurePage) => line.top < page.height * MARGIN || line.top + line.size > page.height * (1 - MARGIN);

/** Lines in the top or bottom margin that repeat on most pages (digits aside), or that are only a page number. */
function marginNoise(pages: PageLine[][], specs: StructurePage[]): Set<PageLine> {
  const counts = new Map<string, number>();
  pages.forEach((lines, p) => {
    const seen = new Set<string>();
    for (const line of lines) if (inMargin(line, specs[p]!)) seen.add(key(line.text));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const needed = Math.max(2, Math.ceil(pages.length * 0.5));
  const noise = new Set<PageLine>();
  pages.forEach((lines, p) => {
    for (const line of lines) {
      if (!inMargin(line, specs[p]!)) continue;
      if (PAGE_NUMBER.test(line.text) || (pages.length >= 2 && (counts.get(key(line.text)) ?? 0) >= needed)) noise.add(line);
    }
  });
  return noise;
}

/** The font size most characters are set in. */
function bodySize(lines: PageLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 10;
  let most = -1;
  for (const [size, count] of weight) if (count > most) [best, most] = [size, count];
  return best;
}

/** The words of a line with boxes estimated from their runs, offsets into the line's text. */
function lineWords(line: PageLine, page: number): DraftWord[] {
  const words: DraftWord[] = [];
  let cursor = 0;
  for (const run of line.runs) {
    const length = run.text.length || 1;
    for (const match of run.text.matchAll(/\S+/g)) {
      const at = line.text.indexOf(match[0], cursor);
      if (at < 0) continue;
      cursor = at + match[0].length;
      const from = match.index / length;
      const to = (match.index + match[0].length) / length;
      const x = line.rtl ? run.x + run.width * (1 - to) : run.x + run.width * from;
      words.push({ page, x, top: run.top, width: run.width * (to - from), height: run.size, start: at, end: cursor, ...(run.confidence !== undefined ? { confidence: run.confidence } : {}) });
    }
  }
  return words;
}

interface Open {
  draft: BlockDraft;
  words: DraftWord[];
  last: PageLine;
  page: number;
  columnRight: number;
}

export function structurePdf(specs: StructurePage[], outline: OutlineEntry[] = []): PdfStructure {
  const pages = specs.map((spec) => readingOrder(groupLines(placeRuns(spec.items, spec.height)), spec.width));
  const noise = marginNoise(pages, specs);
  const kept = pages.map((lines) => lines.filter((l) => !noise.has(l)));
  const all = kept.flat();
  const body = bodySize(all);
  const words = wordSet(all);
  const headingSizes = [...new Set(all.filter((l) => l.size >= body * 1.15 && l.text.length <= 200).map((l) => Math.round(l.size)))].sort((a, b) => b - a);
  const outlineLevel = new Map(outline.map((o) => [key(o.title), Math.min(6, o.level)]));

  const result: PdfStructure = { drafts: [], words: [], pageStarts: [], removedLines: noise.size };
  let open: Open | null = null;
  const close = () => {
    if (open) {
      result.drafts.push(open.draft);
      result.words.push(open.words);
    }
    open = null;
  };
  const headingLevel = (line: PageLine): number | null => {
    const fromOutline = outlineLevel.get(key(line.text));
    if (fromOutline) return fromOutline;
    if (line.size < body * 1.15 || line.text.length > 200 || /[.,;]$/.test(line.text)) return null;
    return Math.min(3, headingSizes.indexOf(Math.round(line.size)) + 1) || 1;
  };

  kept.forEach((lines, p) => {
    const spacing = lineSpacing(lines, body);
    const columnRight = (line: PageLine) => Math.max(...lines.filter((l) => Math.abs(l.x0 - line.x0) < line.size * 2).map((l) => l.x1));
    result.pageStarts.push(null);
    for (const line of lines) {
      const level = headingLevel(line);
      const current: Open | null = open;
      let continues = false;
      if (current) {
        if (level !== null) continues = current.draft.kind === 'heading' && current.page === p && Math.abs(current.last.size - line.size) < 0.5 && line.top - current.last.top < line.size * 2;
        else if (current.draft.kind === 'heading') continues = false;
        else if (current.page !== p) continues = !/[.!?:"”»。！？]$/.test(current.last.text) && /^[\p{Ll}\p{Lo}]/u.test(line.text) && Math.abs(current.last.size - line.size) < 1;
        else continues = !startsParagraph(current.last, line, spacing, current.columnRight);
      }
      if (!continues) {
        close();
        open = { draft: level !== null ? { kind: 'heading', text: '', level } : { kind: 'paragraph', text: '' }, words: [], last: line, page: p, columnRight: columnRight(line) };
      }
      const target: Open = open!;
      const joined = joinLine(target.draft.text, line.text, words);
      const lineStart = joined.length - line.text.length;
      // A hyphen removed at the wrap shortens the last word of the line before.
      const lastWord = target.words.at(-1);
      if (lastWord) lastWord.end = Math.min(lastWord.end, lineStart);
      target.draft.text = joined;
      target.words.push(...lineWords(line, p).map((w) => ({ ...w, start: w.start + lineStart, end: w.end + lineStart })));
      target.last = line;
      target.page = p;
      if (!continues) target.columnRight = columnRight(line);
      if (result.pageStarts[p] === null) result.pageStarts[p] = { draft: result.drafts.length, offset: lineStart };
    }
  });
  close();
  return result;
}
