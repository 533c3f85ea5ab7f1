/**
 * Word export of a report (issue 21, item 4), through the `docx` package: the same content as the
 * HTML/PDF (render-html.ts) from the same redacted inputs (export.ts calls redactReport first):
 * cover, contents, one heading per section, quotes as block quotes set in their own script and
 * direction, real Word footnotes (notes-bibliography) or "(Author Year, para. n)" after each quote
 * (author-date), the sources list, the verification and custody appendices, page numbers.
 */
import { AlignmentType, Bookmark, Document, ExternalHyperlink, Footer, FootnoteReferenceRun, HeadingLevel, InternalHyperlink, Packer, PageNumber, Paragraph, Tab, TextRun, type Table } from 'docx';
import type { Report, ReportItem } from '../../shared/reports.ts';
import { buildCitations, endWith, formatDate, locatorText, type Citations } from './citations.ts';
import { custodyDocx, quoteChainDocx } from './docx-appendix.ts';
import { DOCX_CREATOR, withDossierProperties } from './docx-package.ts';
import { firstStrongIsRtl, paragraphTexts, textRuns } from './docx-runs.ts';
import { DOCX_STYLES } from './docx-styles.ts';
import { TIMELINE_BOOKMARK, timelineDocx } from './docx-timeline.ts';
import { TIMELINE_HEADING } from './timeline-facts.ts';
import { PDF_MARGINS_MM } from './print-options.ts';
import { deletedSourceText, isRtlLanguage, SAFE_URL } from './render-html.ts';
import type { ReportData } from './report-data.ts';

type Block = Paragraph | Table;
type Footnotes = Record<number, { children: Paragraph[] }>;

/** Page sizes in twentieths of a point, as Word stores them. */
const PAGES = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } };
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

const MISSING = '[This passage has been deleted from the investigation.]';
const UNTITLED = 'Untitled section';

/** A paragraph of body text laid out as dir="auto" would: by its first letter. */
function autoParagraph(text: string, style: string | undefined, language: string | null | undefined = null, rtlLanguage = false): Paragraph {
  const rtl = rtlLanguage || firstStrongIsRtl(text);
  return new Paragraph({ ...(style ? { style } : {}), ...(rtl ? { bidirectional: true } : {}), children: textRuns(text, language, rtl ? 'rtl' : 'ltr') });
}

const rtlIf = (text: string) => (firstStrongIsRtl(text) ? { bidirectional: true } : {});
const paragraphs = (text: string, style?: string) => paragraphTexts(text).map((p) => autoParagraph(p, style));

/** An address as a link when it is one an export may link (SAFE_URL, as the HTML), else as text. */
function urlRuns(url: string): (TextRun | ExternalHyperlink)[] {
  if (!SAFE_URL.test(url)) return textRuns(url, null);
  return [new ExternalHyperlink({ link: url, children: textRuns(url, null, 'ltr', { color: '1F4E79' }) })];
}

/** A citation line: plain runs, the URL linked, the final period after it (as the HTML's notes and sources). */
function citationRuns(text: string, url: string | null, language: string | null | undefined): (TextRun | ExternalHyperlink)[] {
  return url ? [...textRuns(text, language), new TextRun(' '), ...urlRuns(url), new TextRun('.')] : textRuns(text, language);
}

function quoteItem(item: ReportItem, data: ReportData, citations: Citations, footnotes: Footnotes): Paragraph[] {
  const quote = data.passages[item.passageId];
  const doc = quote && data.documents[quote.documentId];
  const commentary = item.commentary.trim() ? paragraphs(item.commentary, 'ItemCommentary') : [];
  if (!quote || !doc) return [new Paragraph({ style: 'Missing', children: textRuns(MISSING, null) }), ...commentary];
  const citation = citations.byItem.get(item.id)!;
  const rtlLanguage = isRtlLanguage(doc.language);
  const quoted = paragraphTexts(quote.exact).map((text, i, all) => {
    const rtl = rtlLanguage || firstStrongIsRtl(text);
    const runs: (TextRun | FootnoteReferenceRun)[] = textRuns(text, doc.language, rtl ? 'rtl' : 'ltr');
    if (citations.style === 'footnote' && i === all.length - 1) runs.push(new FootnoteReferenceRun(citation.n));
    return new Paragraph({ style: rtl ? 'QuoteRtl' : 'Quote', ...(rtl ? { bidirectional: true } : {}), keepNext: true, children: runs });
  });
  if (citations.style === 'footnote') {
    const note = endWith(citation.text, citation.url ? ',' : '.');
    // Word puts a space between the note's number and its text
    footnotes[citation.n] = { children: [new Paragraph({ children: [new TextRun(' '), ...citationRuns(note, citation.url, doc.language)] })] };
  }
  // The caption under each quote, as the PDF's: the source and place (footnote style: the full note is the footnote).
  const place = locatorText(quote.locator);
  const cite = citations.style === 'footnote' ? new Paragraph({ style: 'QuoteCitation', children: [...textRuns(doc.title, doc.language), ...(place ? textRuns(`, ${place}`, null) : [])] }) : new Paragraph({ style: 'QuoteCitation', children: textRuns(citation.text, doc.language) });
  const deleted = doc.deletedAt ? [new Paragraph({ style: 'Missing', children: textRuns(deletedSourceText(doc.deletedAt), null) })] : [];
  const note = quote.note.trim() ? paragraphs(`Note: ${quote.note}`, 'QuoteNote') : [];
  return [...quoted, cite, ...deleted, ...note, ...commentary];
}

