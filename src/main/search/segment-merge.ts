/**
 * Merging segments (issue 17's tiered policy, segment-set.ts decides what to merge): the postings of
 * a few segments are copied into one, documents renumbered and the ones no longer live left out,
 * without reading or tokenising any text. Scores are computed at query time from term frequencies
 * and field lengths, so the merged segment ranks exactly as a segment built over the same documents.
 */
import { ByteReader } from './varint.ts';
import { FIELDS, FieldWriter, META_COLUMNS, type ByteRuns, type DocMetaColumns, type Segment } from './segment-format.ts';
import { TermDictionary } from './term-dictionary.ts';
import type { SpillFile } from './index-files.ts';

export interface MergeInput {
  segment: Segment;
  /** The local documents to keep (ascending); the others (tombstones, superseded entries) are dropped. */
  keep: readonly number[];
}

/** Files a merge writes each field's positions and offsets to (the worker's, when the merged segment is saved). */
export type MergeSpill = (field: number) => { positions: SpillFile; offsets: SpillFile };

export function mergeSegments(inputs: readonly MergeInput[], spill?: MergeSpill): Segment {
  // Each input's local document → its number in the merged segment, or -1.
  const ids: string[] = [];
  const renumbered = inputs.map(({ segment, keep }) => {
    const map = new Int32Array(segment.ids.length).fill(-1);
    // Ascending, so that each input's documents keep their order and postings stay ascending.
    for (const local of [...keep].sort((a, b) => a - b)) {
      if (map[local] !== -1 || local >= segment.ids.length) continue;
      map[local] = ids.length;
      ids.push(segment.ids[local]!);
    }
    return map;
  });
  // Inputs whose every document is kept, in order: their postings are copied whole, shifted (the usual merge).
  const shifts = renumbered.map((map) => (map.length > 0 && map.every((to, local) => to === map[0]! + local) ? map[0]! : -1));
  // The union of the vocabularies, and each input's term number → its number in the union.
  const { union, termMaps } = unionOf(inputs.map(({ segment }) => segment.terms.toArray()));

  // Sized from the inputs: positions and offsets are copied as they are; a posting's first document gap may take a few bytes more.
  const writers = FIELDS.map((_, f) => {
    const sum = (pick: (field: Segment['fields'][number]) => number) => inputs.reduce((n, { segment }) => n + pick(segment.fields[f]!), 0);
    const postings = sum((field) => field.postings.length + 4 * field.termIds.length) + 16;
    if (spill) return new FieldWriter({ postings, positions: 0, offsets: 0 }, spill(f));
    return new FieldWriter({ postings, positions: sum((field) => field.positions.length) + 16, offsets: sum((field) => field.offsets.length) + 16 });
  });
  const lengths = FIELDS.map((_, f) => {
    const out = new Int32Array(ids.length);
    inputs.forEach(({ segment }, i) => segment.fields[f]!.lengths.forEach((length, local) => {
      const to = renumbered[i]![local]!;
      if (to >= 0) out[to] = length;
    }));
    return out;
  });
  FIELDS.forEach((_, f) => {
    const writer = writers[f]!;
    // The inputs' positions and offsets of this field, read in order a window at a time (a segment loaded from its cache keeps them on disk).
    const windows = inputs.map(({ segment }) => ({ positions: new RunWindow(segment.fields[f]!.positions), offsets: new RunWindow(segment.fields[f]!.offsets) }));
    // One cursor per input over its field's terms, which ascend in the union's numbering too.
    const rank = inputs.map(() => 0);
    for (let t = 0; t < union.length; t++) {
      let begun = false;
      inputs.forEach(({ segment }, i) => {
        const field = segment.fields[f]!;
        const r = rank[i]!;
        if (r >= field.termIds.length || termMaps[i]![field.termIds[r]!] !== t) return;
        rank[i] = r + 1;
        if (!begun) writer.begin(t);
        begun = true;
        const runs = {
          positions: windows[i]!.positions.read(field.positionStart[r]!, field.positionStart[r + 1]!),
          offsets: windows[i]!.offsets.read(field.offsetStart[r]!, field.offsetStart[r + 1]!),
        };
        if (shifts[i]! >= 0) {
          writer.copyAll(field, runs, r, shifts[i]!);
          return;
        }
        const postings = new ByteReader(field.postings, field.postingStart[r]!);
        const positions = new ByteReader(runs.positions, 0);
        const offsets = new ByteReader(runs.offsets, 0);
        const map = renumbered[i]!;
        let doc = 0;
        for (let k = field.df[r]!; k > 0; k--) {
          doc += postings.varint();
          const tf = postings.varint();
          const p0 = positions.at;
          positions.skip(tf);
          const o0 = offsets.at;
          offsets.skip(tf);
          const to = map[doc]!;
          if (to >= 0) writer.copy(to, tf, runs, [p0, positions.at], [o0, offsets.at]);
        }
      });
      if (begun) writer.end();
    }
  });
  // Terms every posting of which was dropped leave the dictionary; the fields' term numbers follow.
  const kept = new Uint8Array(union.length);
  for (const writer of writers) for (const t of writer.written) kept[t] = 1;
  const renumber = new Int32Array(union.length);
  const terms: string[] = [];
  union.forEach((term, t) => {
    renumber[t] = terms.length;
    if (kept[t]) terms.push(term);
  });
  // The filter values follow their documents (when every input has them).
  let meta: DocMetaColumns | undefined;
  if (inputs.every(({ segment }) => segment.meta)) {
    meta = { language: [], format: [], source: [], publishedAt: [] };
    inputs.forEach(({ segment }, i) => renumbered[i]!.forEach((to, local) => {
      if (to >= 0) for (const column of META_COLUMNS) meta![column][to] = segment.meta![column][local] ?? null;
    }));
  }
  return { ids, terms: TermDictionary.fromSorted(terms), fields: writers.map((writer, f) => writer.finish(lengths[f]!, renumber)), meta };
}

/** Bytes a merge reads of one input's positions or offsets, read in ascending order. */
const WINDOW_BYTES = 4 << 20;

/**
 * An input's runs, read a window of a few MB at a time as the merge walks its terms in order, not
 * whole (issue 17: reading every input's runs whole was most of a full build's peak memory). For a
 * segment in memory a read is a view, as before.
 */
export class RunWindow {
  private bytes: Uint8Array = new Uint8Array(0);
  private start = 0;
  private readonly runs: ByteRuns;
  private readonly size: number;

  constructor(runs: ByteRuns, size = WINDOW_BYTES) {
    this.runs = runs;
    this.size = size;
  }

  read(from: number, to: number): Uint8Array {
    if (from < this.start || to > this.start + this.bytes.length) {
      this.bytes = this.runs.read(from, Math.min(this.runs.length, Math.max(to, from + this.size)));
      this.start = from;
    }
    return this.bytes.subarray(from - this.start, to - this.start);
  }
}

/** The union of sorted term lists, in one pass of a k-way merge, and each list's term number → its number in the union. */
function unionOf(lists: string[][]): { union: string[]; termMaps: Int32Array[] } {
  const union: string[] = [];
  const termMaps = lists.map((list) => new Int32Array(list.length));
  const at = lists.map(() => 0);
  for (;;) {
    let least: string | undefined;
    lists.forEach((list, i) => {
      const term = list[at[i]!];
      if (term !== undefined && (least === undefined || term < least)) least = term;
    });
    if (least === undefined) return { union, termMaps };
    lists.forEach((list, i) => {
      if (list[at[i]!] === least) termMaps[i]![at[i]!++] = union.length;
    });
    union.push(least);
  }
}
