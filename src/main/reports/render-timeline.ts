/**
 * The timeline section in HTML (issue 18): each event's date at the precision the text gives, its
 * source, the sentence in its own language and direction, the entities it names, its citation;
 * then the entity-and-period groups two or more sources give. The words are timeline-facts.ts's,
 * which the Word export shares.
 */
import type { Citations } from './citations.ts';
import type { ReportData, ReportTimelineEvent, SourceDoc } from './report-data.ts';
import { entitiesLead, eventDate, eventKind, groupText, omittedLine, TIMELINE_GROUPS_HEADING, TIMELINE_HEADING, TIMELINE_NONE, timelineIntro } from './timeline-facts.ts';

type Escape = (text: string) => string;

interface TimelineMarkup {
  esc: Escape;
  isRtl: (language: string | null | undefined) => boolean;
  /** A citation escaped with its source's names isolated (render-html.ts), so a Uyghur title keeps the line left to right. */
  cite: (text: string, doc: SourceDoc | undefined) => string;
}

export const TIMELINE_ANCHOR = 'timeline';

function renderEvent(event: ReportTimelineEvent, citation: string, data: ReportData, { esc, isRtl, cite: isolate }: TimelineMarkup): string {
  const doc = data.documents[event.documentId];
  const lang = doc?.language ? ` lang="${esc(doc.language)}"` : '';
  const dir = isRtl(doc?.language) ? ' dir="rtl"' : ' dir="auto"';
  const title = `<bdi${lang}>${esc(doc?.title ?? '')}</bdi>`;
  const head = `<p class="event-head"><time datetime="${esc(event.date)}">${esc(eventDate(event))}</time> <span class="event-kind">${esc(eventKind(event))}</span> ${title}</p>`;
  const sentence = event.kind === 'mentioned' ? `<blockquote${lang}${dir}><p>${esc(event.context.trim())}</p></blockquote>` : '';
  const named = event.entities.length ? `<p class="event-entities">${esc(entitiesLead)}${event.entities.map((x) => `<bdi>${esc(x.label)}</bdi>`).join(', ')}</p>` : '';
  const cite = citation ? `<p class="cite">${isolate(citation, doc)}</p>` : '';
  return `<li class="event ${event.kind}">${head}${sentence}${named}${cite}</li>`;
}

/** The section, or '' when the report does not include the timeline. */
export function renderTimelineSection(data: ReportData, citations: Citations, markup: TimelineMarkup): string {
  const timeline = data.timeline;
  if (!timeline) return '';
  const { esc } = markup;
  const events = timeline.events.map((e, i) => renderEvent(e, citations.events[i] ?? '', data, markup));
  const groups = timeline.groups.map((g) => {
    const { label, rest, titles } = groupText(g, data);
    return `<li><bdi>${esc(label)}</bdi>${esc(rest)}${titles.map((t) => `<bdi>${esc(t)}</bdi>`).join('; ')}</li>`;
  });
  const omitted = omittedLine(timeline);
  return `<section id="${TIMELINE_ANCHOR}" class="timeline">
<h2>${esc(TIMELINE_HEADING)}</h2>
<p class="commentary">${esc(timelineIntro(timeline, data))}</p>
${events.length ? `<ol class="timeline-events">\n${events.join('\n')}\n</ol>` : `<p class="missing">${esc(TIMELINE_NONE)}</p>`}
${omitted ? `<p class="missing">${esc(omitted)}</p>` : ''}
${groups.length ? `<h3>${esc(TIMELINE_GROUPS_HEADING)}</h3>\n<ul class="timeline-groups">${groups.join('\n')}</ul>` : ''}
</section>`;
}
