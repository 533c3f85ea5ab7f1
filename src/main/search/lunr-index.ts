/**
 * Building segments. Lunr's own Builder spends most of a build on per-token object updates and
 * one metadata object per posting, and a loaded lunr.Index keeps one object per posting (measured
 * here: materialising Lunr's inverted index alone cost 0.4 s of CPU per 1,000 documents, and stock
 * Lunr peaked at 1.2 GB for 10,000). This builder keeps exactly Lunr's BM25 field weights (k1 1.2,
 * b 0.75, Lunr's IDF, rounded to 3 decimals, field boosts; a unit test checks them against
 * lunr.Builder), computed at query time from term frequencies and field lengths, and each posting's
 * token positions (phrases) and offsets (snippets), in the compact layout of segment-format.ts.
 * Prefix words are a binary search in the sorted terms; fuzzy words walk Lunr's fuzzy TokenSet
 * automaton of the query word against the sorted terms.
 */
import type { IndexableDocument } from '../store/documents-repo.ts';
import { indexTerm, stemmingLanguage } from './language.ts';
import { forEachWordSpan, tokenize } from './tokenizer.ts';
import { ABSENT, WordTable } from './word-table.ts';
import { PostingsPool } from './postings-pool.ts';
import { FIELDS, FieldWriter, type Segment } from './segment-format.ts';
import { TermDictionary } from './term-dictionary.ts';

export { FIELDS, type FieldPostings, type Segment } from './segment-format.ts';

/**
 * What each word of the text becomes in the index, per language: most words recur, so each is worked
 * out once. Looked up from the text without slicing the word out (word-table.ts). Terms are numbered
 * (`termIds`), so a document's postings are found by number, not by a string `Map`.
 */
const wordMemo = new Map<string, WordTable>();
/**
 * A word's tokens as the memo holds them: one term's number, STOP for one stop word, or for a word of
 * several tokens -2 - i, i its list in `tokenLists` (a token's term STOP for a stop word).
 */
const STOP = -1;
const tokenLists: WordToken[][] = [];
/** Words remembered at most, over all languages; the memo and the term numbers are forgotten together, between segments. */
const MEMO_LIMIT = 200_000;
const HAN = /\p{Script=Han}/u;

interface WordToken {
  term: number;
  start: number;
  samePosition?: boolean;
}

/** Every term the memo's words index as, by number (a worker's segments in progress number their postings by it). */
const termIds = new Map<string, number>();
const termsById: string[] = [];

function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    termIds.set(term, (id = termsById.length));
    termsById.push(term);
  }
  return id;
}

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/**
 * Issue 15: every Chinese character is indexed on its own as well as in its bigrams, so a query of
 * one character is one term lookup. Measured on 2,000 documents cut from the Chinese UDHR texts
 * (npm run bench:stemmers): the index grows from 17.6 to 32.2 MB, and matching one character
 * takes under 1 ms at p95 instead of 12–16 ms when it was answered by every bigram holding it.
 */
function withHanUnigrams(tokens: { term: string | null; start: number }[]): WordToken[] {
  const isBigram = (term: string | null): term is string => term !== null && HAN_BIGRAM.test(term);
  const out: WordToken[] = [];
  tokens.forEach((token, i) => {
    out.push({ term: token.term === null ? STOP : termId(token.term), start: token.start });
    if (!isBigram(token.term)) return;
    out.push({ term: termId(token.term[0]!), start: token.start, samePosition: true });
    const next = tokens[i + 1];
    const endsRun = !next || next.start !== token.start + 1 || !isBigram(next.term);
    if (endsRun) out.push({ term: termId(token.term[1]!), start: token.start + 1, samePosition: true });
  });
  return out;
}

/** The terms a field's text is indexed under, in order (tests compare them with Lunr's own Builder). */
export function indexedTerms(value: string | null, language: string | undefined): string[] {
  return indexedTokens(value, language).map((token) => token.term);
}

/** The terms a field's text is indexed under, with their token positions and offsets (tests check the build's word memo and Han runs with them). */
export function indexedTokens(value: string | null, language: string | undefined): { term: string; position: number; offset: number }[] {
  const tokens: { term: string; position: number; offset: number }[] = [];
  forEachFieldTerm(value, language, (term, position, offset) => tokens.push({ term: termsById[term]!, position, offset }));
  return tokens;
}

/**
 * Each index term (by number, `termsById`) of one field of a document, in order, with its token
 * position and offset: the document language's stop words dropped (their positions kept), its
 * stemmer applied. Handed to a callback rather than collected (issue 17: the per-document arrays were
 * most of a build's garbage).
 */
