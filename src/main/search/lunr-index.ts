/**
 * Building segments. Lunr's own Builder spends most of a build on per-token object updates and
 * one metadata object per posting, and a loaded lunr.Index keeps one object per posting (measured
 * here: materialising Lunr's inverted index alone cost 0.4 s of CPU per 1,000 documents, and stock
 * Lunr peaked at 1.2 GB for 10,000). This builder computes exactly Lunr's BM25 field weights
 * (k1 1.2, b 0.75, Lunr's IDF, rounded to 3 decimals, field boosts; a unit test checks them against
 * lunr.Builder) into packed typed arrays, with each posting's token positions for phrases. Prefix
 * words are a binary search in the sorted terms; fuzzy words walk Lunr's fuzzy TokenSet automaton of
 * the query word against the sorted terms. The typed arrays are also the cache format (binary).
 */
import type { IndexableDocument } from '../store/documents-repo.ts';
import { indexTerm, stemmingLanguage } from './language.ts';
import { tokenize, WORD } from './tokenizer.ts';

/** Fields indexed for every document; `text` is the canonical text, the others short metadata. */
export const FIELDS = ['title', 'text', 'source', 'author'] as const;
const BOOSTS = [3, 1, 2, 2];
const K1 = 1.2;
const B = 0.75;

/**
 * One segment, immutable: documents are positions ("local" numbers) in `ids`; per field, each term's
 * postings hold the document, its Lunr BM25 score for that term and field, and the term's token
 * positions there (for phrases).
 */
export interface Segment {
  ids: string[];
  /** Sorted. */
  terms: string[];
  termIndex: Map<string, number>;
  /** In FIELDS order. */
  fields: FieldPostings[];
}

/**
 * One field's postings: those of term t are entries start[t] to start[t + 1] of docs and scores
 * (docs ascending); entry i's positions (and offsets) are positions[posStart[i]] to positions[posStart[i + 1]].
 * A position counts every token of the field, stop words included, so "forced to sing" keeps its gap.
 */
export interface FieldPostings {
  start: Int32Array;
  docs: Int32Array;
  scores: Float32Array;
  posStart: Int32Array;
  positions: Int32Array;
  /** Where each of those tokens starts in the field's text (UTF-16 code units): snippets need no re-tokenising. */
  offsets: Int32Array;
}

/** What each word of the text becomes in the index, per language: most words recur, so each is worked out once. */
const wordMemo = new Map<string, Map<string, WordTerms>>();
/** A word's tokens as indexed: one term, null for one stop word, or a list (term null for a stop word) for words of several tokens. */
type WordTerms = string | null | WordToken[];
const MEMO_LIMIT = 100_000;
const HAN = /\p{Script=Han}/u;

interface WordToken {
  term: string | null;
  start: number;
  samePosition?: boolean;
}

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/**
 * Issue 15: every Chinese character is indexed on its own as well as in its bigrams, so a query of
 * one character is one term lookup. Measured on 2,000 documents cut from the Chinese UDHR texts
 * (npm run bench:stemmers): the index grows from 17.6 to 32.2 MB, and matching one character
 * takes under 1 ms at p95 instead of 12–16 ms when it was answered by every bigram holding it.
 */
function withHanUnigrams(tokens: WordToken[]): WordToken[] {
  if (!tokens.some((t) => t.term !== null && HAN_BIGRAM.test(t.term))) return tokens;
  const out: WordToken[] = [];
  tokens.forEach((token, i) => {
    out.push(token);
    if (token.term === null || !HAN_BIGRAM.test(token.term)) return;
    out.push({ term: token.term[0]!, start: token.start, samePosition: true });
    const next = tokens[i + 1];
    const endsRun = !next || next.start !== token.start + 1 || next.term === null || !HAN_BIGRAM.test(next.term);
    if (endsRun) out.push({ term: token.term[1]!, start: token.start + 1, samePosition: true });
  });
  return out;
}

/** The terms a field's text is indexed under, in order (tests compare them with Lunr's own Builder). */
export function indexedTerms(value: string | null, language: string | undefined): string[] {
  return fieldTerms(value, language).terms;
}

