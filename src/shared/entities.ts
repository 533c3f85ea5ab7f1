/**
 * Entities and dates found in documents (issue 18): people, places, organisations and facilities,
 * each a group of spellings across scripts, with the mentions that carry them; dates normalised
 * to the precision the text gives; the timeline built from both.
 */

export const ENTITY_TYPES = ['person', 'place', 'org', 'facility'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface EntitySummary {
  id: string;
  type: EntityType;
  label: string;
  /** Documents that mention it. */
  documents: number;
  mentions: number;
  /** Distinct spellings as written in the texts, most frequent first (at most 8). */
  spellings: string[];
}

export interface EntityMention {
  id: number;
  documentId: string;
  start: number;
  end: number;
  text: string;
  /** The words around the mention, for reading it in context. */
  before: string;
  after: string;
}

export interface EntityDocumentMentions {
  documentId: string;
  title: string;
  mentions: EntityMention[];
}

export interface EntityDetail extends EntitySummary {
  byDocument: EntityDocumentMentions[];
}

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  /** ISO 8601 at the precision given: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  precision: DatePrecision;
  /** Read relative to the document's date ("last spring", "в прошлом году"). */
  relative: boolean;
}

export interface TimelineEvent {
  /** 'published': the document's own date; 'mentioned': a date found in its text. */
  kind: 'published' | 'mentioned';
  date: string;
  precision: DatePrecision;
  documentId: string;
  title: string;
  /** The sentence that gives the date (the title for a publication date), with its offsets. */
  start: number;
  end: number;
  context: string;
  /** The date as written (empty for a publication date). */
  dateText: string;
  /** Entities mentioned in the same sentence or paragraph, as labels with ids. */
  entities: { id: string; label: string; type: EntityType }[];
}

/** Events that different sources give for one entity and one month (or year, if that is all the text says). */
export interface TimelineGroup {
  entityId: string;
  label: string;
  period: string;
  documentIds: string[];
  events: number;
}

export interface Timeline {
  events: TimelineEvent[];
  groups: TimelineGroup[];
}

export interface EntityJobProgress {
  done: number;
  total: number;
  running: boolean;
}
