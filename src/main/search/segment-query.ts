/**
 * Matching one parsed query against one segment (runs inside a search worker).
 *
 * Scoring (docs/notes/issue-4.md, issue 17): Lunr's BM25 weight of a term in a document's field is
 * computed here from its frequency and the field's length, with the segment's own IDF and rounded as
 * Lunr rounds it; it is then divided by that IDF, and multiplied by a global IDF computed from the
 * document counts of all segments (segment-scores.ts, in the worker since issue 17). The result
 * is the BM25 of one big index; the average field length, too, is the whole index's (issue 17),
 * so only the rounding of each weight to Lunr's three decimals differs from segment to segment.
 */
import type { Clause, QueryField } from './query-parser.ts';
import { isStopWord, termAlternatives } from './language.ts';
import { documentFrequency, fieldWeight, FIELDS, lunrIdf, PositionBuffer, rankOf, TermPostings, type Segment } from './segment-format.ts';
import { lowerBound } from './term-dictionary.ts';
import { fuzzyTermsIn, type FuzzyTerms } from './fuzzy-terms.ts';

export { fuzzyTermsIn, intersectSorted, type FuzzyTerms } from './fuzzy-terms.ts';

/** At most this many index terms for one prefix or fuzzy word per segment, so `a*`-like queries stay bounded. */
const MAX_EXPANSIONS = 256;
const BOOST = { exact: 1, stem: 0.9, prefix: 0.6, fuzzy: 0.5 };

export interface SegmentMatches {
  /** Local positions of the matching documents. */
  docs: Int32Array;
  /**
   * For each of `docs`, how many positive clauses it matched by the words as typed (their surface
   * form or stems) rather than only by a variant (another script, an alias, the gazetteer): the
   * engine ranks by this first, so the spelling typed comes before its variants (issue 15).
   */
  own: Int32Array;
  /** Index terms that contributed to a score, with their document frequency (Lunr's, per field) here. */
  terms: string[];
  /** For each of `terms`, the index of the (positive) clause that first looked it up: what the user typed for it. */
  termClause: number[];
  df: number[];
  documentCount: number;
  /** Contributions: entryDoc[i] got entryWeight[i] × IDF(terms[entryTerm[i]]). */
  entryDoc: Int32Array;
  entryTerm: Int32Array;
  entryWeight: Float64Array;
}

/** The documents of a phrase clause that really hold the words adjacently, checked in the text (only for phrases with common words, which the index leaves out); injected by the worker. */
export type PhraseCheck = (localDocs: number[], terms: string[]) => number[];

const FIELD_NUMBER: Record<string, number> = Object.fromEntries(FIELDS.map((f, i) => [f, i]));

/**
 * A term's decoded postings per field, for one request: a phrase check or a snippet finds the same
 * term's postings again without decoding them twice (key: field × term number).
 */
export type PostingsCache = Map<number, TermPostings | null>;

export function postingsOf(segment: Segment, cache: PostingsCache, f: number, t: number): TermPostings | null {
  const key = t * FIELDS.length + f;
  let postings = cache.get(key);
  if (postings === undefined) {
    const field = segment.fields[f]!;
    const rank = rankOf(field, t);
    cache.set(key, (postings = rank < 0 ? null : new TermPostings(field, rank)));
  }
  return postings;
}

/**
 * `averages`: each field's average length over the whole index (the engine's, from every segment), so
 * a document scores the same however the segments were cut and merged; the segment's own without it.
 */