/** Index terms of one field of a document, with their token positions: the document language's stop words dropped (their positions kept), its stemmer applied. */
function fieldTerms(value: string | null, language: string | undefined): { terms: string[]; positions: number[]; offsets: number[] } {
  const terms: string[] = [];
  const positions: number[] = [];
  const offsets: number[] = [];
  if (!value) return { terms, positions, offsets };
  let memo = wordMemo.get(language ?? '');
  if (!memo) wordMemo.set(language ?? '', (memo = new Map()));
  let position = 0;
  for (const match of value.matchAll(WORD)) {
    const word = match[0];
    let found = memo.get(word);
    if (found === undefined) {
      const tokens = withHanUnigrams(tokenize(word).map((t) => ({ term: indexTerm(t.term, language) ?? null, start: t.start })));
      found = tokens.length === 1 && tokens[0]!.start === 0 ? tokens[0]!.term : tokens;
      // Chinese runs are long and rarely recur: not worth remembering.
      if (!HAN.test(word)) {
        if (memo.size > MEMO_LIMIT) memo.clear();
        memo.set(word, found);
      }
    }
    if (typeof found === 'string') {
      terms.push(found);
      offsets.push(match.index);
      positions.push(position++);
    } else if (found === null) position++;
    else {
      for (const { term, start, samePosition } of found) {
        // A Han unigram shares the position of the bigram it starts (or ends), as Lucene's synonyms do: phrases stay bigram-adjacent.
        if (term !== null) {
          terms.push(term);
          offsets.push(match.index + start);
          positions.push(samePosition ? position - 1 : position);
        }
        if (!samePosition) position++;
      }
    }
  }
  return { terms, positions, offsets };
}

/** Builds one immutable segment over `docs` with Dossier's pipeline. */
export function buildSegment(docs: Iterable<IndexableDocument>): Segment {
  const ids: string[] = [];
  // term → per field (made on first use): [doc, tf, doc, tf…] and, flat in the same order, [position, offset, …] of every occurrence.
  const raw = new Map<string, ({ counts: number[]; occurrences: number[] } | undefined)[]>();
  const lengths: number[][] = FIELDS.map(() => []);
  for (const doc of docs) {
    const local = ids.length;
    ids.push(doc.id);
    const language = stemmingLanguage(doc.language);
    const values = [doc.title, doc.text, doc.source, doc.author];
    for (let f = 0; f < FIELDS.length; f++) {
      const { terms, positions, offsets } = fieldTerms(values[f] ?? null, language);
      lengths[f]![local] = terms.length;
      // This document's occurrences of each term, in text order.
      const seen = new Map<string, number[]>();
      terms.forEach((term, i) => {
        const at = seen.get(term);
        if (at) at.push(positions[i]!, offsets[i]!);
        else seen.set(term, [positions[i]!, offsets[i]!]);
      });
      for (const [term, at] of seen) {
        let perField = raw.get(term);
        if (!perField) raw.set(term, (perField = []));
        const entry = (perField[f] ??= { counts: [], occurrences: [] });
        entry.counts.push(local, at.length / 2);
        for (const n of at) entry.occurrences.push(n);
      }
    }
  }
  // The memo served this build; a worker keeps its segments for hours, not its memo.
  wordMemo.clear();
  const documentCount = ids.length;
  const average = lengths.map((l) => l.reduce((a, b) => a + b, 0) / Math.max(1, documentCount));
  const terms = [...raw.keys()].sort();
  const termIndex = new Map(terms.map((term, t) => [term, t]));
  const fields = FIELDS.map((_, f) => {
    let entries = 0;
    let occurrences = 0;
    for (const perField of raw.values()) {
      entries += (perField[f]?.counts.length ?? 0) / 2;
      occurrences += (perField[f]?.occurrences.length ?? 0) / 2;
    }
    return { start: new Int32Array(terms.length + 1), docs: new Int32Array(entries), scores: new Float32Array(entries), posStart: new Int32Array(entries + 1), positions: new Int32Array(occurrences), offsets: new Int32Array(occurrences) };
  });
  const filled = FIELDS.map(() => ({ entries: 0, occurrences: 0 }));
  terms.forEach((term, t) => {
    const perField = raw.get(term)!;
    let df = 0;
    for (const entry of perField) df += (entry?.counts.length ?? 0) / 2;
    const idf = Math.log(1 + Math.abs((documentCount - df + 0.5) / (df + 0.5)));
    for (let f = 0; f < FIELDS.length; f++) {
      const out = fields[f]!;
      const at = filled[f]!;
      out.start[t] = at.entries;
      const entry = perField[f];
      if (!entry) continue;
      const { counts, occurrences } = entry;
      for (let i = 0, o = 0; i < counts.length; i += 2) {
        const tf = counts[i + 1]!;
        const length = lengths[f]![counts[i]!]!;
        const score = ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / average[f]!)) + tf)) * BOOSTS[f]!;
        out.docs[at.entries] = counts[i]!;
        out.scores[at.entries] = Math.round(score * 1000) / 1000;
        out.posStart[at.entries] = at.occurrences;
        for (let k = 0; k < tf; k++, o += 2) {
          out.positions[at.occurrences] = occurrences[o]!;
          out.offsets[at.occurrences++] = occurrences[o + 1]!;
        }
        at.entries++;
      }
    }
    // Built: the term's lists can go before the next term's are copied.
    raw.delete(term);
  });
  fields.forEach((out, f) => {
    out.start[terms.length] = filled[f]!.entries;
    out.posStart[filled[f]!.entries] = filled[f]!.occurrences;
  });
  return { ids, terms, termIndex, fields };
}

