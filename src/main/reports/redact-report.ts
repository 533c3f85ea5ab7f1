/**
 * Applies the redaction rules to every piece of text a report export can contain: the report's own
 * fields, the quotes with their context and notes, the sources' metadata and the tag names. The
 * exporters only ever see the redacted copies, so a redacted string cannot reach a file.
 */
import type { RedactionHit, RedactionRules, Report } from '../../shared/reports.ts';
import { applyRedactions, detect, type DetectRules } from './redaction.ts';
import type { ReportData } from './report-data.ts';

export interface Redacted {
  report: Report;
  data: ReportData;
  /** Every hit, kept ones included (redact: false), for review and for the log. */
  hits: RedactionHit[];
}

const CONTEXT = 30;

export function hasRules(rules: RedactionRules): boolean {
  return rules.emails || rules.phones || rules.terms.some((t) => t.trim());
}

export function redactReport(report: Report, data: ReportData, rules: RedactionRules): Redacted {
  const hits: RedactionHit[] = [];
  if (!hasRules(rules)) return { report, data, hits };
  const keep = new Set(rules.keep);
  const detectRules: DetectRules = { emails: rules.emails, phones: rules.phones, terms: rules.terms };
  const redact = (field: string, where: string, text: string): string => {
    const found = detect(text, detectRules);
    if (!found.length) return text;
    const applied = [];
    for (const hit of found) {
      const id = `${field}@${hit.start}`;
      const redacted = !keep.has(id);
      const context = `${text.slice(Math.max(0, hit.start - CONTEXT), hit.start)}[${hit.text}]${text.slice(hit.end, hit.end + CONTEXT)}`;
      hits.push({ id, kind: hit.kind, text: hit.text, where, field, start: hit.start, end: hit.end, context: context.replace(/\s+/g, ' '), redact: redacted });
      if (redacted) applied.push(hit);
    }
    return applyRedactions(text, applied);
  };

  const quoteNumber = new Map<string, number>();
  let n = 0;
  const sections = report.body.sections.map((section, si) => ({
    ...section,
    heading: redact(`section.${section.id}.heading`, `heading of section ${si + 1}`, section.heading),
    commentary: redact(`section.${section.id}.commentary`, `commentary of section ${si + 1}`, section.commentary),
    items: section.items.map((item) => {
      if (data.passages[item.passageId] && !quoteNumber.has(item.passageId)) quoteNumber.set(item.passageId, ++n);
      return { ...item, commentary: redact(`item.${item.id}.commentary`, `commentary on quote ${quoteNumber.get(item.passageId) ?? '?'}`, item.commentary) };
    }),
  }));
  const redactedReport: Report = {
    ...report,
    title: redact('report.title', 'report title', report.title),
    subtitle: redact('report.subtitle', 'report subtitle', report.subtitle),
    authorLine: redact('report.authorLine', 'author line', report.authorLine),
    body: { sections },
  };

  const passages: ReportData['passages'] = {};
  for (const [id, q] of Object.entries(data.passages)) {
    const label = `quote ${quoteNumber.get(id) ?? '?'}`;
    const exact = redact(`passage.${id}.exact`, label, q.exact);
    passages[id] = {
      ...q,
      exact,
      // A hash of a quote with a redacted name could be tested against guessed names: withhold it.
      exactSha256: exact === q.exact ? q.exactSha256 : null,
      prefix: redact(`passage.${id}.prefix`, `context before ${label}`, q.prefix),
      suffix: redact(`passage.${id}.suffix`, `context after ${label}`, q.suffix),
      note: redact(`passage.${id}.note`, `note on ${label}`, q.note),
    };
  }
  const documents: ReportData['documents'] = {};
  for (const [id, d] of Object.entries(data.documents)) {
    const nullable = (field: string, value: string | null) => (value === null ? null : redact(`document.${id}.${field}`, `${field} of a source`, value));
    documents[id] = {
      ...d,
      title: redact(`document.${id}.title`, 'title of a source', d.title),
      source: nullable('source', d.source),
      author: nullable('author', d.author),
      url: nullable('url', d.url),
      // The full text only travels in a REFI-QDA project; it is redacted there keeping code-point
      // offsets (see export-qdpx.ts), with the decisions taken here.
    };
  }
  const tags = data.tags.map((t) => ({ ...t, name: redact(`tag.${t.id}.name`, 'tag name', t.name), description: redact(`tag.${t.id}.description`, 'tag description', t.description) }));
  return { report: redactedReport, data: { documents, passages, tags }, hits };
}

/** A redaction log for the file: what was redacted and kept, where, never the redacted text itself. */
export function redactionLogCsv(hits: RedactionHit[], opts: { includeText?: boolean } = {}): string {
  const rows = [['id', 'kind', 'where', 'decision', ...(opts.includeText ? ['text'] : [])]];
  for (const h of hits) rows.push([h.id, h.kind, h.where, h.redact ? 'redacted' : 'kept', ...(opts.includeText ? [h.text] : [])]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, and a leading apostrophe before =, +, -, @ so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