function forEachFieldTerm(value: string | null, language: string | undefined, emit: (term: number, position: number, offset: number) => void): void {
  if (!value) return;
  let memo = wordMemo.get(language ?? '');
  if (!memo) wordMemo.set(language ?? '', (memo = new WordTable()));
  let position = 0;
  forEachWordSpan(value, (start, end) => {
    let found = memo!.find(value, start, end);
    if (found === ABSENT) {
      const word = value.slice(start, end);
      if (HAN_ONLY.test(word) && !SURROGATE.test(word)) {
        position = emitHanRun(value, start, end, position, emit);
        return;
      }
      const tokens = withHanUnigrams(tokenize(word).map((t) => ({ term: indexTerm(t.term, language) ?? null, start: t.start })));
      if (tokens.length === 1 && tokens[0]!.start === 0) found = tokens[0]!.term;
      else {
        found = -2 - tokenLists.length;
        tokenLists.push(tokens);
      }
      // Chinese runs are long and rarely recur: not worth remembering.
      if (!HAN.test(word)) memo!.add(word, found);
    }
    if (found >= STOP) {
      if (found !== STOP) emit(found, position, start);
      position++;
    } else {
      for (const { term, start: at, samePosition } of tokenLists[-2 - found]!) {
        // A Han unigram shares the position of the bigram it starts (or ends), as Lucene's synonyms do: phrases stay bigram-adjacent.
        if (term !== STOP) emit(term, samePosition ? position - 1 : position, start + at);
        if (!samePosition) position++;
      }
    }
  });
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
const SURROGATE = /[\uD800-\uDFFF]/;
/** The terms of one and two Han characters, by number (a Chinese text is mostly these, each looked up without slicing). */
const hanTerms = new WordTable();

function hanTerm(text: string, start: number, end: number): number {
  let id = hanTerms.find(text, start, end);
  if (id === ABSENT) {
    const term = text.slice(start, end);
    hanTerms.add(term, (id = termId(term)));
  }
  return id;
}

/**
 * A word of Han characters only, as tokenize and withHanUnigrams make it (a test compares them):
 * its bigrams, each with its first character at the same position, the last character at the last
 * bigram's; a single character alone. Han terms are never stemmed (no stemming language's script is
 * Han). Returns the next position. Issue 17: 2 % of the bench's documents are Chinese, but they made a
 * third of a build's terms, each bigram sliced, tokenised and looked up through a `Map`.
 */
function emitHanRun(text: string, start: number, end: number, position: number, emit: (term: number, position: number, offset: number) => void): number {
  if (end - start === 1) {
    emit(hanTerm(text, start, end), position, start);
    return position + 1;
  }
  for (let i = start; i + 2 <= end; i++, position++) {
    emit(hanTerm(text, i, i + 2), position, i);
    emit(hanTerm(text, i, i + 1), position, i);
    if (i + 2 === end) emit(hanTerm(text, i + 1, i + 2), position, i + 1);
  }
  return position;
}

/** Forgets the words worked out so far: a worker keeps its segments for hours, not its memo (called after a build's last segment). */
export function forgetWords(): void {
  wordMemo.clear();
  hanTerms.clear();
  tokenLists.length = 0;
  termIds.clear();
  termsById.length = 0;
  pool = undefined;
}

/**
 * A segment's postings by term number and field: each (term, field) seen gets a slot on first use; a
 * stamp says "seen in this segment", so the arrays are reused from segment to segment, not cleared.
 */
let slotOfKey = new Int32Array(0);
let stampOfKey = new Int32Array(0);
let stampOfTerm = new Int32Array(0);
let segmentStamp = 0;
/** The postings of the segment being built (reused by the next). */
let pool: PostingsPool | undefined;

/** Builds one immutable segment over `docs` with Dossier's pipeline. */
export function buildSegment(docs: Iterable<IndexableDocument>): Segment {
  let remembered = 0;
  for (const memo of wordMemo.values()) remembered += memo.size;
  if (remembered > MEMO_LIMIT) forgetWords();
  const stamp = ++segmentStamp;
  const postings = (pool ??= new PostingsPool());
  postings.reset();
  const ids: string[] = [];
  const segmentTerms: number[] = [];
  const lengths: number[][] = FIELDS.map(() => []);
  const fieldCount = FIELDS.length;
  for (const doc of docs) {
    const local = ids.length;
    ids.push(doc.id);
    const language = stemmingLanguage(doc.language);
    const values = [doc.title, doc.text, doc.source, doc.author];
    for (let f = 0; f < fieldCount; f++) {
      let length = 0;
      forEachFieldTerm(values[f] ?? null, language, (term, position, offset) => {
        length++;
        const key = term * fieldCount + f;
        if (key >= stampOfKey.length) growTermSlots(termsById.length * fieldCount);
        if (stampOfKey[key] !== stamp) {
          stampOfKey[key] = stamp;
          slotOfKey[key] = postings.newSlot();
          if (stampOfTerm[term] !== stamp) {
            stampOfTerm[term] = stamp;
            segmentTerms.push(term);
          }
        }
        postings.occurrence(slotOfKey[key]!, local, position, offset);
      });
      lengths[f]![local] = length;
    }
  }
  const terms = segmentTerms.map((term) => termsById[term]!).sort();
  const writers = FIELDS.map(() => new FieldWriter());
  terms.forEach((text, t) => {
    const term = termIds.get(text)!;
    for (let f = 0; f < fieldCount; f++) {
      const key = term * fieldCount + f;
      if (stampOfKey[key] !== stamp) continue;
      const writer = writers[f]!;
      writer.begin(t);
      const { values, length } = postings.stream(slotOfKey[key]!);
      for (let i = 0; i < length; i += 2 + values[i + 1]! * 2) writer.add(values[i]!, values[i + 1]!, values, i + 2);
      writer.end();
    }
  });
  return { ids, terms: TermDictionary.fromSorted(terms), fields: writers.map((writer, f) => writer.finish(Int32Array.from(lengths[f]!))) };
}

function growTermSlots(keys: number): void {
  const capacity = Math.max(4096, keys * 2);
  const grown = (from: Int32Array, length: number) => {
    const to = new Int32Array(length);
    to.set(from);
    return to;
  };
  slotOfKey = grown(slotOfKey, capacity);
  stampOfKey = grown(stampOfKey, capacity);
  stampOfTerm = grown(stampOfTerm, capacity);
}
