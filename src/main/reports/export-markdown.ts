/** Markdown export: the same content as the HTML, with Markdown footnotes ([^n]) for the footnote style. */
import type { CitationStyle, Report } from '../../shared/reports.ts';
import { buildCitations, endWith, formatDate } from './citations.ts';
import type { ReportData } from './report-data.ts';
import { deletedSourceText } from './render-html.ts';
import { memoForMarkdown } from '../qda/memo-html.ts';
import { entitiesLead, eventDate, eventKind, groupText, omittedLine, TIMELINE_GROUPS_HEADING, TIMELINE_HEADING, TIMELINE_NONE, timelineIntro } from './timeline-facts.ts';

/** Escapes what Markdown would read as markup at the start of a line or inline. */
const md = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
const quoteBlock = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => `> ${md(line)}`.trimEnd())
    .join('\n');

export function renderReportMarkdown(report: Report, data: ReportData, style: CitationStyle = report.settings.citationStyle): string {
  const citations = buildCitations(report, data, style);
  const out: string[] = [`# ${md(report.title)}`, ''];
  if (report.subtitle.trim()) out.push(`*${md(report.subtitle)}*`, '');
  if (report.authorLine.trim()) out.push(md(report.authorLine), '');
  if (report.reportDate) out.push(formatDate(report.reportDate), '');
  report.body.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${md(section.heading || 'Untitled section')}`, '');
    if (section.commentary.trim()) out.push(md(section.commentary.trim()), '');
    // Issue 21: a memo the section quotes, as the Markdown it is written in (internal links reduced to their words).
    const memo = section.memoId ? data.memos?.[section.memoId] : undefined;
    if (memo) out.push(`**${md(memo.heading)}**${memo.author ? ` (${md(memo.author)})` : ''}`, '', memoForMarkdown(memo.body).trim(), '');
    for (const item of section.items) {
      const quote = data.passages[item.passageId];
      const citation = citations.byItem.get(item.id);
      if (!quote || !citation) {
        out.push('*[This passage has been deleted from the investigation.]*', '');
      } else {
        out.push(style === 'footnote' ? `${quoteBlock(quote.exact)}[^${citation.n}]` : `${quoteBlock(quote.exact)}\n>\n> — ${md(citation.text)}`, '');
        const deletedAt = data.documents[quote.documentId]?.deletedAt;
        if (deletedAt) out.push(`*${md(deletedSourceText(deletedAt))}*`, '');
        if (quote.note.trim()) out.push(`*Note: ${md(quote.note.trim())}*`, '');
      }
      if (item.commentary.trim()) out.push(md(item.commentary.trim()), '');
    }
  });
  // Issue 18: the timeline section, its words those of the HTML's (timeline-facts.ts).
  const timeline = data.timeline;
  if (timeline) {
    out.push(`## ${TIMELINE_HEADING}`, '', md(timelineIntro(timeline, data)), '');
    if (!timeline.events.length) out.push(`*${md(TIMELINE_NONE)}*`, '');
    timeline.events.forEach((e, i) => {
      out.push(`**${md(eventDate(e))}** ${eventKind(e)} ${md(data.documents[e.documentId]?.title ?? '')}`, '');
      if (e.kind === 'mentioned') out.push(quoteBlock(e.context), '');
      const named = e.entities.length ? `${entitiesLead}${e.entities.map((x) => md(x.label)).join(', ')}. ` : '';
      if (named || citations.events[i]) out.push(`${named}${md(citations.events[i] ?? '')}`.trim(), '');
    });
    if (omittedLine(timeline)) out.push(`*${md(omittedLine(timeline))}*`, '');
    if (timeline.groups.length) {
      out.push(`### ${TIMELINE_GROUPS_HEADING}`, '');
      for (const g of timeline.groups) {
        const { label, rest, titles } = groupText(g, data);
        out.push(`- ${md(label + rest + titles.join('; '))}`);
      }
      out.push('');
    }
  }
  if (style === 'footnote') {
    for (const c of citations.notes) out.push(`[^${c.n}]: ${md(endWith(c.text, c.url ? ',' : '.'))}${c.url ? ` <${c.url}>.` : ''}`);
    if (citations.notes.length) out.push('');
  }
  if (citations.sources.length) {
    out.push('## Sources', '');
    // Each source's original-file SHA-256, as the HTML appendix gives it (issue 19), unless redaction touched the source (issue 13).
    citations.sources.forEach((s, i) => {
      const original = data.documents[s.documentId]?.originalHash;
      const hash = original ? `original file SHA-256 \`${original}\`` : 'original file SHA-256 withheld: the source contains redacted text';
      out.push(`${i + 1}. ${md(s.text)}${s.url ? ` <${s.url}>.` : ''} (${hash})`);
    });
    out.push('');
  }
  return out.join('\n');
}
