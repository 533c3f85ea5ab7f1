/**
 * The timeline of an investigation (issue 18): each document at its publication date, and each
 * date found in a text at the sentence that gives it, with the entities that sentence names and
 * those within a few lines of it in the same paragraph. Events that two or more documents give
 * for one entity and one period are grouped, so agreeing and disagreeing sources stand together.
 */
import type { EntityType, Timeline, TimelineEvent, TimelineGroup } from '../../shared/entities.ts';
import type { Database } from '../store/database.ts';
import { csvCell } from '../reports/redact-report.ts';
import { sentenceAround } from '../entities/context.ts';
import { subtreeIds } from './codebook.ts';
import { documentIdsForTags } from './passages.ts';

export interface TimelineOptions {
  tagIds?: string[] | undefined;
  /** Each inner list is the ids one entity name stands for; an event must name one of each. */
  entityIds?: string[][] | undefined;
  limit?: number | undefined;
}

const NEAR = 300;
const MAX_EVENTS = 5000;

interface Mention {
  start: number;
  end: number;
  id: string;
  label: string;
  type: EntityType;
}

export function buildTimeline(db: Database, { tagIds, entityIds, limit = MAX_EVENTS }: TimelineOptions = {}): Timeline {
  const tagged = tagIds?.length ? new Set(documentIdsForTags(db, [...new Set(tagIds.flatMap((id) => subtreeIds(db, id)))])) : undefined;
  const docs = db.prepare('SELECT id, title, published_at AS publishedAt, text FROM documents ORDER BY id').all() as {
    id: string;
    title: string;
    publishedAt: string | null;
    text: string;
  }[];
  const datesOf = db.prepare('SELECT start, "end", text, value, precision FROM document_dates WHERE document_id = ? ORDER BY start');
  const mentionsOf = db.prepare(
    'SELECT m.start, m."end", e.id, e.label, e.type FROM entity_mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start',
  );
  const events: TimelineEvent[] = [];
  for (const doc of docs) {
    if (tagged && !tagged.has(doc.id)) continue;
    const mentions = mentionsOf.all(doc.id) as unknown as Mention[];
    const entitiesIn = (start: number, end: number) => unique(mentions.filter((m) => m.start < end && m.end > start));
    if (doc.publishedAt) {
      const date = doc.publishedAt.slice(0, 10);
      events.push({ kind: 'published', date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', documentId: doc.id, title: doc.title, start: 0, end: 0, context: doc.title, dateText: '', entities: unique(mentions) });
    }
    for (const d of datesOf.all(doc.id) as unknown as { start: number; end: number; text: string; value: string; precision: TimelineEvent['precision'] }[]) {
      const s = sentenceAround(doc.text, d.start, d.end);
      // The sentence's entities first, then those of the lines around it in the same paragraph ("… in Toli County. She was released in June 2018.").
      const paragraphStart = doc.text.lastIndexOf('\n\n', s.start) + 1;
      const nextBreak = doc.text.indexOf('\n\n', s.end);
      const paragraphEnd = nextBreak < 0 ? doc.text.length : nextBreak;
      const near = entitiesIn(Math.max(paragraphStart, s.start - NEAR), Math.min(paragraphEnd, s.end + NEAR));
      const inSentence = entitiesIn(s.start, s.end);
      const entities = [...inSentence, ...near.filter((x) => !inSentence.some((y) => y.id === x.id))];
      events.push({ kind: 'mentioned', date: d.value, precision: d.precision, documentId: doc.id, title: doc.title, start: s.start, end: s.end, context: doc.text.slice(s.start, s.end), dateText: d.text, entities });
    }
  }
  const wanted = entityIds?.filter((ids) => ids.length > 0);
  const kept = (wanted?.length ? events.filter((e) => wanted.every((ids) => e.entities.some((x) => ids.includes(x.id)))) : events)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title) || a.start - b.start)
    .slice(0, limit);
  return { events: kept, groups: groupsOf(kept.filter((e) => e.kind === 'mentioned')) };
}

function unique(mentions: Mention[]): TimelineEvent['entities'] {
  const seen = new Map<string, TimelineEvent['entities'][number]>();
  for (const m of mentions) if (!seen.has(m.id)) seen.set(m.id, { id: m.id, label: m.label, type: m.type });
  return [...seen.values()];
}

/** Per entity and month (or year), the documents that give a date in it; only where two or more documents do. */
function groupsOf(events: TimelineEvent[]): TimelineGroup[] {
  const groups = new Map<string, TimelineGroup & { docs: Set<string> }>();
  for (const e of events) {
    const period = e.date.slice(0, e.precision === 'year' ? 4 : 7);
    for (const entity of e.entities) {
      const key = `${entity.id}|${period}`;
      const g = groups.get(key) ?? { entityId: entity.id, label: entity.label, period, documentIds: [], events: 0, docs: new Set<string>() };
      g.events++;
      g.docs.add(e.documentId);
      groups.set(key, g);
    }
  }
  return [...groups.values()]
    .filter((g) => g.docs.size > 1)
    .map(({ docs, ...g }) => ({ ...g, documentIds: [...docs] }))
    .sort((a, b) => a.period.localeCompare(b.period) || b.documentIds.length - a.documentIds.length || a.label.localeCompare(b.label));
}

/** The timeline as CSV (UTF-8 with BOM, as the report CSV): one row per event. */
export function timelineCsv(timeline: Timeline): string {
  const rows = [['date', 'precision', 'kind', 'document', 'date as written', 'passage', 'entities']];
  for (const e of timeline.events) rows.push([e.date, e.precision, e.kind, e.title, e.dateText, e.context, e.entities.map((x) => x.label).join('; ')]);
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
