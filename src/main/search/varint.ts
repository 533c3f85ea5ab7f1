/**
 * Variable-length integers (LEB128: seven bits a byte, the high bit set on every byte but the last),
 * as Lucene codes its postings: the small gaps between ascending document numbers, token positions
 * and character offsets mostly fit in one byte instead of four (issue 17).
 */

/** A growable byte buffer that integers are appended to. */
export class ByteWriter {
  private bytes: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Appends a non-negative integer below 2^31. */
  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  /** Appends bytes as they are (postings copied whole by a merge). */
  append(source: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.length + n > this.bytes.length) this.grow(n);
    const { bytes } = this;
    // Short runs by a loop (a subarray per run of a few bytes cost more than the copy), long ones at once.
    if (n > 32) bytes.set(source.subarray(from, to), this.length);
    else for (let i = from, at = this.length; i < to; i++, at++) bytes[at] = source[i]!;
    this.length += n;
  }

  /** The bytes written: a view when the buffer is nearly full (a merge sizes it exactly), else a trimmed copy. */
  finish(): Uint8Array {
    return this.length >= this.bytes.length * 0.9 ? this.bytes.subarray(0, this.length) : this.bytes.slice(0, this.length);
  }

  /** The bytes written so far, as a view (valid until the next write). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  /** Starts again from empty, keeping the buffer. */
  reset(): void {
    this.length = 0;
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/** Reads varints from a byte array, from `at` on. */
export class ByteReader {
  bytes: Uint8Array;
  at: number;

  constructor(bytes: Uint8Array, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  varint(): number {
    const { bytes } = this;
    let byte = bytes[this.at++]!;
    let value = byte & 0x7f;
    let shift = 7;
    while (byte & 0x80) {
      byte = bytes[this.at++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    }
    return value >>> 0;
  }

  /** Moves past `count` varints without decoding them. */
  skip(count: number): void {
    const { bytes } = this;
    for (let n = 0; n < count; n++) while (bytes[this.at++]! & 0x80);
  }
}
