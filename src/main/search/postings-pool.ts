/**
 * A segment's postings while it is built (lunr-index.ts), as Lucene's indexing chain keeps them: for
 * each (term, field) slot one stream `doc, tf, position, offset, …(tf pairs), doc, tf, …` written into
 * chained blocks of one shared Int32Array, the blocks growing as the slot does. Issue 17: the arrays
 * of numbers per term and field that this replaces grew by copying and were most of a full build's
 * garbage, collected by a worker whose young generation is kept small for its serving memory. The
 * pool is reused from segment to segment and let go with the build's word memo.
 */

const FIRST_BLOCK = 6;
const LARGEST_BLOCK = 1 << 12;
/** A block: [next block or NONE, payload size, payload…]. */
const HEADER = 2;
const NONE = -1;

export class PostingsPool {
  private data = new Int32Array(1 << 16);
  private top = 0;
  private head = new Int32Array(1 << 10);
  private block = new Int32Array(1 << 10);
  private cursor = new Int32Array(1 << 10);
  private blockEnd = new Int32Array(1 << 10);
  private lastDoc = new Int32Array(1 << 10);
  private tfAt = new Int32Array(1 << 10);
  private slots = 0;
  private scratch = new Int32Array(1 << 10);

  /** Empties the pool for the next segment (its arrays are kept). */
  reset(): void {
    this.top = 0;
    this.slots = 0;
  }

  /** A new slot for a (term, field) pair first seen in the segment. */
  newSlot(): number {
    const slot = this.slots++;
    if (slot === this.head.length) this.growSlots();
    const block = this.allocate(FIRST_BLOCK);
    this.head[slot] = block;
    this.block[slot] = block;
    this.cursor[slot] = block + HEADER;
    this.blockEnd[slot] = block + HEADER + FIRST_BLOCK;
    this.lastDoc[slot] = -1;
    return slot;
  }

  /** One occurrence of the slot's term in document `doc` (documents in ascending order, a document's occurrences together). */
  occurrence(slot: number, doc: number, position: number, offset: number): void {
    if (this.lastDoc[slot] !== doc) {
      this.lastDoc[slot] = doc;
      this.write(slot, doc);
      if (this.cursor[slot] === this.blockEnd[slot]) this.nextBlock(slot);
      this.tfAt[slot] = this.cursor[slot]!;
      this.write(slot, 0);
    }
    this.data[this.tfAt[slot]!]!++;
    this.write(slot, position);
    this.write(slot, offset);
  }

  /** The slot's stream, contiguous (valid until the next call). */
  stream(slot: number): { values: Int32Array; length: number } {
    let length = 0;
    for (let block = this.head[slot]!; block !== NONE; block = this.data[block]!) {
      const last = block === this.block[slot];
      const end = last ? this.cursor[slot]! : block + HEADER + this.data[block + 1]!;
      const size = end - block - HEADER;
      if (length + size > this.scratch.length) this.scratch = grown(this.scratch, Math.max(this.scratch.length * 2, length + size));
      this.scratch.set(this.data.subarray(block + HEADER, end), length);
      length += size;
      if (last) break;
    }
    return { values: this.scratch, length };
  }

  private write(slot: number, value: number): void {
    if (this.cursor[slot] === this.blockEnd[slot]) this.nextBlock(slot);
    this.data[this.cursor[slot]!++] = value;
  }

  private nextBlock(slot: number): void {
    const previous = this.block[slot]!;
    const size = Math.min(LARGEST_BLOCK, this.data[previous + 1]! * 2);
    const block = this.allocate(size);
    this.data[previous] = block;
    this.block[slot] = block;
    this.cursor[slot] = block + HEADER;
    this.blockEnd[slot] = block + HEADER + size;
  }

  private allocate(size: number): number {
    const block = this.top;
    this.top += HEADER + size;
    if (this.top > this.data.length) this.data = grown(this.data, Math.max(this.data.length * 2, this.top));
    this.data[block] = NONE;
    this.data[block + 1] = size;
    return block;
  }

  private growSlots(): void {
    const capacity = this.head.length * 2;
    this.head = grown(this.head, capacity);
    this.block = grown(this.block, capacity);
    this.cursor = grown(this.cursor, capacity);
    this.blockEnd = grown(this.blockEnd, capacity);
    this.lastDoc = grown(this.lastDoc, capacity);
    this.tfAt = grown(this.tfAt, capacity);
  }
}

function grown(from: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const to = new Int32Array(capacity);
  to.set(from);
  return to;
}
