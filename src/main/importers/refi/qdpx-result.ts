/** What a REFI-QDA import reports (issue 21): shared by the import and its store steps. */
import type { ImportSummary } from '../../../shared/domain.ts';

/** Longest note kept (a passage note, a kept note, a source description). */
export const NOTE_MAX = 20_000;

export interface CodingCheck {
  source: string;
  selection: string;
  /** What the tool wrote as the quote, and what the text holds at the positions. */
  expected: string;
  found: string;
}

export interface QdpxImportResult {
  summary: ImportSummary;
  codes: { created: number; reused: number };
  passages: number;
  /** Codings whose quote matched the text at their positions. */
  verified: number;
  /** Codings of a whole source (nothing to check: they span its text). */
  wholeSource: number;
  /** Codings with no quote to check (the tool wrote no selection name). */
  unchecked: number;
  mismatched: CodingCheck[];
  /** Codings of the mismatched selections (a selection may hold several coders' codings). */
  mismatchedCodings: number;
  /** Codings left out: positions outside the text, or a code not in the codebook. */
  dropped: string[];
  notesKept: number;
  /** Per document title, how its positions were read. */
  readings: Record<string, string>;
}
