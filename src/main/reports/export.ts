/** One export of a report in any format: redaction first, then the format's renderer. */
import { strToU8 } from 'fflate';
import { DossierError } from '../../shared/errors.ts';
import type { RedactionHit, RedactionRules, Report } from '../../shared/reports.ts';
import { renderAnnotationsJson } from './export-annotations.ts';
import { renderPassagesCsv } from './export-csv.ts';
import { renderReportMarkdown } from './export-markdown.ts';
import { buildQdpx } from './export-qdpx.ts';
import type { PdfPrinter } from './print-options.ts';
import { EXPORT_EXTENSIONS, OUTSIDE_QUOTES, redactionLogCsv, redactReport, type ExportKind } from './redact-report.ts';
import { renderReportHtml } from './render-html.ts';
import type { ReportData } from './report-data.ts';

export { EXPORT_EXTENSIONS as EXTENSIONS, type ExportKind };

export interface ExportResult {
  bytes: Uint8Array;
  hits: RedactionHit[];
}

export async function exportReport(
  report: Report,
  data: ReportData,
  format: ExportKind,
  deps: { rules: RedactionRules; printPdf?: PdfPrinter | undefined; now: string },
): Promise<ExportResult> {
  const redacted = redactReport(report, data, deps.rules);
  // Only a REFI-QDA project (and the log, which describes every decision) carries whole source texts.
  const hits = format === 'qdpx' || format === 'redaction-log' ? redacted.hits : redacted.hits.filter((h) => !h.where.startsWith(OUTSIDE_QUOTES));
  const r = redacted.report;
  const d = redacted.data;
  switch (format) {
    case 'html':
      return { bytes: strToU8(renderReportHtml(r, d, { linkUrls: true })), hits };
    case 'pdf': {
      if (!deps.printPdf) throw new DossierError('FORBIDDEN', 'PDF printing is not available here.');
      return { bytes: await deps.printPdf(renderReportHtml(r, d, { linkUrls: true }), { pageSize: r.settings.pageSize }), hits };
    }
    case 'md':
      return { bytes: strToU8(renderReportMarkdown(r, d)), hits };
    case 'csv':
      return { bytes: strToU8(renderPassagesCsv(r, d)), hits };
    case 'json':
      return { bytes: strToU8(renderAnnotationsJson(r, d)), hits };
    case 'qdpx':
      // The sources' texts in `d` are already redacted, keeping their offsets (redact-report.ts).
      return { bytes: buildQdpx(r, d, { now: deps.now }), hits };
    case 'docx': {
      // Loaded on first use: the docx library is large, and every CLI command and app start imports this module.
      const { buildDocx } = await import('./export-docx.ts');
      return { bytes: await buildDocx(r, d, { now: deps.now }), hits };
    }
    case 'redaction-log':
      return { bytes: strToU8(redactionLogCsv(hits)), hits };
  }
}
