/**
 * The timeline section in Word (issue 18): the same facts as the HTML's (timeline-facts.ts), each
 * event's sentence set in its own script and direction as the quotes are (docx-runs.ts).
 */
import { Bookmark, HeadingLevel, Paragraph, TextRun } from 'docx';
import type { Citations } from './citations.ts';
import { firstStrongIsRtl, textRuns } from './docx-runs.ts';
import { isRtlLanguage } from './render-html.ts';
import type { ReportData, ReportTimelineEvent } from './report-data.ts';
import { entitiesLead, eventDate, eventKind, groupText, omittedLine, TIMELINE_GROUPS_HEADING, TIMELINE_HEADING, TIMELINE_NONE, timelineIntro } from './timeline-facts.ts';

export const TIMELINE_BOOKMARK = 'timeline';

/** Names in a line of left-to-right text, each set in its own direction. */
function namesRuns(names: string[], language: string | null | undefined = null): TextRun[] {
  return names.flatMap((name, i) => [...(i ? [new TextRun(', ')] : []), ...textRuns(name, language)]);
}

function eventParagraphs(event: ReportTimelineEvent, citation: string, data: ReportData): Paragraph[] {
  const doc = data.documents[event.documentId];
  const head = new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 40 },
    children: [...textRuns(eventDate(event), null, 'ltr', { bold: true }), new TextRun(` ${eventKind(event)} `), ...textRuns(doc?.title ?? '', doc?.language)],
  });
  const out = [head];
  if (event.kind === 'mentioned') {
    const text = event.context.trim();
    const rtl = isRtlLanguage(doc?.language) || firstStrongIsRtl(text);
    out.push(new Paragraph({ style: rtl ? 'QuoteRtl' : 'Quote', ...(rtl ? { bidirectional: true } : {}), keepNext: true, children: textRuns(text, doc?.language, rtl ? 'rtl' : 'ltr') }));
  }
  if (event.entities.length) {
    out.push(new Paragraph({ style: 'QuoteCitation', keepNext: !!citation, children: [new TextRun(entitiesLead), ...namesRuns(event.entities.map((x) => x.label))] }));
  }
  if (citation) out.push(new Paragraph({ style: 'QuoteCitation', children: textRuns(citation, doc?.language) }));
  return out;
}

/** The section's paragraphs, none when the report does not include the timeline. */
export function timelineDocx(data: ReportData, citations: Citations): Paragraph[] {
  const timeline = data.timeline;
  if (!timeline) return [];
  const omitted = omittedLine(timeline);
  const groups = timeline.groups.map((g) => {
    const { label, rest, titles } = groupText(g, data);
    return new Paragraph({ style: 'SourceEntry', children: [...textRuns(label, null), new TextRun(rest), ...titles.flatMap((t, i) => [...(i ? [new TextRun('; ')] : []), ...textRuns(t, null)])] });
  });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new Bookmark({ id: TIMELINE_BOOKMARK, children: textRuns(TIMELINE_HEADING, null) })] }),
    new Paragraph({ style: 'Commentary', children: textRuns(timelineIntro(timeline, data), null) }),
    ...(timeline.events.length ? timeline.events.flatMap((e, i) => eventParagraphs(e, citations.events[i] ?? '', data)) : [new Paragraph({ style: 'Missing', children: textRuns(TIMELINE_NONE, null) })]),
    ...(omitted ? [new Paragraph({ style: 'Missing', children: textRuns(omitted, null) })] : []),
    ...(groups.length ? [new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(TIMELINE_GROUPS_HEADING, null) }), ...groups] : []),
  ];
}
