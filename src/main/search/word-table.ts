/**
 * A table from words to a number (what they index as, lunr-index.ts), looked up by the word's
 * characters where they stand in the text: no string is made for a word the table already holds.
 * Issue 17: at 100,000 documents a full build looks up ~70 million words; slicing each out of its
 * text and hashing the new string in a `Map` was the largest single cost of tokenising, and the slices
 * a large share of its garbage. Open addressing with linear probing; a slot is four integers side by
 * side (hash, where the word's characters start in one character pool, its length, its number), so a
 * probe touches one cache line and the pool, not a string object somewhere in the heap.
 */

/** What `find` returns for a word the table does not hold. */
export const ABSENT = -0x80000000;
const EMPTY = 0;
const SLOT = 4;

/** FNV-1a over UTF-16 code units, never 0 (0 marks an empty slot). */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h === EMPTY ? 1 : h;
}

export class WordTable {
  private slots: Int32Array;
  private chars: Uint16Array;
  private charsUsed = 0;
  private mask: number;
  private count = 0;
  private readonly initialCapacity: number;

  constructor(initialCapacity = 1 << 12) {
    this.initialCapacity = initialCapacity;
    this.slots = new Int32Array(initialCapacity * SLOT);
    this.chars = new Uint16Array(initialCapacity * 8);
    this.mask = initialCapacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The number of `text[start, end)`, or ABSENT. */
  find(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    const length = end - start;
    const { slots, chars } = this;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * SLOT;
      const h = slots[at]!;
      if (h === EMPTY) return ABSENT;
      if (h !== hash || slots[at + 2] !== length) continue;
      const from = slots[at + 1]!;
      let i = 0;
      while (i < length && chars[from + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return slots[at + 3]!;
    }
  }

  /** Adds a word the table does not hold. */
  add(word: string, value: number): void {
    if ((this.count + 1) * 2 > this.slots.length / SLOT) this.grow();
    if (this.charsUsed + word.length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + word.length));
      chars.set(this.chars);
      this.chars = chars;
    }
    const from = this.charsUsed;
    for (let i = 0; i < word.length; i++) this.chars[from + i] = word.charCodeAt(i);
    this.charsUsed += word.length;
    this.place(hashOf(word, 0, word.length), from, word.length, value);
    this.count++;
  }

  clear(): void {
    this.slots = new Int32Array(this.initialCapacity * SLOT);
    this.chars = new Uint16Array(this.initialCapacity * 8);
    this.charsUsed = 0;
    this.mask = this.initialCapacity - 1;
    this.count = 0;
  }

  private place(hash: number, from: number, length: number, value: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot * SLOT] !== EMPTY) slot = (slot + 1) & this.mask;
    const at = slot * SLOT;
    this.slots[at] = hash;
    this.slots[at + 1] = from;
    this.slots[at + 2] = length;
    this.slots[at + 3] = value;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (old.length / SLOT) * 2;
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += SLOT) if (old[at] !== EMPTY) this.place(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
  }
}
