/** Teamwork types (issue 21): merge summaries, conflicts and inter-coder agreement. Pure TypeScript. */

/** Something both copies hold differently, listed for the user to settle; `resolution` says what the merge kept. */
export interface MergeConflict {
  kind: 'document' | 'tag' | 'passage' | 'report' | (string & {});
  /** What it is, as a user names it: a tag path, a quote, a report title. */
  what: string;
  ours: string;
  theirs: string;
  resolution: string;
}

export interface MergeSummary {
  archive: string;
  /** Rows added to this investigation, per kind ("documents", "tags", "passages", "reports", "notes"…). */
  added: Record<string, number>;
  /** Rows of this investigation that gained something of the other copy (tags on a passage, a note, a colour). */
  updated: Record<string, number>;
  conflicts: MergeConflict[];
}

export interface AgreementCounts {
  /** Units (characters) coded with the tag by both, by the first only, by the second only, by neither. */
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export interface Disagreement {
  documentId: string;
  documentTitle: string;
  start: number;
  end: number;
  text: string;
  /** The researcher who coded this span with the tag (the other did not). */
  codedBy: string;
  /** The other researcher's nearest span with the tag in this document, to show beside it; null when they have none there. */
  otherSpan: { start: number; end: number } | null;
}

export interface AgreementReport {
  tagId: string;
  tagPath: string;
  coders: [string, string];
  /** What a unit is, in one sentence (shown beside the figures). */
  unit: string;
  documents: { id: string; title: string; units: number }[];
  counts: AgreementCounts;
  /** Share of units on which the two agree (0–1); null when no document was coded by both. */
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
  disagreements: Disagreement[];
  /** Every researcher name that coded passages in this investigation (for choosing the two). */
  researchers: string[];
}