function cover(report: Report): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, ...rtlIf(report.title), children: textRuns(report.title, null) }),
    ...(report.subtitle.trim() ? [autoParagraph(report.subtitle, 'Subtitle')] : []),
    ...(report.authorLine.trim() ? [autoParagraph(report.authorLine, 'Byline')] : []),
    ...(report.reportDate ? [new Paragraph({ style: 'Byline', children: textRuns(formatDate(report.reportDate), null) })] : []),
  ];
}

const bookmark = (i: number) => `section_${i + 1}`;

function contents(report: Report, data: ReportData): Paragraph[] {
  const sections = report.body.sections;
  if (sections.length + (data.timeline ? 1 : 0) < 2) return [];
  return [
    new Paragraph({ style: 'ContentsHeading', children: textRuns('Contents', null) }),
    ...sections.map((s, i) => new Paragraph({ style: 'ContentsEntry', children: [new InternalHyperlink({ anchor: bookmark(i), children: textRuns(`${i + 1}. ${s.heading || UNTITLED}`, null) })] })),
    // Issue 18: the timeline section follows the sections.
    ...(data.timeline ? [new Paragraph({ style: 'ContentsEntry', children: [new InternalHyperlink({ anchor: TIMELINE_BOOKMARK, children: textRuns(TIMELINE_HEADING, null) })] })] : []),
  ];
}

function body(report: Report, data: ReportData, citations: Citations, footnotes: Footnotes): Paragraph[] {
  return report.body.sections.flatMap((s, i) => {
    const title = `${i + 1}. ${s.heading || UNTITLED}`;
    return [
      new Paragraph({ heading: HeadingLevel.HEADING_1, ...rtlIf(s.heading), children: [new Bookmark({ id: bookmark(i), children: textRuns(title, null) })] }),
      ...(s.commentary.trim() ? paragraphs(s.commentary, 'Commentary') : []),
      ...s.items.flatMap((item) => quoteItem(item, data, citations, footnotes)),
    ];
  });
}

function sources(data: ReportData, citations: Citations): Paragraph[] {
  if (!citations.sources.length) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns('Sources', null) }),
    ...citations.sources.map((s, i) => new Paragraph({ style: 'SourceEntry', children: [new TextRun({ children: [`${i + 1}.`, new Tab()] }), ...citationRuns(s.text, s.url, data.documents[s.documentId]?.language)] })),
  ];
}

const footer = () =>
  new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: '444444' })] })],
  });

/** The report as a .docx; give it the redacted report and data (export.ts does). */
export async function buildDocx(report: Report, data: ReportData, opts: { now: string }): Promise<Uint8Array> {
  const citations = buildCitations(report, data, report.settings.citationStyle);
  const page = PAGES[report.settings.pageSize];
  const margin = { top: twips(PDF_MARGINS_MM.top), bottom: twips(PDF_MARGINS_MM.bottom), left: twips(PDF_MARGINS_MM.left), right: twips(PDF_MARGINS_MM.right) };
  const textWidth = page.width - margin.left - margin.right;
  const footnotes: Footnotes = {};
  const children: Block[] = [
    ...cover(report),
    ...contents(report, data),
    ...body(report, data, citations, footnotes),
    ...timelineDocx(data, citations),
    ...sources(data, citations),
    ...(report.settings.quoteChain ? quoteChainDocx(report, data, citations, textWidth) : []),
    ...(report.settings.custodyAppendix ? custodyDocx(data, citations, textWidth) : []),
  ];
  const document = new Document({
    title: report.title,
    // the library writes "Un-named" where these are missing; docx-package.ts rewrites the part anyway
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    styles: DOCX_STYLES,
    footnotes,
    sections: [{ properties: { page: { size: page, margin } }, footers: { default: footer() }, children }],
  });
  return withDossierProperties(await Packer.toBuffer(document), report.title, new Date(opts.now));
}
