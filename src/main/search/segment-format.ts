/**
 * A segment's layout in memory and in its cache file (issue 17), after Lucene's: a term dictionary
 * (term-dictionary.ts), and per field the terms it holds with their document frequencies, the
 * postings (document gap and term frequency, varint-coded), and, apart, each posting's token
 * positions and character offsets (varint-coded gaps, first value whole). Scores are not stored:
 * each field keeps its documents' lengths (Lucene's norms) and a query computes Lunr's BM25 weight
 * from the frequency, so a merge of segments is a copy of bytes, never a re-tokenising. Positions
 * are read only for phrase checks and offsets only for the hits shown.
 *
 * Measured at 20,000 bench documents (npm run bench): the typed-array layout before it took 145 MB
 * (positions and offsets as Int32 per occurrence were half of it, document, score and position start
 * as Int32/Float32 per posting the rest).
 */
import { ByteReader, ByteWriter } from './varint.ts';
import type { SpillFile } from './index-files.ts';
import { SpillWriter } from './run-spill.ts';
import type { TermDictionary } from './term-dictionary.ts';

/** Fields indexed for every document; `text` is the canonical text, the others short metadata. */
export const FIELDS = ['title', 'text', 'source', 'author'] as const;
const BOOSTS = [3, 1, 2, 2];
const K1 = 1.2;
const B = 0.75;

/** One segment, immutable: documents are positions ("local" numbers) in `ids`. */
export interface Segment {
  ids: string[];
  terms: TermDictionary;
  /** In FIELDS order. */
  fields: FieldPostings[];
  /**
   * The documents' filter values as they were when the segment was built (issue 17: a cold start then
   * reads no document rows). A later change of any of them re-indexes the document (they count as
   * indexed fields: documents.index_generation), so a cached value is never used stale.
   */
  meta?: DocMetaColumns | undefined;
  /** Gives back the cache file a segment read from disk holds open (its positions and offsets), when dropped. */
  release?: (() => void) | undefined;
}

/**
 * Positions or offsets: in memory (a segment just built), or in the segment's cache file, read a term's
 * run at a time when a phrase check or a snippet asks (issue 17: they were most of the resident index).
 */
export interface ByteRuns {
  readonly length: number;
  /** Bytes [from, to): a view when in memory, a read of the file otherwise. */
  read(from: number, to: number): Uint8Array;
}

export const inMemory = (bytes: Uint8Array): ByteRuns => ({ length: bytes.length, read: (from, to) => bytes.subarray(from, to) });

/** Filter and facet values of a segment's documents, one array per column in the order of its ids. */
export interface DocMetaColumns {
  language: (string | null)[];
  /** Null where the store no longer holds the document. */
  format: (string | null)[];
  source: (string | null)[];
  publishedAt: (string | null)[];
}

export const META_COLUMNS = ['language', 'format', 'source', 'publishedAt'] as const;

/**
 * One field's postings. Rank r is the r-th term the field holds (term number termIds[r]); its postings
 * are the bytes postingStart[r] to postingStart[r + 1] of `postings`: per document, ascending, the gap
 * from the previous document (the first: the document itself) and the term's frequency there. Its
 * positions and offsets lie likewise in `positions` and `offsets`, one run of tf values per posting.
 * A position counts every token of the field, stop words included, so "forced to sing" keeps its gap.
 */
export interface FieldPostings {
  /** Each local document's length in this field (index terms), for BM25's length normalisation. */
  lengths: Int32Array;
  average: number;
  termIds: Int32Array;
  df: Int32Array;
  postingStart: Int32Array;
  positionStart: Int32Array;
  offsetStart: Int32Array;
  postings: Uint8Array;
  positions: ByteRuns;
  /** Where each token starts in the field's text (UTF-16 code units): snippets need no re-tokenising. */
  offsets: ByteRuns;
}

