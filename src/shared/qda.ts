/**
 * Types of issue 21's analysis tools (memos, document attributes, analysis tables), shared by main,
 * renderer and CLI. Pure TypeScript: no Node, no DOM.
 */

export const MEMO_SCOPES = ['document', 'tag', 'investigation'] as const;
export type MemoScope = (typeof MEMO_SCOPES)[number];

/** A memo: Markdown text (headings, lists, emphasis, links; `#passage/ID` and `#document/ID` link inside the investigation). */
export interface Memo {
  id: string;
  scope: MemoScope;
  /** The document's or tag's id; null for the investigation's memo. */
  targetId: string | null;
  /** What the memo is about, in words: the document's title, the tag's name, or null for the investigation. */
  targetLabel: string | null;
  body: string;
  /** The researcher who last wrote it, when known (Settings' researcher name). */
  author: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemoHit {
  memo: Memo;
  /** A line of the memo around the first match, with [start, end) ranges to mark. */
  snippet: { text: string; highlights: [number, number][] };
}

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** A user-defined attribute of documents (a "case variable" in the QDA suites). */
export interface Attribute {
  id: string;
  name: string;
  type: AttributeType;
  /** The allowed values of a choice attribute, in the user's order; empty for other types. */
  choices: string[];
  position: number;
}

/** One row of the attribute table: a document and its values by attribute id (absent: no value). */
export interface AttributeRow {
  documentId: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
  values: Record<string, string>;
}

export interface AttributeTable {
  attributes: Attribute[];
  rows: AttributeRow[];
}

/** A search filter on one attribute: any of `values`, or a range (numbers and ISO dates compare as such). */
export interface AttributeFilter {
  attributeId: string;
  values?: string[];
  min?: string;
  max?: string;
}

export interface AttributeFacet {
  attributeId: string;
  name: string;
  values: { value: string; label: string; count: number }[];
}

/** What counts as two codes occurring together (issue 21, item 3). */
export const COOCCURRENCE_UNITS = ['overlap', 'paragraph', 'document'] as const;
export type CooccurrenceUnit = (typeof COOCCURRENCE_UNITS)[number];

export interface MatrixTag {
  id: string;
  name: string;
  color: string;
}

/** A table of counts: rows are tags, columns are tags, documents or attribute values. */
export interface AnalysisMatrix {
  kind: 'cooccurrence' | 'document' | 'attribute';
  unit?: CooccurrenceUnit;
  rows: MatrixTag[];
  columns: { key: string; label: string }[];
  /** counts[row][column] */
  counts: number[][];
  /** The largest count off the diagonal (co-occurrence) or in the table, for the heat-map scale. */
  max: number;
}
