/**
 * The cache file of a segment (format 4, issue 17): a small JSON header (ids, each field's average
 * length and array sizes), then the arrays' bytes as they lie in memory, then the terms as one UTF-8
 * string, so loading is reading one file and making views on it rather than parsing millions of
 * numbers. Every field's positions and offsets come last, after the head: a load reads the head only
 * and the positions and offsets stay in the file, read a term's run at a time by the queries that need
 * them (a phrase check, snippets). Files go through index-files.ts (a locked investigation seals them:
 * then the whole file is decrypted and the runs are views on it).
 *
 *   'DSX4' · u32 JSON length · f64 head length · JSON · (4-aligned) ints of every field · postings of
 *   every field · terms  ‖ head length: positions of every field · offsets of every field
 */
import type { IndexFileReader, ReadableBytes } from './index-files.ts';
import type { CodedMeta } from './worker-protocol.ts';
import { FIELDS, META_COLUMNS, type ByteRuns, type DocMetaColumns, type FieldPostings, type Segment } from './segment-format.ts';
import { TermDictionary } from './term-dictionary.ts';

/** Bumped with every change of the layout below: a manifest or file of another format is rebuilt, never misread. */
export const SEGMENT_FORMAT = 4;
const MAGIC = 'DSX4';
const PREAMBLE = 16;
const INT_ARRAYS = ['lengths', 'termIds', 'df', 'postingStart', 'positionStart', 'offsetStart'] as const;
/** Kept in the head (read at load) … */
const HEAD_BYTES = ['postings'] as const;
/** … and left in the file after it. */
const RUN_BYTES = ['positions', 'offsets'] as const;
const BYTE_ARRAYS = [...HEAD_BYTES, ...RUN_BYTES] as const;

interface CacheHeader {
  pipelineVersion: number;
  generation: number;
  ids: string[];
  termBytes: number;
  /** Per field: its average length and each array's length, INT_ARRAYS then BYTE_ARRAYS. */
  fields: { average: number; lengths: number[] }[];
  /** The documents' filter values, per column its distinct values and each document's index into them (-1: null). */
  meta?: Record<(typeof META_COLUMNS)[number], { values: string[]; codes: number[] }>;
}

function encodeMeta(meta: DocMetaColumns): NonNullable<CacheHeader['meta']> {
  const out = {} as NonNullable<CacheHeader['meta']>;
  for (const column of META_COLUMNS) {
    const values: string[] = [];
    const index = new Map<string, number>();
    const codes = meta[column].map((value) => {
      if (value === null) return -1;
      let code = index.get(value);
      if (code === undefined) index.set(value, (code = values.push(value) - 1));
      return code;
    });
    out[column] = { values, codes };
  }
  return out;
}

/** A segment's filter values as a worker sends them to the engine (worker-protocol.ts). */
export function codedMeta(meta: DocMetaColumns): CodedMeta {
  return codedFrom(encodeMeta(meta));
}

function codedFrom(coded: NonNullable<CacheHeader['meta']>): CodedMeta {
  const out = {} as CodedMeta;
  for (const column of META_COLUMNS) {
    const { values, codes } = coded[column];
    if (!values.every((value) => typeof value === 'string')) throw damaged();
    // A code outside the values (a damaged file) reads as no value, as decodeMeta reads it. A loop: Int32Array.from
    // with a function cost ~40 ms per worker at a cold start of 100,000 documents.
    const checked = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      checked[i] = Number.isInteger(code) && code >= 0 && code < values.length ? code : -1;
    }
    out[column] = { values, codes: checked };
  }
  return out;
}

function decodeMeta(meta: CacheHeader['meta'], count: number): DocMetaColumns | undefined {
  if (!meta) return undefined;
  const out = {} as DocMetaColumns;
  for (const column of META_COLUMNS) {
    const { values, codes } = meta[column] ?? {};
    if (!Array.isArray(values) || !Array.isArray(codes) || codes.length !== count) throw damaged();
    out[column] = codes.map((code) => (code === -1 ? null : (values[code] ?? null)));
  }
  return out;
}

