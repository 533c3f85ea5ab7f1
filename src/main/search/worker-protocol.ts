/** Messages between the search engine (main thread) and its workers. */
import type { MessagePort } from 'node:worker_threads';
import type { Clause } from './query-parser.ts';
import type { DocMetaColumns } from './segment-format.ts';
export type { DocMetaColumns } from './segment-format.ts';

/**
 * A segment's document ids across the thread boundary. One string is cloned in one copy and split on
 * arrival; 100,000 strings are cloned one by one (issue 17: with the filter values below, that was most
 * of a cold start's main-thread time). An id holding a line break (none the store makes) goes as a list.
 */
export type IdList = string | string[];
export const packIds = (ids: string[]): IdList => (ids.some((id) => id === '' || id.includes('\n')) ? ids : ids.join('\n'));
export const unpackIds = (ids: IdList): string[] => (typeof ids !== 'string' ? ids : ids === '' ? [] : ids.split('\n'));

/** A column of filter values, dictionary-coded: each document's index into `values`, -1 for null (the codes are transferred, not cloned). */
export interface CodedColumn {
  values: string[];
  codes: Int32Array;
}
export type CodedMeta = Record<keyof DocMetaColumns, CodedColumn>;

/** What a worker answers for a segment it built, merged or loaded. */
export interface SegmentReply {
  ids: IdList;
  /** Each field's average length in the segment (the engine averages them over all segments). */
  averages: number[];
  /** Absent for a merge: the engine has its documents' values already. */
  meta?: CodedMeta;
}

export type WorkerRequest = { id: number } & (
  | { type: 'build'; segment: number; ids: string[]; cacheFile?: string; generation: number; moreToCome?: boolean }
  | { type: 'load'; segment: number; cacheFile: string }
  | { type: 'drop'; segment: number }
  /** Issue 17: a new segment (cached in cacheFile) of the `keep` documents of segments this worker holds, in order. */
  | { type: 'merge'; segment: number; inputs: { segment: number; keep: number[] }[]; cacheFile?: string; generation: number }
  /** Writes a segment this worker holds to its cache file (the end of a full build). */
  | { type: 'save'; segment: number; cacheFile: string; generation: number }
  /**
   * Matches and scores (issue 17). `averages`: each field's average length over the whole index, for BM25's length
   * normalisation; `peers`: the other workers matching this query, which tell each other their term frequencies for
   * the whole index's IDF; `query`: the engine's number for this search (the worker holds the matches until its
   * snippets request).
   */
  | { type: 'match'; query: number; segments: number[]; clauses: Clause[]; averages?: number[]; peers: number[] }
  /** The end of a channel to worker `peer` (worker-peers.ts), sent once to each worker when the pool starts. */
  | { type: 'connect'; peer: number; port: MessagePort }
  /** Snippets of documents of segments this worker holds (`local`: the document's number there); gives up the query's matches. */
  | { type: 'snippets'; query: number; items: { segment: number; local: number }[] }
  /** Issue 14, item 5: where every word of `clauses` lies in one document of a segment this worker holds. */
  | { type: 'offsets'; segment: number; documentId: string; clauses: Clause[] }
);

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** A request without its id, as the pool's callers write it. */
export type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

