/** CSV of a report's passages: one row a quote, in report order (RFC 4180, UTF-8 with a BOM for spreadsheets). */
import type { Report } from '../../shared/reports.ts';
import { buildCitations, formatDate, fullCitation, locatorText } from './citations.ts';
import { csvCell } from './redact-report.ts';
import type { ReportData } from './report-data.ts';

export function renderPassagesCsv(report: Report, data: ReportData): string {
  const citations = buildCitations(report, data, 'footnote');
  const tagNames = new Map(data.tags.map((t) => [t.id, t.name]));
  const rows: string[][] = [['n', 'section', 'document', 'published', 'url', 'location', 'tags', 'quote', 'note', 'commentary', 'citation', 'passage_id', 'start', 'end', 'original_sha256']];
  for (const section of report.body.sections) {
    for (const item of section.items) {
      const quote = data.passages[item.passageId];
      const doc = quote && data.documents[quote.documentId];
      const citation = citations.byItem.get(item.id);
      if (!quote || !doc || !citation) continue;
      rows.push([
        String(citation.n),
        section.heading,
        doc.title,
        formatDate(doc.publishedAt),
        doc.url ?? '',
        locatorText(quote.locator),
        quote.tagIds.map((id) => tagNames.get(id) ?? '').filter(Boolean).join('; '),
        quote.exact,
        quote.note,
        item.commentary,
        fullCitation(doc, quote.locator),
        quote.passageId,
        String(quote.start),
        String(quote.end),
        doc.originalHash ?? '',
      ]);
    }
  }
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