const damaged = () => new Error('The index cache is damaged.');
const align4 = (n: number) => (n + 3) & ~3;

export function encodeSegment(segment: Segment, stamp: { pipelineVersion: number; generation: number }): Uint8Array {
  return Buffer.concat(encodeSegmentParts(segment, stamp).map((part) => (part instanceof Uint8Array ? part : part.read(0, part.length))));
}

/**
 * The file's bytes as a list of parts, most of them views on the segment's own arrays, the runs as the
 * segment holds them (in memory, or in a merge's spill files): a worker writes them one after the other,
 * so saving a merged segment does not hold a second copy of it in memory (issue 17: at 100,000 documents
 * that copy was a large share of a build's peak).
 */
export function encodeSegmentParts(segment: Segment, stamp: { pipelineVersion: number; generation: number }): (Uint8Array | ReadableBytes)[] {
  const terms = Buffer.from(segment.terms.text, 'utf8');
  const header: CacheHeader = {
    ...stamp,
    ids: segment.ids,
    termBytes: terms.length,
    fields: segment.fields.map((f) => ({ average: f.average, lengths: [...INT_ARRAYS, ...BYTE_ARRAYS].map((name) => f[name].length) })),
    ...(segment.meta ? { meta: encodeMeta(segment.meta) } : {}),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align4(PREAMBLE + json.length);
  const view = (array: Int32Array | Uint8Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const body: Uint8Array[] = [];
  for (const f of segment.fields) for (const name of INT_ARRAYS) body.push(view(f[name]));
  for (const f of segment.fields) body.push(f.postings);
  body.push(terms);
  const head = dataStart + body.reduce((n, part) => n + part.byteLength, 0);
  const start = Buffer.alloc(dataStart);
  start.write(MAGIC, 0, 'latin1');
  start.writeUInt32LE(json.length, 4);
  start.writeDoubleLE(head, 8);
  json.copy(start, PREAMBLE);
  return [start, ...body, ...segment.fields.map((f) => f.positions), ...segment.fields.map((f) => f.offsets)];
}

/**
 * A segment just written to `file` (encodeSegmentParts), held with its head as it is in memory and its
 * runs read from the file from now on: the file is not read back (issue 17: reading the head of a
 * merged segment back while the merge's own was still held was ~25 MB of a full build's peak).
 */
export function withFileRuns(segment: Segment, file: IndexFileReader): Segment {
  const preamble = Buffer.from(file.read(0, PREAMBLE));
  if (preamble.toString('latin1', 0, 4) !== MAGIC) throw damaged();
  let at = preamble.readDoubleLE(8);
  const runOf = (length: number) => {
    at += length;
    return fileRun(file, at - length, length);
  };
  const positions = segment.fields.map((f) => runOf(f.positions.length));
  const offsets = segment.fields.map((f) => runOf(f.offsets.length));
  if (at !== file.size) throw damaged();
  return { ...segment, fields: segment.fields.map((f, i) => ({ ...f, positions: positions[i]!, offsets: offsets[i]! })), release: () => file.close() };
}

/** Bytes [from, from + size) of the file, read when asked. */
function fileRun(file: IndexFileReader, from: number, size: number): ByteRuns {
  return {
    length: size,
    read: (a, b) => {
      if (a < 0 || b > size || b < a) throw damaged();
      return file.read(from + a, from + b);
    },
  };
}

/**
 * A segment from its cache file: its head read and checked (throws when it is not a whole, consistent
 * cache of this format); its positions and offsets are read from `file` when asked, so the segment
 * keeps the file open until `release` (the worker's drop).
 */
export function decodeSegment(file: IndexFileReader): { segment: Segment; pipelineVersion: number; generation: number; coded?: CodedMeta | undefined } {
  if (file.size < PREAMBLE) throw damaged();
  const preamble = Buffer.from(file.read(0, PREAMBLE));
  if (preamble.toString('latin1', 0, 4) !== MAGIC) throw damaged();
  const jsonLength = preamble.readUInt32LE(4);
  const headLength = preamble.readDoubleLE(8);
  if (!Number.isSafeInteger(headLength) || PREAMBLE + jsonLength > headLength || headLength > file.size) throw damaged();
  const read = file.read(0, headLength);
  const bytes = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
  let header: CacheHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', PREAMBLE, PREAMBLE + jsonLength)) as CacheHeader;
  } catch {
    throw damaged();
  }
  const { ids, fields: shapes, termBytes } = header;
  if (!Array.isArray(ids) || !Array.isArray(shapes) || shapes.length !== FIELDS.length || !Number.isInteger(termBytes)) throw damaged();
  // Int32 views need 4-byte alignment in the underlying buffer; copy once if the file's buffer is not.
  const base = (bytes.byteOffset + align4(PREAMBLE + jsonLength)) % 4 === 0 ? bytes : Buffer.from(bytes);
  let at = base.byteOffset + align4(PREAMBLE + jsonLength);
  const end = base.byteOffset + base.length;
  const take = (width: 1 | 4, length: unknown): Int32Array | Uint8Array => {
    if (!Number.isInteger(length) || (length as number) < 0 || at + (length as number) * width > end) throw damaged();
    const array = width === 4 ? new Int32Array(base.buffer, at, length as number) : new Uint8Array(base.buffer, at, length as number);
    at += (length as number) * width;
    return array;
  };
  const lengthOf = (f: number, name: (typeof BYTE_ARRAYS)[number]) => shapes[f]!.lengths[INT_ARRAYS.length + BYTE_ARRAYS.indexOf(name)];
  const ints = shapes.map((shape) => {
    if (!Array.isArray(shape?.lengths) || shape.lengths.length !== INT_ARRAYS.length + BYTE_ARRAYS.length || typeof shape.average !== 'number') throw damaged();
    return Object.fromEntries(INT_ARRAYS.map((name, i) => [name, take(4, shape.lengths[i])])) as Record<(typeof INT_ARRAYS)[number], Int32Array>;
  });
  const postings = shapes.map((_, f) => take(1, lengthOf(f, 'postings')) as Uint8Array);
  if (at + termBytes !== end) throw damaged();
  const terms = new TermDictionary(Buffer.from(base.buffer, at, termBytes).toString('utf8'));
  // The runs, after the head: positions of every field, then offsets of every field.
  let runAt = headLength;
  const runOf = (length: unknown): ByteRuns => {
    if (!Number.isInteger(length) || (length as number) < 0 || runAt + (length as number) > file.size) throw damaged();
    runAt += length as number;
    return fileRun(file, runAt - (length as number), length as number);
  };
  const positions = shapes.map((_, f) => runOf(lengthOf(f, 'positions')));
  const offsets = shapes.map((_, f) => runOf(lengthOf(f, 'offsets')));
  if (runAt !== file.size) throw damaged();
  const fields: FieldPostings[] = ints.map((arrays, f) => ({
    ...arrays,
    average: shapes[f]!.average,
    postings: postings[f]!,
    positions: positions[f]!,
    offsets: offsets[f]!,
  }));
  const consistent = fields.every((f) => {
    const n = f.termIds.length;
    return (
      f.lengths.length === ids.length &&
      f.df.length === n &&
      f.postingStart.length === n + 1 &&
      f.positionStart.length === n + 1 &&
      f.offsetStart.length === n + 1 &&
      f.postingStart[n] === f.postings.length &&
      f.positionStart[n] === f.positions.length &&
      f.offsetStart[n] === f.offsets.length &&
      (n === 0 || (f.termIds[0]! >= 0 && f.termIds[n - 1]! < terms.length))
    );
  });
  if (!consistent) throw damaged();
  const meta = decodeMeta(header.meta, ids.length);
  return {
    segment: { ids, terms, fields, meta, release: () => file.close() },
    pipelineVersion: header.pipelineVersion,
    generation: header.generation,
    // The values as the file codes them, for the engine (checked by decodeMeta above).
    coded: header.meta && meta ? codedFrom(header.meta) : undefined,
  };
}
