/**
 * Applies the redaction rules to every piece of text a report export can contain: the report's own
 * fields, the sources' texts and metadata, the quotes with their context and notes, the tag names.
 * The exporters only ever see the redacted copies, so a redacted string cannot reach a file.
 *
 * A source's whole text is redacted first and each quote, prefix and suffix is then cut from the
 * redacted text (issue 13): cut first, a 32-character prefix ending in the middle of an address or
 * a number no longer matched, and the rest of it reached the file. Every hash that covers redacted
 * text (the quote's, the source text's, the original file's) is withheld.
 */
import type { ExportFormat, RedactionHit, RedactionRules, Report } from '../../shared/reports.ts';
import { applyRedactions, detect, REDACTION_MARK, type DetectRules, type TextHit } from './redaction.ts';
import type { QuoteData, ReportData, SourceDoc } from './report-data.ts';
import { sanitiseFileName } from './write-export.ts';

export type ExportKind = ExportFormat | 'redaction-log';

export const EXPORT_EXTENSIONS: Record<ExportKind, string> = {
  pdf: 'pdf',
  html: 'html',
  md: 'md',
  csv: 'csv',
  json: 'json',
  qdpx: 'qdpx',
  docx: 'docx',
  'redaction-log': 'csv',
};

export interface Redacted {
  report: Report;
  data: ReportData;
  /** Every hit, kept ones included (redact: false), for review and for the log. */
  hits: RedactionHit[];
}

const CONTEXT = 30;
/** The `where` of a hit in a source's text that no quote or context shows. */
export const OUTSIDE_QUOTES = 'source text (REFI-QDA project only)';

export function hasRules(rules: RedactionRules): boolean {
  return rules.emails || rules.phones || rules.terms.some((t) => t.trim());
}

/** `text` with `spans` replaced by the mark, and where an original offset lands in the result. */
function redactWithMap(text: string, spans: readonly { start: number; end: number }[]) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const redacted = applyRedactions(text, sorted);
  /** An offset inside a redacted span moves to the span's start (side 'start') or end ('end'), so a cut keeps the whole mark. */
  const at = (offset: number, side: 'start' | 'end'): number => {
    let delta = 0;
    for (const span of sorted) {
      if (offset <= span.start) break;
      if (offset < span.end) return span.start + delta + (side === 'end' ? REDACTION_MARK.length : 0);
      delta += REDACTION_MARK.length - (span.end - span.start);
    }
    return offset + delta;
  };
  return { redacted, at };
}

/** The text with each redacted UTF-16 unit replaced by one block, so every offset into it stays valid. */
function redactKeepingOffsets(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + '█'.repeat(span.end - span.start);
    at = span.end;
  }
  return out + text.slice(at);
}

