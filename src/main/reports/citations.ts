/**
 * Citations of quotes and the sources list, each style after one guide: The Chicago Manual of Style,
 * 17th edition. "footnote" is Chicago notes-bibliography (chapter 14): numbered notes, a full note
 * on a source's first citation and a short note after (author's surname, short title, locator), and
 * a bibliography; "author-date" is Chicago author-date (chapter 15): "(Surname Year, para. n)" in the
 * text and a reference list. A source without an author is cited by its title (14.75, 15.32): the
 * publisher is never put in the author's place. Plain text out; the renderers escape and mark up.
 */
import type { CitationStyle, Report } from '../../shared/reports.ts';
import type { Locator, ReportData, SourceDoc } from './report-data.ts';
import { authorInverted, authorShort, shortTitle } from './short-forms.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Chicago's "March 14, 2019" from an ISO date; "March 2019" or "2019" when that is all that is known. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
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

const author = (doc: SourceDoc) => doc.author?.trim() || null;
/** Who a source is cited by in the text: its author's surname, else its short title in quotation marks. */
export function creator(doc: SourceDoc): string {
  const a = author(doc);
  return a ? authorShort(a) : quoted(shortTitle(doc.title));
}

const year = (doc: SourceDoc) => /^\d{4}/.exec(doc.publishedAt ?? '')?.[0] ?? 'n.d.';

/**
 * Joins the parts of a citation with American punctuation (CMOS 6.9): a comma or period that
 * follows a quoted title goes inside the closing quotation mark.
 */
function join(parts: (string | null | undefined)[], sep = ', ', end = ''): string {
  const kept = parts.filter((p): p is string => !!p && p.trim().length > 0);
  let out = '';
  kept.forEach((part, i) => {
    const mark = i < kept.length - 1 ? sep.trimEnd() : end;
    const space = i < kept.length - 1 ? sep.slice(sep.trimEnd().length) : '';
    out += part.endsWith('”') && mark ? `${part.slice(0, -1)}${mark}”${space}` : `${part}${mark}${space}`;
  });
  return out;
}

/** A title in quotation marks; quotation marks inside it become single ones (CMOS 6.11). */
const quoted = (title: string) => `“${title.replace(/"([^"]*)"|“([^”]*)”/g, (_, a: string | undefined, b: string | undefined) => `‘${a ?? b ?? ''}’`)}”`;

/** The full note (CMOS 14.191, 14.206): Author, “Title,” Publisher, Month D, YYYY, locator — without the URL or the final period. */
export function fullNote(doc: SourceDoc, locator: Locator | null): string {
  return join([author(doc), quoted(doc.title), doc.source, formatDate(doc.publishedAt), locatorText(locator)]);
}

/** The full note with its URL and final period, as one string (CSV, JSON). */
export function fullCitation(doc: SourceDoc, locator: Locator | null): string {
  return join([fullNote(doc, locator), doc.url], ', ', '.');
}

/** `text` followed by `mark` (a comma before a URL, or the final period), inside a closing quotation mark. */
export function endWith(text: string, mark: string): string {
  return join([text], '', mark);
}

/** The short note (CMOS 14.29): Surname, “Short Title,” locator. Without the final period. */
export function shortNote(doc: SourceDoc, locator: Locator | null): string {
  const a = author(doc);
  return join([a ? authorShort(a) : null, quoted(shortTitle(doc.title)), locatorText(locator)]);
}

export interface Citation {
  /** 1-based number of the quote in report order. */
  n: number;
  itemId: string;
  documentId: string;
  /**
   * Footnote: the note's text without its final period (renderers add ", URL." or "."). Author-date:
   * the parenthetical, e.g. "(Tursun 2019, para. 4)" or "(“Former Detainee Describes Camp” 2019, para. 4)".
   */
  text: string;
  /** The source's URL, given at the end of a full note (footnote style, first citation of a source). */
  url: string | null;
}

export interface SourceEntry {
  documentId: string;
  /** The entry, ending with a period; the renderers add " URL." when there is one. */
  text: string;
  url: string | null;
}

export interface Citations {
  style: CitationStyle;
  byItem: Map<string, Citation>;
  /** In report order; only the footnote style has notes. */
  notes: Citation[];
  sources: SourceEntry[];
  /**
   * Issue 18: the citation of each event of the timeline section, in its order: the short note
   * (footnote style) or the parenthetical (author-date); the full entry is in the sources list.
   */
  events: string[];
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
    const text = style === 'footnote' ? (first ? fullNote(doc, quote.locator) : shortNote(doc, quote.locator)) : '';
    const citation: Citation = { n, itemId: item.id, documentId: doc.id, text, url: style === 'footnote' && first ? doc.url : null };
    byItem.set(item.id, citation);
    if (style === 'footnote') notes.push(citation);
  }
  // Issue 18: the timeline's sources join the sources list after the quotes' own.
  for (const event of data.timeline?.events ?? []) {
    const doc = data.documents[event.documentId];
    if (doc && !seen.has(doc.id)) {
      seen.add(doc.id);
      cited.push(doc);
    }
  }
  const labels = yearLabels(cited);
  if (style === 'author-date') {
    for (const citation of byItem.values()) {
      const doc = data.documents[citation.documentId]!;
      const quote = data.passages[items.find((i) => i.id === citation.itemId)!.passageId]!;
      citation.text = `(${join([`${creator(doc)} ${labels.get(doc.id)}`, locatorText(quote.locator)])})`;
    }
  }
  const sorted = [...cited].sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.title.localeCompare(b.title));
  const sources = sorted.map((doc) => ({ documentId: doc.id, url: doc.url, text: sourceText(doc, style, labels.get(doc.id)!) }));
  const events = (data.timeline?.events ?? []).map((event) => {
    const doc = data.documents[event.documentId];
    if (!doc) return '';
    return style === 'footnote' ? shortNote(doc, event.locator) : `(${join([`${creator(doc)} ${labels.get(doc.id)}`, locatorText(event.locator)])})`;
  });
  return { style, byItem, notes, sources, events };
}

/** Entries are alphabetised by their first word, quotation marks and an initial article left out (CMOS 14.66). */
const sortKey = (doc: SourceDoc) => (author(doc) ? authorInverted(author(doc)!) : doc.title).replace(/^[“"‘']+/, '').replace(/^(?:a|an|the)\s+/i, '');

/**
 * Bibliography (CMOS 14.191): Surname, Given. “Title.” Publisher, Month D, YYYY.
 * Reference list (CMOS 15.47): Surname, Given. YYYY. “Title.” Publisher, Month D, YYYY.
 * Without an author, the title leads (CMOS 14.75, 15.32): “Title.” (YYYY.) Publisher, Month D, YYYY.
 */
function sourceText(doc: SourceDoc, style: CitationStyle, yearLabel: string): string {
  const a = author(doc);
  const who = a ? `${authorInverted(a)}.` : null;
  const title = endWith(quoted(doc.title), '.');
  const published = join([doc.source, formatDate(doc.publishedAt)], ', ', '.');
  if (style === 'footnote') return join([who, title, published || null], ' ');
  const dated = `${yearLabel}.`;
  return a ? join([who, dated, title, published || null], ' ') : join([title, dated, published || null], ' ');
}
