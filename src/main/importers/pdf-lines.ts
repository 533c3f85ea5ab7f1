/**
 * Lines and reading order of one PDF page from pdf.js text items (issue 16). Pure: no pdf.js here,
 * so the geometry is tested on items a test writes.
 */

/** The fields of a pdf.js TextItem that layout needs. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
  dir?: string;
  /** OCR only: the word's recognition confidence, 0–100. */
  confidence?: number;
}

/** One run of text placed on the page, top-left origin, in PDF points. */
export interface PlacedRun {
  text: string;
  x: number;
  /** Top of the run, from the top of the page. */
  top: number;
  width: number;
  size: number;
  confidence?: number;
}

export interface PageLine {
  runs: PlacedRun[];
  x0: number;
  x1: number;
  top: number;
  /** Font size (the largest run's). */
  size: number;
  rtl: boolean;
  /** The line's text, runs in reading order, whitespace collapsed. */
  text: string;
}

const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g;
const LETTER = /\p{L}/gu;

export function isRightToLeft(text: string): boolean {
  const rtl = text.match(RTL)?.length ?? 0;
  const letters = text.match(LETTER)?.length ?? 0;
  return letters > 0 && rtl * 2 > letters;
}

/**
 * Arabic presentation forms, Latin ligatures and CJK radicals, as fonts' ToUnicode maps give them
 * (Chromium's PDFs do), become the letters that were typed: otherwise search and quotes would
 * not match. Only those ranges: other characters (full-width punctuation) stay as printed.
 */
function foldPresentationForms(text: string): string {
  return text.replace(/[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefc\u2e80-\u2fdf]+/g, (run) => run.normalize('NFKC'));
}

/** Text items to runs in page coordinates (top-left origin); empty items dropped. */
export function placeRuns(items: PdfTextItem[], pageHeight: number): PlacedRun[] {
  const runs: PlacedRun[] = [];
  for (const item of items) {
    if (!item.str || !item.str.trim()) continue;
    const x = item.transform[4] ?? 0;
    const baseline = item.transform[5] ?? 0;
    const size = Math.abs(item.height) || Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || 10;
    runs.push({ text: foldPresentationForms(item.str), x, top: pageHeight - baseline - size, width: Math.abs(item.width), size, ...(item.confidence !== undefined ? { confidence: item.confidence } : {}) });
  }
  return runs;
}

/**
 * Groups runs into lines: a run joins the line whose baseline it shares and whose end it follows
 * closely. A wide horizontal gap (a column gutter) starts a new line even on the same baseline,
 * so the two columns of a page never merge into one line.
 */
export function groupLines(runs: PlacedRun[]): PageLine[] {
  const open: { runs: PlacedRun[]; top: number; size: number; x0: number; x1: number }[] = [];
  const sorted = [...runs].sort((a, b) => a.top - b.top || a.x - b.x);
  for (const run of sorted) {
    const line = open.find(
      (l) =>
        Math.abs(l.top + l.size - (run.top + run.size)) < Math.max(l.size, run.size) * 0.45 &&
        run.x <= l.x1 + Math.max(l.size, run.size) * 2.2 &&
        run.x + run.width >= l.x0 - Math.max(l.size, run.size) * 2.2,
    );
    if (line) {
      line.runs.push(run);
      line.x0 = Math.min(line.x0, run.x);
      line.x1 = Math.max(line.x1, run.x + run.width);
      line.size = Math.max(line.size, run.size);
      line.top = Math.min(line.top, run.top);
    } else {
      open.push({ runs: [run], top: run.top, size: run.size, x0: run.x, x1: run.x + run.width });
    }
  }
  return open.map((l) => {
    const ordered = [...l.runs].sort((a, b) => a.x - b.x);
    const rtl = isRightToLeft(ordered.map((r) => r.text).join(''));
    if (rtl) ordered.reverse();
    return { runs: ordered, x0: l.x0, x1: l.x1, top: l.top, size: l.size, rtl, text: joinRuns(ordered) };
  });
}

/** Runs of a line joined, a space where the runs do not already carry one and a gap separates them. */
function joinRuns(runs: PlacedRun[]): string {
  let text = '';
  for (const [i, run] of runs.entries()) {
    const prev = runs[i - 1];
    // Chinese is written without spaces: OCR's word gaps between Han characters are not spaces.
    if (prev && !/\s$/.test(text) && !/^\s/.test(run.text) && !(CJK_END.test(text) && CJK_START.test(run.text))) {
      const gap = run.x > prev.x ? run.x - (prev.x + prev.width) : prev.x - (run.x + run.width);
      if (gap > Math.min(prev.size, run.size) * 0.15) text += ' ';
    }
    text += run.text;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Reading order of a page's lines. Where the lines on both sides of a vertical gutter near the
 * middle of the page never cross it, the page has two columns: each band between full-width lines
 * is read column by column (the right column first on a right-to-left page), otherwise top to bottom.
 */
export function readingOrder(lines: PageLine[], pageWidth: number): PageLine[] {
  const byTop = [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const gutter = findGutter(byTop, pageWidth);
  if (gutter === null) return byTop;
  const rtlPage = byTop.filter((l) => l.rtl).length * 2 > byTop.length;
  const ordered: PageLine[] = [];
  let left: PageLine[] = [];
  let right: PageLine[] = [];
  const flush = () => {
    ordered.push(...(rtlPage ? [...right, ...left] : [...left, ...right]));
    left = [];
    right = [];
  };
  for (const line of byTop) {
    if (line.x1 <= gutter) left.push(line);
    else if (line.x0 >= gutter) right.push(line);
    else {
      flush();
      ordered.push(line);
    }
  }
  flush();
  return ordered;
}

/** The x of a column gutter, or null when the page is one column. */
function findGutter(lines: PageLine[], pageWidth: number): number | null {
  if (lines.length < 6) return null;
  let best: { x: number; score: number } | null = null;
  for (let x = pageWidth * 0.35; x <= pageWidth * 0.65; x += pageWidth / 100) {
    const crossing = lines.filter((l) => l.x0 < x - 2 && l.x1 > x + 2).length;
    const left = lines.filter((l) => l.x1 <= x).length;
    const right = lines.filter((l) => l.x0 >= x).length;
    // Mostly clear of text, with real columns on both sides (a few full-width headings may cross).
    if (crossing * 5 > lines.length || left < 3 || right < 3) continue;
    const score = Math.min(left, right) - crossing * 3;
    if (!best || score > best.score) best = { x, score };
  }
  return best && best.score >= 3 ? best.x : null;
}
