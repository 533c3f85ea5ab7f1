/**
 * renderReportHtml: the one function that turns a report into a self-contained HTML document
 * (inline CSS, no scripts, no remote anything, a CSP that forbids loading). Preview, HTML export
 * and both PDF printers use its output (issue 6). Give it redacted inputs (redact-report.ts).
 */
import type { CitationStyle, PageSize, Report, ReportItem } from '../../shared/reports.ts';
import { buildCitations, endWith, formatDate, locatorText, type Citations } from './citations.ts';
import { reportCss } from './html-style.ts';
import { authorInverted, authorShort, shortTitle } from './short-forms.ts';
import { REDACTION_MARK } from './redaction.ts';
import type { ReportData, SourceDoc } from './report-data.ts';
import { lineHtml, renderCustodyAppendix } from './render-custody.ts';
import { QUOTE_CHAIN_HEADING, QUOTE_CHAIN_INTRO, QUOTE_CHAIN_WITHHELD, quoteChainRows, WITHHELD } from './quote-chain.ts';
import { memoToHtml } from '../qda/memo-html.ts';
import { renderTimelineSection, TIMELINE_ANCHOR } from './render-timeline.ts';
import { TIMELINE_HEADING } from './timeline-facts.ts';

export interface RenderOptions {
  style?: CitationStyle | undefined;
  pageSize?: PageSize | undefined;
  quoteChain?: boolean | undefined;
  /** Make source URLs clickable (exports); the preview leaves them as text. */
  linkUrls?: boolean | undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const MARK_HTML = `<span class="redacted" title="redacted">${REDACTION_MARK}</span>`;

/** Escapes text for HTML and shows redaction marks as black bars (the text itself is already gone). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!).split(REDACTION_MARK).join(MARK_HTML);
}

/**
 * A citation escaped, with the source's title, publisher and author isolated in <bdi>: an
 * Arabic-script title must not turn the whole English citation right-to-left.
 */
function isolate(text: string, doc: SourceDoc | undefined): string {
  let html = esc(text);
  const full = [doc?.title, doc?.source, doc?.author].filter((n): n is string => !!n && n.trim().length > 0);
  // the short forms too: a short Uyghur title must not turn the note right-to-left either
  const short = doc ? [shortTitle(doc.title), ...(doc.author ? [authorShort(doc.author), authorInverted(doc.author)] : [])] : [];
  const names = [...new Set([...full, ...short])].filter((n) => n.trim().length > 0);
  for (const name of names.sort((a, b) => b.length - a.length)) {
    const e = esc(name);
    html = html.split(e).join(`\uE000${names.indexOf(name)}\uE001`);
  }
  return html.replace(/\uE000(\d+)\uE001/g, (_, i: string) => `<bdi>${esc(names[Number(i)]!)}</bdi>`);
}

/** Paragraphs at blank lines, line breaks at single newlines. */
function paragraphs(text: string, attrs = ''): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p${attrs}>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const RTL_LANGS = new Set(['ar', 'fa', 'he', 'ug', 'ur', 'ps', 'yi', 'ckb', 'sd']);
/** Whether a source's language is written right to left (its quotes are set right to left in every export). */
export const isRtlLanguage = (language: string | null | undefined): boolean => !!language && RTL_LANGS.has(language.split('-')[0]!);
/** Only these addresses become links in an export. */
export const SAFE_URL = /^https?:\/\/[^\s"<>]+$/i;

function url(u: string | null, link: boolean): string {
  if (!u) return '';
  return link && SAFE_URL.test(u) ? ` <a class="url" href="${esc(u)}">${esc(u)}</a>` : ` <span class="url">${esc(u)}</span>`;
}

/** The mark of a quote kept from a deleted document (issue 14). */
export function deletedSourceText(deletedAt: string): string {
  return `From a source deleted from the investigation on ${formatDate(deletedAt)}; the quote and its citation were kept.`;
}

function renderItem(item: ReportItem, data: ReportData, citations: Citations): string {
  const quote = data.passages[item.passageId];
  const doc = quote && data.documents[quote.documentId];
  const commentary = item.commentary.trim() ? `<div class="item-commentary">${paragraphs(item.commentary)}</div>` : '';
  if (!quote || !doc) return `<div class="quote"><p class="missing">[This passage has been deleted from the investigation.]</p>${commentary}</div>`;
  const citation = citations.byItem.get(item.id)!;
  const lang = doc.language ? ` lang="${esc(doc.language)}"` : '';
  const dir = isRtlLanguage(doc.language) ? ' dir="rtl"' : ' dir="auto"';
  const ref =
    citations.style === 'footnote'
      ? `<sup class="ref"><a href="#note-${citation.n}" id="ref-${citation.n}">${citation.n}</a></sup>`
      : '';
  const cite =
    citations.style === 'footnote'
      ? `<p class="cite">[${citation.n}] <bdi>${esc(doc.title)}</bdi>${locatorText(quote.locator) ? `, ${esc(locatorText(quote.locator))}` : ''}</p>`
      : `<p class="cite">${isolate(citation.text, doc)}</p>`;
  const note = quote.note.trim() ? `<div class="note">${paragraphs(`Note: ${quote.note}`)}</div>` : '';
  // Issue 14: a quote whose document was deleted stays, with its citation, and says so.
  const deleted = doc.deletedAt ? `<p class="missing">${esc(deletedSourceText(doc.deletedAt))}</p>` : '';
  return `<figure class="quote" id="q-${citation.n}">
<blockquote${lang}${dir}>${paragraphs(quote.exact).replace(/<\/p>$/, `${ref}</p>`)}</blockquote>
<figcaption>${cite}${deleted}</figcaption>${note}${commentary}
</figure>`;
}

/** Issue 21: the memo a section quotes, its Markdown rendered and sanitised (qda/memo-html.ts). */
function renderSectionMemo(memoId: string | undefined, data: ReportData): string {
  if (!memoId) return '';
  const memo = data.memos?.[memoId];
  if (!memo) return '<p class="missing">[This memo has been deleted from the investigation.]</p>';
  const by = memo.author ? ` <span class="memo-author">(${esc(memo.author)})</span>` : '';
  return `<aside class="memo"><p class="memo-heading">${esc(memo.heading)}${by}</p>${memoToHtml(memo.body)}</aside>`;
}

export function renderReportHtml(report: Report, data: ReportData, options: RenderOptions = {}): string {
  const style = options.style ?? report.settings.citationStyle;
  const pageSize = options.pageSize ?? report.settings.pageSize;
  const quoteChain = options.quoteChain ?? report.settings.quoteChain;
  const link = options.linkUrls ?? false;
  const citations = buildCitations(report, data, style);
  const sections = report.body.sections;

  const cover = `<header class="cover">
<h1>${esc(report.title)}</h1>
${report.subtitle.trim() ? `<p class="subtitle">${esc(report.subtitle)}</p>` : ''}
${report.authorLine.trim() ? `<p class="byline">${esc(report.authorLine)}</p>` : ''}
${report.reportDate ? `<p class="date">${esc(formatDate(report.reportDate))}</p>` : ''}
</header>`;
  // Issue 18: the timeline section follows the sections, and has its own line in the contents.
  const timelineEntry = data.timeline ? `<li class="unnumbered"><a href="#${TIMELINE_ANCHOR}">${esc(TIMELINE_HEADING)}</a></li>` : '';
  const contents =
    sections.length + (data.timeline ? 1 : 0) > 1
      ? `<nav class="contents" aria-label="Contents"><ol>${sections.map((s, i) => `<li><a href="#section-${i + 1}">${esc(s.heading || 'Untitled section')}</a></li>`).join('')}${timelineEntry}</ol></nav>`
      : '';
  const body = sections
    .map(
      (s, i) => `<section id="section-${i + 1}">
<h2>${i + 1}. ${esc(s.heading || 'Untitled section')}</h2>
${s.commentary.trim() ? `<div class="commentary">${paragraphs(s.commentary)}</div>` : ''}
${renderSectionMemo(s.memoId, data)}
${s.items.map((item) => renderItem(item, data, citations)).join('\n')}
</section>`,
    )
    .join('\n');
  const notes =
    citations.style === 'footnote' && citations.notes.length
      ? `<section class="notes"><h2>Notes</h2><ol>${citations.notes
          .map((c) => `<li id="note-${c.n}" value="${c.n}">${isolate(endWith(c.text, c.url ? ',' : '.'), data.documents[c.documentId])}${c.url ? `${url(c.url, link)}.` : ''}</li>`)
          .join('\n')}</ol></section>`
      : '';
  const sources = citations.sources.length
    ? `<section class="sources"><h2>Sources</h2><ol>${citations.sources.map((s) => `<li>${isolate(s.text, data.documents[s.documentId])}${s.url ? `${url(s.url, link)}.` : ''}</li>`).join('\n')}</ol></section>`
    : '';
  const appendix = quoteChain ? renderQuoteChain(report, data, citations) : '';
  const custody = report.settings.custodyAppendix ? renderCustodyAppendix(data, citations, esc) : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)}</title>
<style>${reportCss(pageSize)}</style>
</head>
<body>
${cover}
${contents}
<main>
${body}
${renderTimelineSection(data, citations, { esc, isRtl: isRtlLanguage, cite: isolate })}
</main>
${notes}
${sources}
${appendix}
${custody}
</body>
</html>
`;
}

const hash = (value: string | null) => (value ? `<span class="hash">${value}</span>` : WITHHELD);

/** The verification appendix (quote-chain.ts has its facts and why hashes are withheld). */
function renderQuoteChain(report: Report, data: ReportData, citations: Citations): string {
  const { rows, withheld } = quoteChainRows(report, data, citations);
  if (!rows.length) return '';
  const html = rows.map(
    (r) => `<tr><td>${r.n}</td><td><bdi>${esc(r.title)}</bdi><br>original file SHA-256: ${hash(r.originalHash)}${r.deleted ? ' (deleted from the investigation)' : ''}<br>text SHA-256: ${hash(r.contentHash)}</td>
<td>characters ${r.start}–${r.end} (code points ${r.codePoints.start}–${r.codePoints.end})${r.place ? ` (${esc(r.place)})` : ''}<br>prefix: “<bdi>${esc(r.prefix)}</bdi>”<br>suffix: “<bdi>${esc(r.suffix)}</bdi>”<br>quote SHA-256: ${hash(r.exactSha256)}</td></tr>`,
  );
  const why = withheld ? `<p class="withheld">${lineHtml(QUOTE_CHAIN_WITHHELD, esc)}</p>` : '';
  return `<section class="appendix"><h2>${QUOTE_CHAIN_HEADING}</h2>
<p>${QUOTE_CHAIN_INTRO}</p>
${why}
<table><thead><tr><th>#</th><th>Source</th><th>Anchor</th></tr></thead><tbody>
${html.join('\n')}
</tbody></table></section>`;
}