export function redactReport(report: Report, data: ReportData, rules: RedactionRules): Redacted {
  const hits: RedactionHit[] = [];
  if (!hasRules(rules)) return { report, data, hits };
  const keep = new Set(rules.keep);
  const detectRules: DetectRules = { emails: rules.emails, phones: rules.phones, terms: rules.terms };
  const review = (field: string, where: (hit: TextHit) => string, text: string): TextHit[] => {
    const applied: TextHit[] = [];
    for (const hit of detect(text, detectRules)) {
      const id = `${field}@${hit.start}`;
      const redacted = !keep.has(id);
      const context = `${text.slice(Math.max(0, hit.start - CONTEXT), hit.start)}[${hit.text}]${text.slice(hit.end, hit.end + CONTEXT)}`;
      hits.push({ id, kind: hit.kind, text: hit.text, where: where(hit), field, start: hit.start, end: hit.end, context: context.replace(/\s+/g, ' '), redact: redacted });
      if (redacted) applied.push(hit);
    }
    return applied;
  };
  const redact = (field: string, where: string, text: string): string => applyRedactions(text, review(field, () => where, text));

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

  const quotesOf = (documentId: string) => Object.values(data.passages).filter((q) => q.documentId === documentId);
  /** Issue 18: the timeline's sentences in a source, numbered as the section lists them. */
  const eventsOf = (documentId: string) => (data.timeline?.events ?? []).map((e, i) => ({ e, n: i + 1 })).filter(({ e }) => e.kind === 'mentioned' && e.documentId === documentId);
  /** Where a hit in a source's text shows: in a quote, in a quote's context, in a timeline event, or only in a REFI-QDA project's copy of the text. */
  const placeInText = (quotes: QuoteData[], events: ReturnType<typeof eventsOf>) => (hit: TextHit) => {
    const label = (q: QuoteData) => `quote ${quoteNumber.get(q.passageId) ?? '?'}`;
    const inQuote = quotes.find((q) => hit.start < q.end && hit.end > q.start);
    if (inQuote) return label(inQuote);
    const inContext = quotes.find((q) => hit.start < q.end + q.suffix.length && hit.end > q.start - q.prefix.length);
    if (inContext) return `context of ${label(inContext)}`;
    const inEvent = events.find(({ e }) => hit.start < e.end && hit.end > e.start);
    if (inEvent) return `timeline event ${inEvent.n}`;
    return OUTSIDE_QUOTES;
  };

  const documents: ReportData['documents'] = {};
  const cut = new Map<string, ReturnType<typeof redactWithMap>>();
  for (const [id, d] of Object.entries(data.documents)) {
    const inText = review(`document.${id}.text`, placeInText(quotesOf(id), eventsOf(id)), d.text);
    // a deleted document's text is gone (issue 14): its kept quotes are redacted on their own below
    if (!d.deletedAt) cut.set(id, redactWithMap(d.text, inText));
    const nullable = (field: string, value: string | null) => (value === null ? null : redact(`document.${id}.${field}`, `${field} of a source`, value));
    const meta: Pick<SourceDoc, 'title' | 'source' | 'author' | 'url'> = {
      title: redact(`document.${id}.title`, 'title of a source', d.title),
      source: nullable('source', d.source),
      author: nullable('author', d.author),
      url: nullable('url', d.url),
    };
    const touched = inText.length > 0 || meta.title !== d.title || meta.source !== d.source || meta.author !== d.author || meta.url !== d.url;
    documents[id] = {
      ...d,
      ...meta,
      // Any hash of a source with redacted text or metadata lets an adversary test guesses against it.
      originalHash: touched ? null : d.originalHash,
      contentHash: touched ? null : d.contentHash,
      // Only a REFI-QDA project carries the whole text; its selections need every offset to stay put.
      text: redactKeepingOffsets(d.text, inText),
    };
  }

  const passages: ReportData['passages'] = {};
  for (const [id, q] of Object.entries(data.passages)) {
    const label = `quote ${quoteNumber.get(id) ?? '?'}`;
    const source = cut.get(q.documentId);
    let context: Pick<QuoteData, 'exact' | 'prefix' | 'suffix'>;
    if (source) {
      const start = source.at(q.start, 'start');
      const end = source.at(q.end, 'end');
      context = {
        exact: source.redacted.slice(start, end),
        prefix: source.redacted.slice(Math.max(0, start - q.prefix.length), start),
        suffix: source.redacted.slice(end, end + q.suffix.length),
      };
    } else {
      // The source is not in the data (a quote kept from a deleted document): redact quote and
      // context as one text, so a hit across their joins is still seen whole.
      const joined = redactWithMap(q.prefix + q.exact + q.suffix, review(`passage.${id}.quote`, () => label, q.prefix + q.exact + q.suffix));
      const start = joined.at(q.prefix.length, 'start');
      const end = joined.at(q.prefix.length + q.exact.length, 'end');
      context = { prefix: joined.redacted.slice(0, start), exact: joined.redacted.slice(start, end), suffix: joined.redacted.slice(end) };
    }
    passages[id] = {
      ...q,
      ...context,
      // A hash of a quote with a redacted name could be tested against guessed names: withhold it.
      exactSha256: context.exact === q.exact ? q.exactSha256 : null,
      note: redact(`passage.${id}.note`, `note on ${label}`, q.note),
    };
  }
  const tags = data.tags.map((t) => ({ ...t, name: redact(`tag.${t.id}.name`, 'tag name', t.name), description: redact(`tag.${t.id}.description`, 'tag description', t.description) }));
  // Issue 21: memos a section quotes are redacted like commentary.
  const memos = data.memos && Object.fromEntries(Object.entries(data.memos).map(([id, m]) => [id, { ...m, heading: redact(`memo.${id}.heading`, 'memo heading', m.heading), body: redact(`memo.${id}.body`, 'memo quoted in the report', m.body), author: m.author === null ? null : redact(`memo.${id}.author`, 'memo author', m.author) }]));
  const qda = data.qda && {
    attributes: data.qda.attributes.map((a) => ({ ...a, name: redact(`attribute.${a.id}.name`, 'attribute name', a.name), choices: a.choices.map((c, i) => redact(`attribute.${a.id}.choice.${i}`, 'attribute value', c)) })),
    values: Object.fromEntries(Object.entries(data.qda.values).map(([doc, values]) => [doc, Object.fromEntries(Object.entries(values).map(([a, v]) => [a, redact(`value.${doc}.${a}`, 'attribute value of a source', v)]))])),
    memos: data.qda.memos.map((m) => ({ ...m, heading: redact(`note.${m.id}.heading`, 'memo heading', m.heading), body: redact(`note.${m.id}.body`, 'memo', m.body) })),
  };
  // Issue 18: the timeline section. Its sentences are cut from the redacted texts as the quotes are,
  // a publication's title is the redacted title, and each entity name is reviewed once.
  const labels = new Map<string, string>();
  const entityLabel = (entity: { id: string; label: string }) => {
    let label = labels.get(entity.id);
    if (label === undefined) labels.set(entity.id, (label = redact(`entity.${entity.id}.label`, 'entity name in the timeline', entity.label)));
    return label;
  };
  const timeline = data.timeline && {
    ...data.timeline,
    entities: data.timeline.entities.map((name, i) => redact(`timeline.entity.${i}`, 'entity the timeline is limited to', name)),
    events: data.timeline.events.map((e, i) => {
      const source = cut.get(e.documentId);
      const context =
        e.kind === 'published'
          ? (documents[e.documentId]?.title ?? redact(`timeline.${e.documentId}.title`, `timeline event ${i + 1}`, e.context))
          : source
            ? source.redacted.slice(source.at(e.start, 'start'), source.at(e.end, 'end'))
            : redact(`timeline.${e.documentId}.${e.start}`, `timeline event ${i + 1}`, e.context);
      return { ...e, context, entities: e.entities.map((x) => ({ ...x, label: entityLabel(x) })) };
    }),
    groups: data.timeline.groups.map((g) => ({ ...g, label: entityLabel({ id: g.entityId, label: g.label }) })),
  };
  return { report: redactedReport, data: { documents, passages, tags, ...(memos ? { memos } : {}), ...(qda ? { qda } : {}), ...(timeline ? { timeline } : {}) }, hits };
}

/**
 * The file name the save dialog suggests: the report's title as redacted (a name in the title must
 * not reach the file name), and a name of its own for the redaction log, which would otherwise be
 * "<title>.csv" like the passages CSV (issue 14).
 */
export function suggestedExportName(report: Report, format: ExportKind, rules: RedactionRules): string {
  const keep = new Set(rules.keep);
  const hits = hasRules(rules) ? detect(report.title, { emails: rules.emails, phones: rules.phones, terms: rules.terms }) : [];
  const title = applyRedactions(report.title, hits.filter((h) => !keep.has(`report.title@${h.start}`))).replaceAll(REDACTION_MARK, '_____');
  const stem = format === 'redaction-log' ? `${title} - redaction log` : format === 'csv' ? `${title} - passages` : title;
  return sanitiseFileName(`${stem}.${EXPORT_EXTENSIONS[format]}`);
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
