/**
 * A field's positions or offsets written to a spill file as a merge makes them (issue 17): the merged
 * segment's runs never sit whole in memory. A merge at 100,000 documents makes segments of 32,000
 * documents, whose runs are ~55 MB; with both kept until the file was written they were the largest
 * share of a full build's peak. Used by FieldWriter in place of its in-memory ByteWriter.
 */
import type { SpillFile } from './index-files.ts';
import type { ByteRuns } from './segment-format.ts';
import { ByteWriter } from './varint.ts';

/** Bytes gathered before a write to the file. */
const FLUSH_BYTES = 1 << 20;

export class SpillWriter {
  private readonly buffer = new ByteWriter(FLUSH_BYTES + 64);
  private readonly file: SpillFile;
  private readonly start: number;

  constructor(file: SpillFile) {
    this.file = file;
    this.start = file.length;
  }

  get length(): number {
    return this.file.length - this.start + this.buffer.length;
  }

  varint(value: number): void {
    this.buffer.varint(value);
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }

  append(source: Uint8Array, from: number, to: number): void {
    if (to - from >= FLUSH_BYTES) {
      this.flush();
      this.file.append(source.subarray(from, to));
      return;
    }
    this.buffer.append(source, from, to);
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }

  /** The bytes written, read from the file. */
  finish(): ByteRuns {
    this.flush();
    const { file, start } = this;
    const length = this.length;
    return {
      length,
      read: (from, to) => {
        if (from < 0 || to > length || to < from) throw new Error('A spilled run was read outside its bytes.');
        return file.read(start + from, start + to);
      },
    };
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.file.append(this.buffer.view());
    this.buffer.reset();
  }
}
