/**
 * A segment's match scored in its worker (issue 17). The query's workers tell each other their
 * segments' document frequencies (worker-peers.ts), so each knows every term's IDF over the whole
 * index; each matching document's score is its contributions × IDF, summed in the order the match
 * made them: the very sum the engine made on the main thread before, over the same numbers. At 100,000
 * documents a broad query's contributions were ~5 MB handed to the main thread and summed there; the
 * scores are one number a document.
 */
import type { SegmentMatches } from './segment-query.ts';

/** A segment's matching documents (local numbers, ascending), with the engine's ranking keys, and the terms it looked up. */
export interface SegmentScores {
  /** See SegmentMatches: the index terms looked up, and for each the clause that first did. */
  terms: string[];
  termClause: number[];
  docs: Int32Array;
  /** See SegmentMatches.own. */
  own: Int32Array;
  score: Float64Array;
}

/** One accumulator per local document, reused (a worker scores one segment at a time). */
let sums = new Float64Array(0);

/** `idf[i]`: the whole index's IDF of `m.terms[i]`. */
export function scoreMatches(m: SegmentMatches, idf: readonly number[]): Pick<SegmentScores, 'docs' | 'own' | 'score'> {
  if (sums.length < m.documentCount) sums = new Float64Array(m.documentCount);
  const { docs, entryDoc, entryTerm, entryWeight } = m;
  for (let k = 0; k < docs.length; k++) sums[docs[k]!] = 0;
  for (let i = 0; i < entryDoc.length; i++) sums[entryDoc[i]!]! += entryWeight[i]! * idf[entryTerm[i]!]!;
  const score = new Float64Array(docs.length);
  for (let k = 0; k < docs.length; k++) score[k] = sums[docs[k]!]!;
  return { docs, own: m.own, score };
}

/**
 * Where the runs of a match's contributions start: they come a term and field at a time, each run by
 * ascending document, so a run ends where documents stop ascending.
 */
export function contributionRuns(m: SegmentMatches): Int32Array {
  const { entryDoc } = m;
  const starts: number[] = entryDoc.length > 0 ? [0] : [];
  for (let i = 1; i < entryDoc.length; i++) if (entryDoc[i]! <= entryDoc[i - 1]!) starts.push(i);
  starts.push(entryDoc.length);
  return Int32Array.from(starts);
}

/**
 * The index terms that gave local document `local` a contribution, in the order they did (the order
 * the engine listed them in for its snippets before): found in each run by binary search.
 */
export function matchedTermsOf(m: SegmentMatches, runs: Int32Array, local: number): string[] {
  const { entryDoc, entryTerm } = m;
  const out = new Set<string>();
  for (let r = 0; r + 1 < runs.length; r++) {
    const end = runs[r + 1]!;
    let lo = runs[r]!;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entryDoc[mid]! < local) lo = mid + 1;
      else hi = mid;
    }
    if (lo < end && entryDoc[lo] === local) out.add(m.terms[entryTerm[lo]!]!);
  }
  return [...out];
}
