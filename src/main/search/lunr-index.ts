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
import { forEachWord, tokenize } from './tokenizer.ts';
import { FIELDS, FieldWriter, type Segment } from './segment-format.ts';
import { TermDictionary } from './term-dictionary.ts';

export { FIELDS, type FieldPostings, type Segment } from './segment-format.ts';

/** What each word of the text becomes in the index, per language: most words recur, so each is worked out once. */
const wordMemo = new Map<string, Map<string, WordTerms>>();
/** A word's tokens as indexed: one term, null for one stop word, or a list (term null for a stop word) for words of several tokens. */
type WordTerms = string | null | WordToken[];
const MEMO_LIMIT = 20_000;
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
  const terms: string[] = [];
  forEachFieldTerm(value, language, (term) => terms.push(term));
  return terms;
}

/**
 * Each index term of one field of a document, in order, with its token position and offset: the
 * document language's stop words dropped (their positions kept), its stemmer applied. Handed to a
 * callback rather than collected (issue 17: the per-document arrays were most of a build's garbage).
 */
function forEachFieldTerm(value: string | null, language: string | undefined, emit: (term: string, position: number, offset: number) => void): void {
  if (!value) return;
  let memo = wordMemo.get(language ?? '');
  if (!memo) wordMemo.set(language ?? '', (memo = new Map()));
  let position = 0;
  forEachWord(value, (word, index) => {
    let found = memo!.get(word);
    if (found === undefined) {
      const tokens = withHanUnigrams(tokenize(word).map((t) => ({ term: indexTerm(t.term, language) ?? null, start: t.start })));
      found = tokens.length === 1 && tokens[0]!.start === 0 ? tokens[0]!.term : tokens;
      // Chinese runs are long and rarely recur: not worth remembering.
      if (!HAN.test(word)) {
        if (memo!.size > MEMO_LIMIT) memo!.clear();
        memo!.set(word, found);
      }
    }
    if (typeof found === 'string') emit(found, position++, index);
    else if (found === null) position++;
    else {
      for (const { term, start, samePosition } of found) {
        // A Han unigram shares the position of the bigram it starts (or ends), as Lucene's synonyms do: phrases stay bigram-adjacent.
        if (term !== null) emit(term, samePosition ? position - 1 : position, index + start);
        if (!samePosition) position++;
      }
    }
  });
}

interface RawPostings {
  counts: number[];
  occurrences: number[];
  /** The last document appended. */
  last: number;
}

/** Forgets the words worked out so far: a worker keeps its segments for hours, not its memo (called after a build's last segment). */
export function forgetWords(): void {
  wordMemo.clear();
}

/** Builds one immutable segment over `docs` with Dossier's pipeline. */
export function buildSegment(docs: Iterable<IndexableDocument>): Segment {
  const ids: string[] = [];
  // term → per field (made on first use): [doc, tf, doc, tf…] and, flat in the same order, [position, offset, …] of every
  // occurrence. A document's tokens come in order, so its occurrences of a term are appended together: no per-document map.
  const raw = new Map<string, (RawPostings | undefined)[]>();
  const lengths: number[][] = FIELDS.map(() => []);
  for (const doc of docs) {
    const local = ids.length;
    ids.push(doc.id);
    const language = stemmingLanguage(doc.language);
    const values = [doc.title, doc.text, doc.source, doc.author];
    for (let f = 0; f < FIELDS.length; f++) {
      let length = 0;
      forEachFieldTerm(values[f] ?? null, language, (term, position, offset) => {
        length++;
        let perField = raw.get(term);
        if (!perField) raw.set(term, (perField = []));
        const entry = (perField[f] ??= { counts: [], occurrences: [], last: -1 });
        if (entry.last !== local) {
          entry.counts.push(local, 0);
          entry.last = local;
        }
        entry.counts[entry.counts.length - 1]!++;
        entry.occurrences.push(position, offset);
      });
      lengths[f]![local] = length;
    }
  }
  const terms = [...raw.keys()].sort();
  const writers = FIELDS.map(() => new FieldWriter());
  terms.forEach((term, t) => {
    const perField = raw.get(term)!;
    perField.forEach((entry, f) => {
      if (!entry) return;
      const writer = writers[f]!;
      writer.begin(t);
      const { counts, occurrences } = entry;
      for (let i = 0, o = 0; i < counts.length; i += 2) {
        writer.add(counts[i]!, counts[i + 1]!, occurrences, o);
        o += counts[i + 1]! * 2;
      }
      writer.end();
    });
    // Written: the term's lists can go before the next term's are copied.
    raw.delete(term);
  });
  return { ids, terms: TermDictionary.fromSorted(terms), fields: writers.map((writer, f) => writer.finish(Int32Array.from(lengths[f]!))) };
}
