/**
 * The timeline as a section of a report (issue 18, "include it, optionally, in a report"): the
 * events of the timeline view (service/timeline.ts) under the report's tag and entity filters, with
 * their sources added to the report's data. Everything here is unredacted: the exporters get it
 * only through redactReport (reports/redact-report.ts), like the quotes.
 */
import { DossierError } from '../../shared/errors.ts';
import type { ExportKind } from '../reports/redact-report.ts';
import { locate, sourceOf, type Layouts, type ReportData, type ReportTimelineEvent } from '../reports/report-data.ts';
import type { Report } from '../../shared/reports.ts';
import type { Database } from '../store/database.ts';
import { listTags } from '../store/tags-repo.ts';
import { resolveNames } from './entity-handlers.ts';
import { buildTimeline } from './timeline.ts';

/** A report lists at most this many events; the timeline view and its CSV export list them all. */
export const REPORT_TIMELINE_EVENTS = 1000;

/** The formats that print the timeline section (the passage lists and the REFI-QDA project do not). */
export const TIMELINE_FORMATS: readonly ExportKind[] = ['pdf', 'html', 'docx', 'md', 'redaction-log'];

/** `data` with the report's timeline section and its sources, when the report's settings include it. */
export function withTimeline(db: Database, report: Report, data: ReportData): ReportData {
  const settings = report.settings.timeline;
  if (!settings.include) return data;
  const known = new Set(listTags(db).map((t) => t.id));
  if (settings.tagIds.some((id) => !known.has(id))) {
    throw new DossierError('NOT_FOUND', "The report's timeline is limited to a tag that no longer exists; choose its tags again in the report's settings.");
  }
  const timeline = buildTimeline(db, { tagIds: settings.tagIds, entityIds: resolveNames(db, settings.entities) });
  const documents = { ...data.documents };
  const layout: Layouts = new Map();
  const events: ReportTimelineEvent[] = [];
  for (const e of timeline.events.slice(0, REPORT_TIMELINE_EVENTS)) {
    const source = sourceOf(db, e.documentId, layout);
    if (!source) continue;
    // A source the quotes cite already is kept as loaded (a quote kept from a deleted document has no text).
    documents[e.documentId] ??= source.doc;
    const mentioned = e.kind === 'mentioned';
    events.push({
      kind: e.kind,
      date: e.date,
      precision: e.precision,
      documentId: e.documentId,
      start: mentioned ? e.start : 0,
      end: mentioned ? e.end : 0,
      context: e.context,
      entities: e.entities,
      locator: mentioned ? locate(e.start, source.blocks, source.pageStarts, source.pages) : null,
    });
  }
  const omitted = Math.max(0, timeline.events.length - REPORT_TIMELINE_EVENTS);
  return { ...data, documents, timeline: { tagIds: settings.tagIds, entities: settings.entities, events, groups: timeline.groups, omitted } };
}
