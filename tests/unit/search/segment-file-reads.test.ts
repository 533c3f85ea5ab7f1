/**
 * Issue 17: a segment read from its cache file keeps only its head (terms, postings, lengths) in memory;
 * its positions and offsets stay in the file and are read a term's run at a time, by the phrase check
 * and the snippets that need them. What the reader reads is recorded here.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';
import { insertCorpus } from './corpus.ts';
import { createSpillFile, indexFileInMemory, openIndexFile, writeIndexFile, type IndexFileReader, type SpillFile } from '../../../src/main/search/index-files.ts';
import { buildSegment } from '../../../src/main/search/lunr-index.ts';
import { parseQuery, type Clause } from '../../../src/main/search/query-parser.ts';
import { decodeSegment, encodeSegment, encodeSegmentParts, withFileRuns } from '../../../src/main/search/segment-cache.ts';
import { FIELDS, rankOf, TermPostings } from '../../../src/main/search/segment-format.ts';
import { matchSegment } from '../../../src/main/search/segment-query.ts';
import { mergeSegments, RunWindow } from '../../../src/main/search/segment-merge.ts';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const docs = [
  { id: 'a', title: 'Camp records', text: `${filler(400)} forced labour in the cotton fields ${filler(50)}`, source: null, author: null, language: 'en' },
  { id: 'b', title: 'Letter', text: `labour was forced on them ${filler(300)}`, source: null, author: null, language: 'en' },
  { id: 'c', title: 'Interview', text: `${filler(200)} forced labour again`, source: null, author: null, language: 'en' },
];

/** The file's bytes behind a reader that records every range read. */
function recorded(bytes: Uint8Array): { file: IndexFileReader; reads: [number, number][] } {
  const inner = indexFileInMemory(bytes);
  const reads: [number, number][] = [];
  return { reads, file: { size: inner.size, read: (from, to) => (reads.push([from, to]), inner.read(from, to)), close: () => inner.close() } };
}

const clauses = (query: string): Clause[] => {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.clauses;
};

