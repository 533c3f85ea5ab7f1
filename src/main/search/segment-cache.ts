/**
 * The cache file of a segment (format 3, issue 17): a small JSON header (ids, each field's average
 * length and array sizes), then the arrays' bytes as they lie in memory, then the terms as one UTF-8
 * string, so loading is reading one file and making views on it rather than parsing millions of
 * numbers. The file is read and written whole through index-files.ts (a locked investigation seals it).
 */
import { FIELDS, META_COLUMNS, type DocMetaColumns, type FieldPostings, type Segment } from './segment-format.ts';
import { TermDictionary } from './term-dictionary.ts';

/** Bumped with every change of the layout below: a manifest or file of another format is rebuilt, never misread. */
export const SEGMENT_FORMAT = 3;
const MAGIC = 'DSX3';
const INT_ARRAYS = ['lengths', 'termIds', 'df', 'postingStart', 'positionStart', 'offsetStart'] as const;
const BYTE_ARRAYS = ['postings', 'positions', 'offsets'] as const;

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
  const terms = Buffer.from(segment.terms.text, 'utf8');
  const header: CacheHeader = {
    ...stamp,
    ids: segment.ids,
    termBytes: terms.length,
    fields: segment.fields.map((f) => ({ average: f.average, lengths: [...INT_ARRAYS, ...BYTE_ARRAYS].map((name) => f[name].length) })),
    ...(segment.meta ? { meta: encodeMeta(segment.meta) } : {}),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align4(8 + json.length);
  let size = dataStart;
  for (const f of segment.fields) for (const name of INT_ARRAYS) size += f[name].byteLength;
  for (const f of segment.fields) for (const name of BYTE_ARRAYS) size += f[name].byteLength;
  const out = Buffer.alloc(size + terms.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  let at = dataStart;
  const put = (array: Int32Array | Uint8Array) => {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  };
  for (const f of segment.fields) for (const name of INT_ARRAYS) put(f[name]);
  for (const f of segment.fields) for (const name of BYTE_ARRAYS) put(f[name]);
  terms.copy(out, at);
  return out;
}

/** A segment from its cache file's bytes; throws when they are not a whole, consistent cache of this format. */
export function decodeSegment(bytes: Buffer): { segment: Segment; pipelineVersion: number; generation: number } {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) throw damaged();
  const jsonLength = bytes.readUInt32LE(4);
  if (8 + jsonLength > bytes.length) throw damaged();
  let header: CacheHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + jsonLength)) as CacheHeader;
  } catch {
    throw damaged();
  }
  const { ids, fields: shapes, termBytes } = header;
  if (!Array.isArray(ids) || !Array.isArray(shapes) || shapes.length !== FIELDS.length || !Number.isInteger(termBytes)) throw damaged();
  // Int32 views need 4-byte alignment in the underlying buffer; copy once if the file's buffer is not.
  const base = (bytes.byteOffset + align4(8 + jsonLength)) % 4 === 0 ? bytes : Buffer.from(bytes);
  let at = base.byteOffset + align4(8 + jsonLength);
  const end = base.byteOffset + base.length;
  const take = (width: 1 | 4, length: unknown): Int32Array | Uint8Array => {
    if (!Number.isInteger(length) || (length as number) < 0 || at + (length as number) * width > end) throw damaged();
    const array = width === 4 ? new Int32Array(base.buffer, at, length as number) : new Uint8Array(base.buffer, at, length as number);
    at += (length as number) * width;
    return array;
  };
  const partial = shapes.map((shape) => {
    if (!Array.isArray(shape?.lengths) || shape.lengths.length !== INT_ARRAYS.length + BYTE_ARRAYS.length || typeof shape.average !== 'number') throw damaged();
    return Object.fromEntries(INT_ARRAYS.map((name, i) => [name, take(4, shape.lengths[i])])) as Record<(typeof INT_ARRAYS)[number], Int32Array>;
  });
  const fields: FieldPostings[] = partial.map((ints, f) => ({
    ...ints,
    average: shapes[f]!.average,
    ...(Object.fromEntries(BYTE_ARRAYS.map((name, i) => [name, take(1, shapes[f]!.lengths[INT_ARRAYS.length + i])])) as Record<(typeof BYTE_ARRAYS)[number], Uint8Array>),
  }));
  if (at + termBytes !== end) throw damaged();
  const terms = new TermDictionary(Buffer.from(base.buffer, at, termBytes).toString('utf8'));
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
  return { segment: { ids, terms, fields, meta: decodeMeta(header.meta, ids.length) }, pipelineVersion: header.pipelineVersion, generation: header.generation };
}