export function matchSegment(
  segment: Segment,
  clauses: Clause[],
  checkPhrase: PhraseCheck,
  fuzzyTerms: FuzzyTerms = fuzzyTermsIn(segment.terms),
  averages?: readonly number[],
  /** The request's decoded postings: the worker keeps them for the snippets of the same query. */
  cache: PostingsCache = new Map(),
): SegmentMatches {
  const documentCount = segment.ids.length;
  const termIds = new Map<string, number>();
  const termDf: number[] = [];
  const termClause: number[] = [];
  let currentClause = -1;
  const entries = contributions.reset();

  /** Docs holding any of `alternatives` in the allowed fields (marked in `found`, a new mask without it), recording score contributions. */
  const lookup = (alternatives: [string, number][], field: QueryField | undefined, scale = 1, found: DocMask = new Uint8Array(documentCount)): DocMask => {
    for (const [term, boost] of alternatives) {
      const t = segment.terms.find(term);
      if (t < 0) continue;
      // Lunr's document frequency counts a document once per field holding the term.
      const df = documentFrequency(segment, t);
      const localIdf = lunrIdf(df, documentCount);
      let termId = termIds.get(term);
      if (termId === undefined) {
        termIds.set(term, (termId = termIds.size));
        termDf.push(df);
        termClause.push(currentClause);
      }
      const fields = field ? [FIELD_NUMBER[field]!] : [0, 1, 2, 3];
      for (const f of fields) {
        const postings = postingsOf(segment, cache, f, t);
        if (!postings) continue;
        const { lengths } = segment.fields[f]!;
        const average = averages?.[f] ?? segment.fields[f]!.average;
        const { docs, tfs } = postings;
        entries.reserve(docs.length);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          found[doc] = 1;
          entries.push(doc, termId, (fieldWeight(localIdf, tfs[i]!, lengths[doc]!, average, f) / localIdf) * boost * scale);
        }
      }
    }
    return found;
  };

  const expand = (clause: Clause): [string, number][] => {
    const term = clause.terms[0]!;
    if (clause.exact) return [[term, BOOST.exact], ...alternativesOf(term).filter(([t]) => t !== term)];
    if (clause.kind === 'prefix') {
      // The terms are sorted: a prefix's expansions are one range, found by binary search. The index holds
      // stems, so the prefix's own stem is a prefix too (تىلى* reaches تىل, the stem of تىلىدا).
      const out = new Map<string, number>();
      for (const prefix of prefixAlternatives(term)) {
        for (let i = lowerBound(segment.terms, prefix); i < segment.terms.length && out.size < MAX_EXPANSIONS; i++) {
          if (!segment.terms.startsWith(i, prefix)) break;
          const found = segment.terms.at(i)!;
          if (!out.has(found)) out.set(found, found === term ? BOOST.exact : BOOST.prefix);
        }
      }
      return [...out];
    }
    if (clause.kind === 'fuzzy') {
      const out = new Map<string, number>();
      for (const alternative of termAlternatives(term)) {
        const expansions = fuzzyTerms(alternative, clause.distance ?? 1).filter((t) => segment.terms.find(t) >= 0);
        for (const t of expansions.slice(0, MAX_EXPANSIONS)) if (!out.has(t)) out.set(t, t === alternative ? BOOST.exact : BOOST.fuzzy);
      }
      return [...out];
    }
    return alternativesOf(term);
  };

  const ownCount = new Uint8Array(documentCount);
  const clauseDocs = (clause: Clause, countOwn = false): DocMask => {
    const found = ownDocs(clause, 1);
    if (countOwn) for (let doc = 0; doc < documentCount; doc++) ownCount[doc]! += found[doc]!;
    // The variants' documents join the clause's (after the words as typed were counted above).
    for (const variant of clause.variants ?? []) {
      const kind = variant.terms.length === 1 ? 'term' : 'phrase';
      ownDocs({ kind, negated: clause.negated, terms: variant.terms, ...(clause.field ? { field: clause.field } : {}) }, variant.boost, found);
    }
    return found;
  };

  /** The clause's documents, marked in `into` when given (a single word's straight from its postings). */
  const ownDocs = (clause: Clause, scale: number, into?: DocMask): DocMask => {
    if (into && !clause.exact && clause.kind !== 'phrase') return lookup(expand(clause), clause.field, scale, into);
    if (into) {
      const docs = ownDocs(clause, scale);
      for (let doc = 0; doc < documentCount; doc++) into[doc]! |= docs[doc]!;
      return into;
    }
    if (clause.exact) {
      // `=word`: candidates by the index (its stems), kept where the text holds the word as written.
      const candidates = lookup(expand(clause), clause.field, scale);
      const out: DocMask = new Uint8Array(documentCount);
      for (const doc of checkPhrase(membersOf(candidates), clause.terms)) out[doc] = 1;
      return out;
    }
    if (clause.kind !== 'phrase') return lookup(expand(clause), clause.field, scale);
    // A common word (the, и) is not in the index: its slot is left open here and checked in the text.
    const slots = clause.terms.map((term) => (isStopWord(term) ? null : alternativesOf(term).map(([t]) => t)));
    let docs: DocMask | undefined;
    for (const [i, slot] of slots.entries()) {
      if (!slot) continue;
      const found = lookup(alternativesOf(clause.terms[i]!), clause.field, scale);
      if (docs) intersectInto(docs, found);
      else docs = found;
    }
    if (!docs) return new Uint8Array(documentCount);
    // The text first: that is where a phrase almost always is.
    const fields = clause.field ? [FIELD_NUMBER[clause.field]!] : [FIELD_NUMBER.text!, ...FIELDS.flatMap((f, i) => (f === 'text' ? [] : [i]))];
    // Each slot's terms as this segment numbers them, looked up once for all candidate documents.
    const slotTerms = slots.map((slot) => slot && slot.map((term) => segment.terms.find(term)).filter((t) => t >= 0));
    const bySlot = fields.map((f) => slotTerms.map((slot) => slot && slot.flatMap((t) => postingsOf(segment, cache, f, t) ?? [])));
    keepInOrder(bySlot, docs);
    if (!slots.includes(null)) return docs;
    const out: DocMask = new Uint8Array(documentCount);
    for (const doc of checkPhrase(membersOf(docs), clause.terms)) out[doc] = 1;
    return out;
  };

  let matched: DocMask | undefined;
  for (const [index, clause] of clauses.entries()) {
    if (clause.negated) continue;
    currentClause = index;
    const docs = clauseDocs(clause, true);
    if (matched) intersectInto(matched, docs);
    else matched = docs;
  }
  matched ??= new Uint8Array(documentCount);
  currentClause = -1;
  for (const clause of clauses.filter((c) => c.negated)) {
    const excluded = clauseDocs(clause);
    for (let doc = 0; doc < documentCount; doc++) if (excluded[doc]) matched[doc] = 0;
  }

  const { doc: entryDocs, term: entryTerms, weight: entryWeights, length: entryCount } = entries;
  let kept = 0;
  for (let i = 0; i < entryCount; i++) if (matched[entryDocs[i]!]) kept++;
  const entryDoc = new Int32Array(kept);
  const entryTerm = new Int32Array(kept);
  const entryWeight = new Float64Array(kept);
  for (let i = 0, k = 0; i < entryCount; i++) {
    if (!matched[entryDocs[i]!]) continue;
    entryDoc[k] = entryDocs[i]!;
    entryTerm[k] = entryTerms[i]!;
    entryWeight[k++] = entryWeights[i]!;
  }
  // The matching documents in one pass (the worker scores them and hands the engine typed arrays: segment-scores.ts).
  let count = 0;
  for (let doc = 0; doc < documentCount; doc++) count += matched[doc]!;
  const docs = new Int32Array(count);
  const own = new Int32Array(count);
  for (let doc = 0, k = 0; doc < documentCount; doc++) {
    if (!matched[doc]) continue;
    docs[k] = doc;
    own[k++] = ownCount[doc]!;
  }
  return { docs, own, terms: [...termIds.keys()], termClause, df: termDf, documentCount, entryDoc, entryTerm, entryWeight };
}

