/**
 * The verification appendix's second part in HTML (issue 19, report setting custodyAppendix): the
 * facts of custody-facts.ts, which the Word export shares, marked up as a table.
 */
import type { Citations } from './citations.ts';
import { captureLines, CUSTODY_HEADING, CUSTODY_INTRO, custodyAppendixFacts, custodyHeadLine, custodyLines, originalHashLine, type Line } from './custody-facts.ts';
import type { ReportData } from './report-data.ts';

type Escape = (text: string) => string;

/** A line as HTML: hashes and addresses in their own spans, as the style sheet sets them. */
export function lineHtml(line: Line, esc: Escape): string {
  return line.map((p) => (p.kind === 'hash' ? `<span class="hash">${esc(p.text)}</span>` : p.kind === 'url' ? `<span class="url">${esc(p.text)}</span>` : p.kind === 'code' ? `<code>${esc(p.text)}</code>` : esc(p.text))).join('');
}

const cell = (lines: Line[], esc: Escape) => lines.map((l) => lineHtml(l, esc)).join('<br>');

export function renderCustodyAppendix(data: ReportData, citations: Citations, esc: Escape): string {
  const facts = custodyAppendixFacts(data, citations);
  if (!facts) return '';
  const rows = facts.docs.map(
    (doc, i) => `<tr><td>${i + 1}</td><td><bdi>${esc(doc.title)}</bdi><br>${lineHtml(originalHashLine(doc), esc)}</td><td>${cell(captureLines(doc), esc)}</td><td>${cell(custodyLines(doc), esc)}</td></tr>`,
  );
  return `<section class="appendix custody"><h2>${CUSTODY_HEADING}</h2>
<p>${CUSTODY_INTRO}</p>
<table><thead><tr><th>#</th><th>Source</th><th>Capture</th><th>Custody</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${facts.head ? `<p>${lineHtml(custodyHeadLine(facts.head), esc)}</p>` : ''}
</section>`;
}
