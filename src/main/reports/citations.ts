/**
 * Citations of quotes and the sources list, in two styles (issue 6): "footnote" (numbered notes,
 * full on first citation of a source and short after, Chicago-like) and "author-date" (inline
 * "(Creator Year, para. n)", APA-like). Plain text out; the renderers escape and mark up.
 */
import type { CitationStyle, Report } from '../../shared/reports.ts';
import type { Locator, ReportData, SourceDoc } from './report-data.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 May 2019" from an ISO date, "May 2019" or "2019" when that is all that is known. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function locatorText(locator: Locator | null): string {
  if (!locator) return '';
  return locator.kind === 'page' ? `p. ${locator.label ?? locator.n}` : `para. ${locator.n}`;
}

/** The place for the verification appendix: a printed page label also names the PDF's own page number, to find it in any viewer (issue 16). */
export function anchorLocatorText(locator: Locator | null): string {
  if (locator?.kind === 'page' && locator.label && locator.label !== String(locator.n)) return `p. ${locator.label}, page ${locator.n} of the PDF`;
  return locatorText(locator);
}

/** Who a source is cited by: its author, else its publisher, else its title. */
export function creator(doc: SourceDoc): string {
  return doc.author?.trim() || doc.source?.trim() || doc.title;
}

const year = (doc: SourceDoc) => /^\d{4}/.exec(doc.publishedAt ?? '')?.[0] ?? 'n.d.';
const shortTitle = (title: string) => (title.length > 60 ? `${title.slice(0, 57).trimEnd()}…` : title);
const join = (parts: (string | null | undefined)[], sep = ', ') => parts.filter((p) => p && p.trim()).join(sep);

/** The full note for a quote: author, “title”, publisher, date, place in the source. */
export function fullNote(doc: SourceDoc, locator: Locator | null): string {
  return `${join([doc.author, `“${doc.title}”`, doc.source, formatDate(doc.publishedAt), locatorText(locator)])}.`;
}

export interface Citation {
  /** 1-based number of the quote in report order. */
  n: number;
  itemId: string;
  documentId: string;
  /** Footnote: the note's text. Author-date: the parenthetical, e.g. "(Radio Free Asia 2019, para. 4)". */
  text: string;
  /** The source's URL, given after a full note (footnote style, first citation of a source). */
  url: string | null;
}

export interface SourceEntry {
  documentId: string;
  text: string;
  url: string | null;
}

export interface Citations {
  style: CitationStyle;
  byItem: Map<string, Citation>;
  /** In report order; only the footnote style has notes. */
  notes: Citation[];
  sources: SourceEntry[];
}

/** Letters that tell apart two sources of one creator and year: 2019a, 2019b. */
function yearLabels(docs: SourceDoc[]): Map<string, string> {
  const groups = new Map<string, SourceDoc[]>();
  for (const doc of docs) {
    const key = `${creator(doc).toLowerCase()}|${year(doc)}`;
    groups.set(key, [...(groups.get(key) ?? []), doc]);
  }
  const labels = new Map<string, string>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.title.localeCompare(b.title));
    group.forEach((doc, i) => labels.set(doc.id, group.length > 1 ? `${year(doc)}${String.fromCharCode(97 + i)}` : year(doc)));
  }
  return labels;
}

export function buildCitations(report: Report, data: ReportData, style: CitationStyle): Citations {
  const cited: SourceDoc[] = [];
  const seen = new Set<string>();
  const byItem = new Map<string, Citation>();
  const notes: Citation[] = [];
  let n = 0;
  const items = report.body.sections.flatMap((s) => s.items);
  for (const item of items) {
    const quote = data.passages[item.passageId];
    const doc = quote && data.documents[quote.documentId];
    if (!quote || !doc) continue;
    if (!seen.has(doc.id)) cited.push(doc);
    const first = !seen.has(doc.id);
    seen.add(doc.id);
    n++;
    const where = locatorText(quote.locator);
    const text =
      style === 'footnote'
        ? first
          ? fullNote(doc, quote.locator)
          : `${join([doc.author?.trim() || doc.source?.trim(), `“${shortTitle(doc.title)}”`, where])}.`
        : '';
    const citation: Citation = { n, itemId: item.id, documentId: doc.id, text, url: style === 'footnote' && first ? doc.url : null };
    byItem.set(item.id, citation);
    if (style === 'footnote') notes.push(citation);
  }
  const labels = yearLabels(cited);
  if (style === 'author-date') {
    for (const citation of byItem.values()) {
      const doc = data.documents[citation.documentId]!;
      const quote = data.passages[items.find((i) => i.id === citation.itemId)!.passageId]!;
      citation.text = `(${join([`${creator(doc)} ${labels.get(doc.id)}`, locatorText(quote.locator)])})`;
    }
  }
  const sorted = [...cited].sort((a, b) => creator(a).localeCompare(creator(b)) || a.title.localeCompare(b.title));
  const sources = sorted.map((doc) => ({ documentId: doc.id, url: doc.url, text: sourceText(doc, style, labels.get(doc.id)!) }));
  return { style, byItem, notes, sources };
}

/** ", May 12" for the author-date sources list. */
function monthDay(iso: string | null): string {
  const m = /^\d{4}-(\d{2})(?:-(\d{2}))?/.exec(iso ?? '');
  const month = m ? MONTHS[Number(m[1]) - 1] : undefined;
  if (!m || !month) return '';
  return m[2] ? `, ${month} ${Number(m[2])}` : `, ${month}`;
}

function sourceText(doc: SourceDoc, style: CitationStyle, yearLabel: string): string {
  const who = doc.author?.trim() || doc.source?.trim();
  const publisher = doc.author ? doc.source : null;
  if (style === 'footnote') {
    const pub = join([publisher, formatDate(doc.publishedAt)]);
    return join([who ? `${who}.` : null, `“${doc.title}.”`, pub ? `${pub}.` : null], ' ');
  }
  const dated = `(${yearLabel}${monthDay(doc.publishedAt)}).`;
  return who ? join([`${who}.`, dated, `${doc.title}.`, publisher ? `${publisher}.` : null], ' ') : join([`${doc.title}.`, dated], ' ');
}
