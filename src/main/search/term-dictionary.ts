/**
 * A segment's sorted terms (issue 17): one string holding them all, separated by U+0000 (which no
 * index term holds: terms are letters, marks and digits), and where each starts. At 100,000
 * documents the index held ~1.6 million terms as separate strings and a Map per segment to find
 * them; one string and a binary search cost a tenth of that memory, and the terms of a cache file
 * load as one string instead of a JSON array of strings.
 */

/** What prefix and fuzzy expansion need of a sorted list of terms: a plain sorted string[] is one too. */
export interface SortedTerms {
  readonly length: number;
  at(index: number): string | undefined;
}

export const TERM_SEPARATOR = '\u0000';

export class TermDictionary implements SortedTerms {
  readonly text: string;
  /** starts[i] is where term i begins in text; starts[length] is text.length + 1. */
  private readonly starts: Int32Array;

  constructor(text: string) {
    this.text = text;
    let count = text.length === 0 ? 0 : 1;
    for (let at = text.indexOf(TERM_SEPARATOR); at >= 0; at = text.indexOf(TERM_SEPARATOR, at + 1)) count++;
    const starts = new Int32Array(count + 1);
    let at = 0;
    for (let i = 0; i < count; i++) {
      starts[i] = at;
      const end = text.indexOf(TERM_SEPARATOR, at);
      at = end < 0 ? text.length + 1 : end + 1;
    }
    starts[count] = text.length + 1;
    this.starts = starts;
  }

  static fromSorted(terms: readonly string[]): TermDictionary {
    return new TermDictionary(terms.join(TERM_SEPARATOR));
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
  }

  /** The term's number, or -1 when the segment does not hold it. */
  find(term: string): number {
    const at = lowerBound(this, term);
    return at < this.length && this.at(at) === term ? at : -1;
  }

  /** Every term, in order (tests and merges). */
  toArray(): string[] {
    return this.length === 0 ? [] : this.text.split(TERM_SEPARATOR);
  }
}

/** The first index in [from, to) whose term is not below `value` (UTF-16 order, as Array.prototype.sort). */
export function lowerBound(sorted: SortedTerms, value: string, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.at(mid)! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
