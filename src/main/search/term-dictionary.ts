/**
 * A segment's sorted terms (issue 17): one string holding them all, separated by U+0000 (which no
 * index term holds: terms are letters, marks and digits), and where each starts. At 100,000
 * documents the index held ~1.6 million terms as separate strings and a Map per segment to find
 * them; one string and a binary search cost a tenth of that memory, and the terms of a cache file
 * load as one string instead of a JSON array of strings.
 */

export const TERM_SEPARATOR = '\u0000';

export class TermDictionary {
  readonly text: string;
  /** starts[i] is where term i begins in text; starts[length] is text.length + 1. */
  private readonly starts: Int32Array;

  constructor(text: string) {
    this.text = text;
    // One pass (a cold start makes a dictionary per segment: ~1.6 million terms at 100,000 documents).
    let starts = new Int32Array(Math.max(16, text.length >> 3));
    let count = 0;
    const add = (at: number) => {
      if (count === starts.length) {
        const next = new Int32Array(starts.length * 2);
        next.set(starts);
        starts = next;
      }
      starts[count++] = at;
    };
    if (text.length > 0) {
      add(0);
      for (let at = text.indexOf(TERM_SEPARATOR); at >= 0; at = text.indexOf(TERM_SEPARATOR, at + 1)) add(at + 1);
    }
    add(text.length + 1);
    this.starts = starts.slice(0, count);
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
    return at < this.length && this.equals(at, term) ? at : -1;
  }

  /** Whether term i starts with `prefix` (which holds no separator, so it cannot reach into the next term). Compares in place: no string is made. */
  startsWith(i: number, prefix: string): boolean {
    return this.text.startsWith(prefix, this.starts[i]!);
  }

  equals(i: number, value: string): boolean {
    return i < this.length && this.starts[i + 1]! - 1 - this.starts[i]! === value.length && this.text.startsWith(value, this.starts[i]!);
  }

  /** Whether term i sorts before `value` (UTF-16 code units, as Array.prototype.sort), compared in place. */
  before(i: number, value: string): boolean {
    const { text } = this;
    const from = this.starts[i]!;
    const length = this.starts[i + 1]! - 1 - from;
    const n = Math.min(length, value.length);
    for (let k = 0; k < n; k++) {
      const a = text.charCodeAt(from + k);
      const b = value.charCodeAt(k);
      if (a !== b) return a < b;
    }
    return length < value.length;
  }

  /** The first n code units of term i. */
  head(i: number, n: number): string {
    const from = this.starts[i]!;
    return this.text.slice(from, Math.min(from + n, this.starts[i + 1]! - 1));
  }

  /** Every term, in order (tests and merges). */
  toArray(): string[] {
    return this.length === 0 ? [] : this.text.split(TERM_SEPARATOR);
  }
}

/** The first index in [from, to) whose term is not below `value` (UTF-16 order, as Array.prototype.sort). */
export function lowerBound(sorted: TermDictionary, value: string, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.before(mid, value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