/**
 * Lunr's BM25 weight of a term in one document's field (k1 1.2, b 0.75, Lunr's IDF over the segment,
 * the field's boost), rounded to 3 decimals and to a float as Lunr's builder and the packed arrays
 * before this layout stored it, so rankings stay exactly as they were.
 */
export function fieldWeight(idf: number, tf: number, length: number, average: number, field: number): number {
  const score = ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / average)) + tf)) * BOOSTS[field]!;
  return Math.fround(Math.round(score * 1000) / 1000);
}

/** Lunr's IDF of a term held by `df` document fields out of `documentCount` documents. */
export const lunrIdf = (df: number, documentCount: number) => Math.log(1 + Math.abs((documentCount - df + 0.5) / (df + 0.5)));

/** The rank of term number t in a field, or -1 when the field does not hold it. */
export function rankOf(field: FieldPostings, t: number): number {
  const { termIds } = field;
  let lo = 0;
  let hi = termIds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (termIds[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < termIds.length && termIds[lo] === t ? lo : -1;
}

/** How many document fields hold term t (Lunr's document frequency counts a document once per field). */
export function documentFrequency(segment: Segment, t: number): number {
  let df = 0;
  for (const field of segment.fields) {
    const rank = rankOf(field, t);
    if (rank >= 0) df += field.df[rank]!;
  }
  return df;
}

/** One term's postings in one field, decoded once per request; positions and offsets decoded only when asked. */
export class TermPostings {
  readonly docs: Int32Array;
  readonly tfs: Int32Array;
  private readonly field: FieldPostings;
  private readonly rank: number;
  private cursor = 0;
  private positionRun: Run | undefined;
  /** The term's positions run (one read), and the posting positionsInto() last stopped at and where its values start. */
  private positionBytes: Uint8Array | undefined;
  private walkPosting = 0;
  private walkAt = 0;
  private offsetRun: Run | undefined;

  constructor(field: FieldPostings, rank: number) {
    this.field = field;
    this.rank = rank;
    const n = field.df[rank]!;
    this.docs = new Int32Array(n);
    this.tfs = new Int32Array(n);
    const reader = new ByteReader(field.postings, field.postingStart[rank]!);
    let doc = 0;
    for (let k = 0; k < n; k++) {
      doc += reader.varint();
      this.docs[k] = doc;
      this.tfs[k] = reader.varint();
    }
  }

  /** The posting of local document `doc` (documents ascend), or -1. */
  indexOf(doc: number): number {
    const { docs } = this;
    const n = docs.length;
    let lo = 0;
    let hi = n;
    if (this.cursor < n && docs[this.cursor]! <= doc) {
      // Galloping from the last answer: a phrase check asks for its candidates in ascending order.
      lo = this.cursor;
      let step = 1;
      while (lo + step < n && docs[lo + step]! <= doc) {
        lo += step;
        step <<= 1;
      }
      hi = Math.min(n, lo + step);
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= n || docs[lo] !== doc) return -1;
    this.cursor = lo;
    return lo;
  }

  /** The token positions of posting k, ascending. */
  positions(k: number): number[] {
    this.positionRun ??= this.runOf(this.field.positions, this.field.positionStart);
    return this.decode(this.positionRun, k);
  }

  /**
   * The token positions of posting k appended to `out` (ascending within the posting). A phrase check asks this for tens of thousands of postings: no array per posting.
   */
  positionsInto(k: number, out: PositionBuffer): void {
    const bytes = (this.positionBytes ??= this.field.positions.read(this.field.positionStart[this.rank]!, this.field.positionStart[this.rank + 1]!));
    // Walked forwards from the last posting asked for (a phrase check asks in ascending order): the postings
    // between are skipped here, so the run needs no table of where each posting starts.
    if (k < this.walkPosting) this.walkPosting = this.walkAt = 0;
    const { tfs } = this;
    let at = this.walkAt;
    for (let p = this.walkPosting; p < k; p++) for (let n = tfs[p]!; n > 0; n--) while (bytes[at++]! & 0x80);
    this.walkPosting = k;
    this.walkAt = at;
    const count = tfs[k]!;
    out.reserve(count);
    const { values } = out;
    let value = 0;
    let length = out.length;
    for (let i = 0; i < count; i++) {
      // LEB128 inline (ByteReader.varint): this loop is a phrase check's hot path.
      let byte = bytes[at++]!;
      let gap = byte & 0x7f;
      let shift = 7;
      while (byte & 0x80) {
        byte = bytes[at++]!;
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      }
      values[length++] = value += gap >>> 0;
    }
    out.length = length;
  }

  /** The character offsets of posting k, ascending. */
  offsets(k: number): number[] {
    this.offsetRun ??= this.runOf(this.field.offsets, this.field.offsetStart);
    return this.decode(this.offsetRun, k);
  }

  /** The term's whole run (one read of the file), and where each posting's values start in it. */
  private runOf(runs: ByteRuns, start: Int32Array): Run {
    const bytes = runs.read(start[this.rank]!, start[this.rank + 1]!);
    const starts = new Int32Array(this.tfs.length);
    const reader = new ByteReader(bytes, 0);
    for (let k = 0; k < this.tfs.length; k++) {
      starts[k] = reader.at;
      reader.skip(this.tfs[k]!);
    }
    return { bytes, starts };
  }

  private decode({ bytes, starts }: Run, k: number): number[] {
    const reader = new ByteReader(bytes, starts[k]!);
    const count = this.tfs[k]!;
    const out = new Array<number>(count);
    let value = 0;
    for (let i = 0; i < count; i++) out[i] = value += reader.varint();
    return out;
  }
}

interface Run {
  bytes: Uint8Array;
  starts: Int32Array;
}

/** Positions collected for a phrase check, reused from document to document. */
export class PositionBuffer {
  values = new Int32Array(64);
  length = 0;

  /** Room for `more` values after `length`. */
  reserve(more: number): void {
    if (this.length + more <= this.values.length) return;
    const next = new Int32Array(Math.max(this.values.length * 2, this.length + more));
    next.set(this.values.subarray(0, this.length));
    this.values = next;
  }
}

/** Positions and offsets bytes in memory. */
export interface FieldBytes {
  positions: Uint8Array;
  offsets: Uint8Array;
}

/** One term's run of positions and of offsets in a field (what a merge copies). */
export type TermRuns = FieldBytes;

const runsOf = (writer: ByteWriter | SpillWriter): ByteRuns => (writer instanceof SpillWriter ? writer.finish() : inMemory(writer.finish()));

/** Writes one field's postings, term by term in ascending term number (a build and a merge both use it). */
export class FieldWriter {
  private readonly termIds: number[] = [];
  private readonly df: number[] = [];
  private readonly postingStart: number[] = [];
  private readonly positionStart: number[] = [];
  private readonly offsetStart: number[] = [];
  private readonly postings: ByteWriter;
  private readonly positions: ByteWriter | SpillWriter;
  private readonly offsets: ByteWriter | SpillWriter;
  private lastDoc = 0;
  private count = 0;
  private open = false;

  /**
   * `capacity`: the bytes expected (a merge knows them from its inputs), so the buffers never grow by
   * copying. `spill`: files the positions and offsets go to as they are written (a merge whose segment
   * is saved, run-spill.ts), instead of memory.
   */
  constructor(
    capacity: { postings: number; positions: number; offsets: number } = { postings: 1 << 16, positions: 1 << 16, offsets: 1 << 16 },
    spill?: { positions: SpillFile; offsets: SpillFile },
  ) {
    this.postings = new ByteWriter(capacity.postings);
    this.positions = spill ? new SpillWriter(spill.positions) : new ByteWriter(capacity.positions);
    this.offsets = spill ? new SpillWriter(spill.offsets) : new ByteWriter(capacity.offsets);
  }

  begin(t: number): void {
    this.termIds.push(t);
    this.postingStart.push(this.postings.length);
    this.positionStart.push(this.positions.length);
    this.offsetStart.push(this.offsets.length);
    this.lastDoc = 0;
    this.count = 0;
    this.open = true;
  }

  /** One document's occurrences of the term: `occurrences` holds [position, offset, position, offset…] from `from`, tf pairs. */
  add(doc: number, tf: number, occurrences: ArrayLike<number>, from: number): void {
    this.posting(doc, tf);
    let position = 0;
    let offset = 0;
    for (let k = 0, i = from; k < tf; k++, i += 2) {
      this.positions.varint(occurrences[i]! - position);
      this.offsets.varint(occurrences[i + 1]! - offset);
      position = occurrences[i]!;
      offset = occurrences[i + 1]!;
    }
  }

  /** A posting copied from another segment's bytes (its runs are self-contained: first value whole): `runs` holds the term's run there, and the posting's parts of it. */
  copy(doc: number, tf: number, runs: TermRuns, positions: [number, number], offsets: [number, number]): void {
    this.posting(doc, tf);
    this.positions.append(runs.positions, positions[0], positions[1]);
    this.offsets.append(runs.offsets, offsets[0], offsets[1]);
  }

  /**
   * All of one segment's postings of a term at once, its documents shifted by `shift` (a merge keeping
   * every document of that segment): only the first gap changes, the rest of the bytes are copied whole.
   */
  copyAll(field: FieldPostings, runs: TermRuns, rank: number, shift: number): void {
    const reader = new ByteReader(field.postings, field.postingStart[rank]!);
    const first = reader.varint();
    const tf = reader.varint();
    const rest = reader.at;
    // The last document, for the next gap: the sum of the gaps (term frequencies skipped).
    let last = first;
    for (let k = field.df[rank]! - 1; k > 0; k--) {
      last += reader.varint();
      reader.skip(1);
    }
    this.postings.varint(first + shift - this.lastDoc);
    this.postings.varint(tf);
    this.postings.append(field.postings, rest, field.postingStart[rank + 1]!);
    this.positions.append(runs.positions, 0, runs.positions.length);
    this.offsets.append(runs.offsets, 0, runs.offsets.length);
    this.lastDoc = last + shift;
    this.count += field.df[rank]!;
  }

  /** Closes the term; one with no postings is left out. */
  end(): void {
    this.open = false;
    if (this.count > 0) {
      this.df.push(this.count);
      return;
    }
    this.termIds.pop();
    this.postingStart.pop();
    this.positionStart.pop();
    this.offsetStart.pop();
  }

  /** The field's postings; `renumber` maps the term numbers written to the final dictionary's. */
  finish(lengths: Int32Array, renumber?: Int32Array): FieldPostings {
    if (this.open) this.end();
    const documents = lengths.length;
    let total = 0;
    for (const length of lengths) total += length;
    const bounds = (starts: number[], end: number) => Int32Array.from([...starts, end]);
    return {
      lengths,
      average: total / Math.max(1, documents),
      termIds: Int32Array.from(this.termIds, (t) => (renumber ? renumber[t]! : t)),
      df: Int32Array.from(this.df),
      postingStart: bounds(this.postingStart, this.postings.length),
      positionStart: bounds(this.positionStart, this.positions.length),
      offsetStart: bounds(this.offsetStart, this.offsets.length),
      postings: this.postings.finish(),
      positions: runsOf(this.positions),
      offsets: runsOf(this.offsets),
    };
  }

  /** Term numbers written so far that have postings (a merge keeps only those). */
  get written(): readonly number[] {
    return this.termIds;
  }

  private posting(doc: number, tf: number): void {
    this.postings.varint(doc - this.lastDoc);
    this.postings.varint(tf);
    this.lastDoc = doc;
    this.count++;
  }
}
