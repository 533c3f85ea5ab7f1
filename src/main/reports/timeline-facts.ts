/**
 * The words of the timeline section (issue 18), as plain text pieces: the HTML renderer
 * (render-timeline.ts) and the Word exporter (docx-timeline.ts) mark them up each in its own way,
 * so the PDF and the DOCX say the same. Give them redacted data (redact-report.ts).
 */
import type { ReportData, ReportTimeline, ReportTimelineEvent } from './report-data.ts';
import { formatDate } from './citations.ts';

export const TIMELINE_HEADING = 'Timeline';
export const TIMELINE_GROUPS_HEADING = 'Given by two or more sources';
export const TIMELINE_NONE = 'No dated events in the sources the timeline is limited to.';

const list = (names: string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** What the section lists and how it was limited, in one paragraph. */
export function timelineIntro(timeline: ReportTimeline, data: ReportData): string {
  const tags = timeline.tagIds.map((id) => data.tags.find((t) => t.id === id)?.name ?? '').filter(Boolean);
  const limits = [
    tags.length ? `the sources tagged ${list(tags.map((t) => `“${t}”`))} (or a subtag)` : '',
    timeline.entities.length ? `the events that name ${list(timeline.entities.map((e) => `“${e}”`))}` : '',
  ].filter(Boolean);
  const count = `${timeline.events.length} event${timeline.events.length === 1 ? '' : 's'}`;
  return `Each source at its date of publication, and each date a source's text gives, at the sentence that gives it, with the entities named in it or near it; dates as precise as the text gives them. ${limits.length ? `Limited to ${limits.join(' and to ')}. ` : ''}${count}.`;
}

/** The event's date as the text gives it: a year, a month or a day. */
export const eventDate = (event: ReportTimelineEvent): string => formatDate(event.date);

/** What the event is, before its source's title. */
export const eventKind = (event: ReportTimelineEvent): string => (event.kind === 'published' ? 'published' : 'in');

export const entitiesLead = 'Named: ';

export function omittedLine(timeline: ReportTimeline): string {
  return timeline.omitted ? `${timeline.omitted} later event${timeline.omitted === 1 ? ' is' : 's are'} left out; the timeline view and its CSV export list every event.` : '';
}

/** One corroboration group: the entity, then the period and count, and the sources' titles. */
export function groupText(group: ReportTimeline['groups'][number], data: ReportData): { label: string; rest: string; titles: string[] } {
  return {
    label: group.label,
    rest: `, ${formatDate(group.period)}: ${group.documentIds.length} sources, `,
    titles: group.documentIds.map((id) => data.documents[id]?.title ?? '').filter(Boolean),
  };
}
