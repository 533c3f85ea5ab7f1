/**
 * A fuzzy word's index terms in one segment (issue 17: split from segment-query.ts): Lunr's fuzzy
 * automaton walked against the segment's sorted dictionary, the recent walks remembered.
 */
import lunr from 'lunr';
import { lowerBound, type TermDictionary } from './term-dictionary.ts';

/**
 * The index terms within edit distance `distance` of `word` that a segment may hold (a superset
 * is fine: expansions the segment lacks are skipped).
 */
export type FuzzyTerms = (word: string, distance: number) => string[];

/**
 * A dictionary's recent fuzzy expansions, per dictionary (a segment's never changes, so they stay true
 * while it lives; a new segment has a new dictionary). Issue 17: walking the dictionaries for `goverment~1`
 * cost ~8 ms of CPU a query at 100,000 documents, and a facet click or the next page asks the same query again.
 */
const fuzzyCache = new WeakMap<TermDictionary, Map<string, string[]>>();
const FUZZY_CACHE_SIZE = 64;

/** Lunr's fuzzy TokenSet automaton of a word, walked against a sorted vocabulary (the recent walks remembered). */
export function fuzzyTermsIn(terms: TermDictionary): FuzzyTerms {
  let cache = fuzzyCache.get(terms);
  if (!cache) fuzzyCache.set(terms, (cache = new Map()));
  const recent = cache;
  return (word, distance) => {
    const key = `${distance}:${word}`;
    let found = recent.get(key);
    if (found) {
      // Most recently used last: the oldest is the first key.
      recent.delete(key);
    } else {
      found = intersectSorted(terms, internals.TokenSet.fromFuzzyString(word, distance));
      if (recent.size >= FUZZY_CACHE_SIZE) recent.delete(recent.keys().next().value!);
    }
    recent.set(key, found);
    return [...found];
  };
}

const internals = lunr as unknown as {
  TokenSet: { fromFuzzyString(s: string, distance: number): TokenSetNode };
};

/** A node of Lunr's TokenSet automaton ("*" edges match any character). */
interface TokenSetNode {
  final: boolean;
  edges: Record<string, TokenSetNode>;
}

/**
 * The segment's terms accepted by a Lunr TokenSet automaton (the query's fuzzy automaton), walked
 * against the sorted terms by binary search: what TokenSet.intersect does, without building an
 * automaton over the whole vocabulary (measured: that took 270 MB at 10,000 documents).
 */
export function intersectSorted(terms: TermDictionary, root: TokenSetNode): string[] {
  const out = new Set<string>();
  // Terms in [lo, hi) all start with `prefix` (length `depth`); a sub-range sharing one more character is found by binary search.
  const walk = (node: TokenSetNode, prefix: string, lo: number, hi: number) => {
    const depth = prefix.length;
    if (node.final && terms.equals(lo, prefix)) out.add(prefix);
    if (depth > 64) return;
    for (const edge in node.edges) {
      const next = node.edges[edge]!;
      if (edge === '*') {
        let i = terms.equals(lo, prefix) ? lo + 1 : lo;
        while (i < hi) {
          const extended = terms.head(i, depth + 1);
          const end = endOfPrefix(terms, extended, i, hi);
          walk(next, extended, i, end);
          i = end;
        }
      } else {
        const extended = prefix + edge;
        const start = lowerBound(terms, extended, lo, hi);
        if (start >= hi || !terms.startsWith(start, extended)) continue;
        walk(next, extended, start, endOfPrefix(terms, extended, start, hi));
      }
    }
  };
  walk(root, '', 0, terms.length);
  return [...out];
}

/** The end of the block of sorted terms from `from` (which starts with `prefix`) that start with `prefix`. */
function endOfPrefix(sorted: TermDictionary, prefix: string, from: number, to: number): number {
  let lo = from + 1;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.startsWith(mid, prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
