/** Messages between the search engine (main thread) and its workers. */
import type { Clause } from './query-parser.ts';
export type { DocMetaColumns } from './segment-format.ts';

export type WorkerRequest = { id: number } & (
  | { type: 'build'; segment: number; ids: string[]; cacheFile?: string; generation: number; moreToCome?: boolean }
  | { type: 'load'; segment: number; cacheFile: string }
  | { type: 'drop'; segment: number }
  /** Drops every segment (closing their cache files) and the store connection: the pool is closing. */
  | { type: 'close' }
  /** Issue 17: a new segment (cached in cacheFile) of the `keep` documents of segments this worker holds, in order. */
  | { type: 'merge'; segment: number; inputs: { segment: number; keep: number[] }[]; cacheFile?: string; generation: number }
  /** Writes a segment this worker holds to its cache file (the end of a full build). */
  | { type: 'save'; segment: number; cacheFile: string; generation: number }
  | { type: 'match'; segments: number[]; clauses: Clause[] }
  /** Snippets of documents of segments this worker holds: `local` is the document's number in its segment. */
  | { type: 'snippets'; items: { segment: number; local: number; terms: string[] }[] }
  /** Issue 14, item 5: where every word of `clauses` lies in one document of a segment this worker holds. */
  | { type: 'offsets'; segment: number; documentId: string; clauses: Clause[] }
);

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** A request without its id, as the pool's callers write it. */
export type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