/** The entry of term t for local document `doc` in a field's postings (binary search: docs are ascending), or -1. */
export function findPosting(field: FieldPostings, t: number, doc: number): number {
  let lo = field.start[t]!;
  const end = field.start[t + 1]!;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (field.docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && field.docs[lo] === doc ? lo : -1;
}

/**
 * The cache file of a segment: a small JSON header (ids, terms, array lengths) and the typed
 * arrays' bytes as they lie in memory, so loading is reading a file and making views on it
 * rather than parsing millions of numbers.
 */
const MAGIC = 'DSX2';
const ARRAYS = ['start', 'docs', 'scores', 'posStart', 'positions', 'offsets'] as const;

interface CacheHeader {
  pipelineVersion: number;
  generation: number;
  ids: string[];
  terms: string[];
  /** lengths[field][array], in ARRAYS order. */
  lengths: number[][];
}

export function encodeSegment(segment: Segment, stamp: { pipelineVersion: number; generation: number }): Uint8Array {
  const header: CacheHeader = { ...stamp, ids: segment.ids, terms: segment.terms, lengths: segment.fields.map((f) => ARRAYS.map((name) => f[name].length)) };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align4(8 + json.length);
  const dataBytes = segment.fields.reduce((sum, f) => sum + ARRAYS.reduce((n, name) => n + f[name].byteLength, 0), 0);
  const out = Buffer.alloc(dataStart + dataBytes);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  let at = dataStart;
  for (const field of segment.fields) {
    for (const name of ARRAYS) {
      const array = field[name];
      out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
      at += array.byteLength;
    }
  }
  return out;
}

/** A segment from its cache file's bytes; throws when they are not a whole, consistent cache. */
export function decodeSegment(bytes: Buffer): { segment: Segment; pipelineVersion: number; generation: number } {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error('The index cache is damaged.');
  const jsonLength = bytes.readUInt32LE(4);
  if (8 + jsonLength > bytes.length) throw new Error('The index cache is damaged.');
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + jsonLength)) as CacheHeader;
  const { ids, terms, lengths } = header;
  if (!Array.isArray(ids) || !Array.isArray(terms) || !Array.isArray(lengths) || lengths.length !== FIELDS.length) throw new Error('The index cache is damaged.');
  // Views need 4-byte alignment in the underlying buffer; copy once if the file's buffer is not.
  const base = (bytes.byteOffset + align4(8 + jsonLength)) % 4 === 0 ? bytes : Buffer.from(bytes);
  let at = base.byteOffset + align4(8 + jsonLength);
  const end = base.byteOffset + base.length;
  const view = <T>(make: new (buffer: ArrayBufferLike, offset: number, length: number) => T, length: unknown): T => {
    if (!Number.isInteger(length) || (length as number) < 0 || at + (length as number) * 4 > end) throw new Error('The index cache is damaged.');
    const array = new make(base.buffer, at, length as number);
    at += (length as number) * 4;
    return array;
  };
  const fields = lengths.map((l) => ({
    start: view(Int32Array, l[0]),
    docs: view(Int32Array, l[1]),
    scores: view(Float32Array, l[2]),
    posStart: view(Int32Array, l[3]),
    positions: view(Int32Array, l[4]),
    offsets: view(Int32Array, l[5]),
  }));
  const consistent =
    at === end &&
    fields.every(
      (f) =>
        f.start.length === terms.length + 1 &&
        f.start.at(-1) === f.docs.length &&
        f.scores.length === f.docs.length &&
        f.posStart.length === f.docs.length + 1 &&
        f.posStart.at(-1) === f.positions.length &&
        f.offsets.length === f.positions.length,
    );
  if (!consistent) throw new Error('The index cache is damaged.');
  return { segment: { ids, terms, termIndex: new Map(terms.map((term, t) => [term, t])), fields }, pipelineVersion: header.pipelineVersion, generation: header.generation };
}

const align4 = (n: number) => (n + 3) & ~3;