/**
 * A query's score contributions as it is matched, in typed arrays grown by doubling and kept for the
 * worker's next query (matching is synchronous, one query at a time): as JS arrays of numbers they were
 * most of a broad query's garbage at 100,000 documents (issue 17).
 */
class Contributions {
  doc = new Int32Array(1 << 14);
  term = new Int32Array(1 << 14);
  weight = new Float64Array(1 << 14);
  length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  /** Room for `more` entries. */
  reserve(more: number): void {
    const needed = this.length + more;
    if (needed <= this.doc.length) return;
    let capacity = this.doc.length * 2;
    while (capacity < needed) capacity *= 2;
    const grow = <T extends Int32Array | Float64Array>(old: T, next: T): T => {
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.doc = grow(this.doc, new Int32Array(capacity));
    this.term = grow(this.term, new Int32Array(capacity));
    this.weight = grow(this.weight, new Float64Array(capacity));
  }

  /** Call reserve() first. */
  push(doc: number, term: number, weight: number): void {
    const at = this.length++;
    this.doc[at] = doc;
    this.term[at] = term;
    this.weight[at] = weight;
  }
}

const contributions = new Contributions();

/** A prefix and its stems of at least two letters. */
function prefixAlternatives(prefix: string): string[] {
  return termAlternatives(prefix).filter((p) => p === prefix || [...p].length >= 2);
}

/**
 * Keeps, of the candidate documents marked in `candidates`, those where some field holds the phrase's slots at
 * consecutive token positions (an open slot, null, matches any token; a slot accepts any of its
 * terms: surface form, stems). `bySlot[field][slot]` lists the slot's terms' postings in that field.
 * Issue 17: a two-common-word phrase checks ~46,000 candidates at 100,000 documents, so positions are
 * decoded into reused buffers (no array per posting) and each term's postings are walked forwards
 * (indexOf gallops from its last answer).
 */
function keepInOrder(bySlot: (TermPostings[] | null)[][], candidates: DocMask): void {
  // A field where some slot's terms never occur holds the phrase in no document.
  const fields = bySlot.filter((slots) => slots.every((slot) => slot === null || slot.length > 0));
  const anchor = bySlot[0]?.findIndex((slot) => slot !== null) ?? -1;
  if (anchor < 0) {
    candidates.fill(0);
    return;
  }
  const starts = new PositionBuffer();
  const here = new PositionBuffer();
  const holds = (slots: (TermPostings[] | null)[], doc: number): boolean => {
    starts.length = 0;
    collect(slots[anchor]!, doc, starts);
    for (let i = anchor + 1; i < slots.length && starts.length > 0; i++) {
      const slot = slots[i];
      if (!slot) continue;
      // Keep the anchor positions whose slot i holds one of its terms.
      here.length = 0;
      collect(slot, doc, here);
      const shift = i - anchor;
      const { values: s } = starts;
      const { values: h, length: m } = here;
      let kept = 0;
      for (let a = 0; a < starts.length; a++) {
        const wanted = s[a]! + shift;
        for (let b = 0; b < m; b++) {
          if (h[b] === wanted) {
            s[kept++] = s[a]!;
            break;
          }
        }
      }
      starts.length = kept;
    }
    return starts.length > 0;
  };
  for (let doc = 0; doc < candidates.length; doc++) {
    if (!candidates[doc]) continue;
    let found = false;
    for (let f = 0; f < fields.length && !found; f++) found = holds(fields[f]!, doc);
    if (!found) candidates[doc] = 0;
  }
}

/** The token positions of any of a slot's terms in one document (appended to `out`). */
function collect(postings: TermPostings[], doc: number, out: PositionBuffer): void {
  for (const found of postings) {
    const k = found.indexOf(doc);
    if (k >= 0) found.positionsInto(k, out);
  }
}

function alternativesOf(term: string): [string, number][] {
  return termAlternatives(term).map((t) => [t, t === term ? BOOST.exact : BOOST.stem]);
}

/** A set of a segment's local documents: one byte per document (a segment holds a few thousand). */
type DocMask = Uint8Array;

function intersectInto(target: DocMask, other: DocMask): void {
  for (let doc = 0; doc < target.length; doc++) target[doc]! &= other[doc]!;
}

function membersOf(mask: DocMask): number[] {
  const out: number[] = [];
  for (let doc = 0; doc < mask.length; doc++) if (mask[doc]) out.push(doc);
  return out;
}
