/**
 * Building segments. Lunr's own Builder spends most of a build on per-token object updates and
 * one metadata object per posting, and a loaded lunr.Index keeps one object per posting (measured
 * here: materialising Lunr's inverted index alone cost 0.4 s of CPU per 1,000 documents, and stock
 * Lunr peaked at 1.2 GB for 10,000). This builder computes exactly Lunr's BM25 field weights
 * (k1 1.2, b 0.75, Lunr's IDF, rounded to 3 decimals, field boosts; a unit test checks them against
 * lunr.Builder) into packed typed arrays. Prefix words are a binary search in the sorted terms;
 * fuzzy words walk Lunr's fuzzy TokenSet automaton of the query word against the sorted terms. The packed arrays are also the cache format.
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
 * postings hold the document and its Lunr BM25 score for that term and field.
 */
export interface Segment {
  ids: string[];
  /** Sorted. */
  terms: string[];
  termIndex: Map<string, number>;
  /** In FIELDS order. */
  fields: FieldPostings[];
}

/** The compact, serialisable form of a segment. */
export interface SegmentData {
  ids: string[];
  /** Sorted; a term's position is its Lunr `_index`. */
  terms: string[];
  /** postings[term][field] = [doc, score, doc, score…], docs ascending. */
  postings: number[][][];
}

/** What each word of the text becomes in the index, per language: most words recur, so each is worked out once. */
const wordMemo = new Map<string, Map<string, string | string[] | null>>();
const MEMO_LIMIT = 100_000;
const HAN = /\p{Script=Han}/u;

/** Index terms of one field of a document: the document language's stop words dropped, its stemmer applied. */
function fieldTerms(value: string | null, language: string | undefined): string[] {
  if (!value) return [];
  let memo = wordMemo.get(language ?? '');
  if (!memo) wordMemo.set(language ?? '', (memo = new Map()));
  const out: string[] = [];
  for (const match of value.matchAll(WORD)) {
    const word = match[0];
    let terms = memo.get(word);
    if (terms === undefined) {
      const found = tokenize(word).flatMap((t) => indexTerm(t.term, language) ?? []);
      terms = found.length === 0 ? null : found.length === 1 ? found[0]! : found;
      // Chinese runs are long and rarely recur: not worth remembering.
      if (!HAN.test(word)) {
        if (memo.size > MEMO_LIMIT) memo.clear();
        memo.set(word, terms);
      }
    }
    if (terms === null) continue;
    if (typeof terms === 'string') out.push(terms);
    else for (const t of terms) out.push(t);
  }
  return out;
}

export function buildSegmentData(docs: Iterable<IndexableDocument>): SegmentData {
  const ids: string[] = [];
  // term → per field: [doc, tf, doc, tf…]
  const raw = new Map<string, number[][]>();
  const lengths: number[][] = FIELDS.map(() => []);
  for (const doc of docs) {
    const local = ids.length;
    ids.push(doc.id);
    const language = stemmingLanguage(doc.language);
    const values = [doc.title, doc.text, doc.source, doc.author];
    for (let f = 0; f < FIELDS.length; f++) {
      const terms = fieldTerms(values[f] ?? null, language);
      lengths[f]![local] = terms.length;
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      for (const [term, count] of tf) {
        let perField = raw.get(term);
        if (!perField) raw.set(term, (perField = FIELDS.map(() => [])));
        perField[f]!.push(local, count);
      }
    }
  }
  // The memo served this build; a worker keeps its segments for hours, not its memo.
  wordMemo.clear();
  const documentCount = ids.length;
  const average = lengths.map((l) => l.reduce((a, b) => a + b, 0) / Math.max(1, documentCount));
  const terms = [...raw.keys()].sort();
  const postings = terms.map((term) => {
    const perField = raw.get(term)!;
    let df = 0;
    for (const list of perField) df += list.length / 2;
    const idf = Math.log(1 + Math.abs((documentCount - df + 0.5) / (df + 0.5)));
    return perField.map((list, f) => {
      for (let i = 0; i < list.length; i += 2) {
        const tf = list[i + 1]!;
        const length = lengths[f]![list[i]!]!;
        const score = ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / average[f]!)) + tf)) * BOOSTS[f]!;
        list[i + 1] = Math.round(score * 1000) / 1000;
      }
      return list;
    });
  });
  return { ids, terms, postings };
}

/** One field's postings: the postings of term t are positions start[t] to start[t + 1] of docs and scores. */
export interface FieldPostings {
  start: Int32Array;
  docs: Int32Array;
  scores: Float32Array;
}

/** The serialisable packed form: one flat array per field (JSON arrays of numbers parse fast). */
export interface PackedSegment {
  ids: string[];
  terms: string[];
  fields: { start: number[]; docs: number[]; scores: number[] }[];
}

/** Packs the per-term postings into flat per-field arrays. */
export function packSegment(data: SegmentData): PackedSegment {
  return {
    ids: data.ids,
    terms: data.terms,
    fields: FIELDS.map((_, f) => {
      const start: number[] = [0];
      const docs: number[] = [];
      const scores: number[] = [];
      for (const perField of data.postings) {
        const list = perField[f]!;
        for (let i = 0; i < list.length; i += 2) {
          docs.push(list[i]!);
          scores.push(list[i + 1]!);
        }
        start.push(docs.length);
      }
      return { start, docs, scores };
    }),
  };
}

/** A segment ready for queries, from its packed form. */
export function toSegment(packed: PackedSegment): Segment {
  const termIndex = new Map<string, number>();
  packed.terms.forEach((term, t) => termIndex.set(term, t));
  return {
    ids: packed.ids,
    terms: packed.terms,
    termIndex,
    fields: packed.fields.map((f) => ({ start: Int32Array.from(f.start), docs: Int32Array.from(f.docs), scores: Float32Array.from(f.scores) })),
  };
}

/** Builds one immutable segment over `docs` with Dossier's pipeline. */
export function buildSegment(docs: Iterable<IndexableDocument>): Segment {
  return toSegment(packSegment(buildSegmentData(docs)));
}