describe('segment cache files (issue 17)', () => {
  const built = buildSegment(docs);
  const bytes = encodeSegment(built, { pipelineVersion: 1, generation: 1 });
  // Where the head ends: the preamble's f64 after the magic and the JSON length.
  const headLength = Buffer.from(bytes).readDoubleLE(8);

  it('reads only the head when loading; positions and offsets stay in the file', () => {
    const { file, reads } = recorded(bytes);
    decodeSegment(file);
    expect(headLength).toBeLessThan(bytes.length * 0.8);
    expect(reads.every(([, to]) => to <= headLength)).toBe(true);
  });

  it('reads a term’s positions from the file for a phrase, and finds what the built segment finds', () => {
    const { file, reads } = recorded(bytes);
    const loaded = decodeSegment(file).segment;
    const check = (candidates: number[]) => candidates;
    const fromFile = matchSegment(loaded, clauses('"forced labour"'), check);
    expect(reads.some(([from]) => from >= headLength)).toBe(true);
    const fromMemory = matchSegment(built, clauses('"forced labour"'), check);
    expect([...fromFile.docs].map((d) => loaded.ids[d])).toEqual(['a', 'c']);
    expect([...fromFile.docs]).toEqual([...fromMemory.docs]);
  });

  it('gives the same character offsets from the file as the segment held in memory', () => {
    const loaded = decodeSegment(indexFileInMemory(bytes)).segment;
    const text = FIELDS.indexOf('text');
    const t = loaded.terms.find('cotton');
    const offsetsOf = (segment: typeof built) => {
      const postings = new TermPostings(segment.fields[text]!, rankOf(segment.fields[text]!, t));
      return postings.offsets(postings.indexOf(0));
    };
    expect(offsetsOf(loaded)).toEqual(offsetsOf(built));
    expect(docs[0]!.text.slice(offsetsOf(loaded)[0], offsetsOf(loaded)[0]! + 6)).toBe('cotton');
  });

  it('finds a posting by document in any order of asking (the search gallops from its last answer)', () => {
    const many = buildSegment(Array.from({ length: 300 }, (_, i) => ({ id: `d${i}`, title: '', text: i % 3 === 0 || i % 7 === 0 ? 'camp' : 'field', source: null, author: null, language: 'en' })));
    const text = FIELDS.indexOf('text');
    const postings = new TermPostings(many.fields[text]!, rankOf(many.fields[text]!, many.terms.find('camp')));
    const expected = (doc: number) => [...postings.docs].indexOf(doc);
    const ascending = Array.from({ length: 300 }, (_, i) => i);
    for (const order of [ascending, [...ascending].reverse(), ascending.map((i) => (i * 7919) % 300)]) {
      for (const doc of order) expect(postings.indexOf(doc)).toBe(expected(doc));
    }
  });

  it('gives a merge the bytes it asks for through a window of the file, reading it a window at a time', () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 251);
    const { file, reads } = recorded(data);
    const window = new RunWindow({ length: data.length, read: (from, to) => file.read(from, to) }, 64);
    let at = 0;
    for (const size of [0, 5, 60, 3, 200, 1, 64, 65, 0, 90, 500, 7]) {
      const to = Math.min(data.length, at + size);
      expect([...window.read(at, to)]).toEqual([...data.subarray(at, to)]);
      at = to;
    }
    // Far fewer reads than requests, none of the whole file.
    expect(reads.length).toBeLessThan(10);
    expect(reads.every(([from, to]) => to - from < data.length)).toBe(true);
  });

  it('writes a merged segment’s positions and offsets to spill files as it makes them: the same file, read alike, nothing left in tmp', () => {
    const { dir, cleanup } = tempDir();
    try {
      // Long texts, so a field's stream passes the spill writer's 1 MB buffer; one document dropped, so postings are renumbered too.
      const long = Array.from({ length: 260 }, (_, i) => ({ id: `l${i}`, title: `Record ${i}`, text: `${filler(2500)} forced labour ${i % 2 ? 'in the fields' : ''}`, source: null, author: null, language: 'en' }));
      const halves = [buildSegment(long.slice(0, 130)), buildSegment(long.slice(130))];
      const inputs = halves.map((segment, h) => ({ segment, keep: segment.ids.flatMap((_, i) => (h === 1 && i === 5 ? [] : [i])) }));
      const stamp = { pipelineVersion: 1, generation: 1 };
      const inMemory = mergeSegments(inputs);
      const spills: SpillFile[] = [];
      const spilled = mergeSegments(inputs, () => {
        const files = { positions: createSpillFile(dir), offsets: createSpillFile(dir) };
        spills.push(files.positions, files.offsets);
        return files;
      });
      expect(spills.length).toBe(2 * FIELDS.length);
      expect(Math.max(...spills.map((s) => s.length))).toBeGreaterThan(1 << 20);
      const file = path.join(dir, 'segment.bin');
      writeIndexFile(file, encodeSegmentParts(spilled, stamp), dir, undefined);
      for (const spill of spills) spill.remove();
      expect(readdirSync(dir)).toEqual(['segment.bin']);
      expect(Buffer.compare(readFileSync(file), Buffer.from(encodeSegment(inMemory, stamp)))).toBe(0);
      // Held after saving: the head as in memory, the runs from the file.
      const held = withFileRuns(spilled, openIndexFile(file, undefined));
      const check = (candidates: number[]) => candidates;
      const phrase = (segment: typeof built) => [...matchSegment(segment, clauses('"labour in the fields"'), check).docs].map((d) => segment.ids[d]);
      expect(phrase(held)).toEqual(phrase(inMemory));
      expect(phrase(held)).toHaveLength(129);
      const text = FIELDS.indexOf('text');
      const offsetsOf = (segment: typeof built, doc: number) => {
        const postings = new TermPostings(segment.fields[text]!, rankOf(segment.fields[text]!, segment.terms.find('forc')));
        return postings.offsets(postings.indexOf(doc));
      };
      for (const doc of [0, 129, 130, 250]) expect(offsetsOf(held, doc)).toEqual(offsetsOf(inMemory, doc));
      held.release?.();
    } finally {
      cleanup();
    }
  });

  it('refuses a file cut short inside its positions', () => {
    expect(() => decodeSegment(indexFileInMemory(bytes.subarray(0, bytes.length - 10)))).toThrow(/damaged/);
  });

  // The descriptors a process holds open on files of a folder (Linux's /proc; the build machines run Linux).
  const openIn = (dir: string) =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir + path.sep);
      } catch {
        return false;
      }
    }).length;

  // A worker's files are closed as it exits (worker-pool.ts: trackUnmanagedFds); a closed investigation holds none.
  it.skipIf(process.platform !== 'linux')('keeps its segment files open while it serves, and closes them with the investigation', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const first = openApp(path.join(dir, 'ws'), undefined, { baseSize: 2 });
      insertCorpus(first.workspace.db, Object.fromEntries(docs.map((d) => [d.id, { ...d, publishedAt: null, format: 'txt' as const }])));
      expect((await call(first.handlers, 'search:query', { query: '"forced labour"' })).total).toBe(2);
      await first.close();
      const second = openApp(path.join(dir, 'ws'), undefined, { baseSize: 2 });
      const indexDir = second.workspace.paths.indexDir;
      const found = await call(second.handlers, 'search:query', { query: '"forced labour"' });
      expect(found.results.map((r) => r.snippets.map((s) => s.text).join(' ')).join(' ')).toContain('forced labour');
      expect(openIn(indexDir)).toBeGreaterThan(0);
      await second.close();
      expect(openIn(indexDir)).toBe(0);
    } finally {
      cleanup();
    }
  });
});
