/**
 * Every read and write of the search index's cache files (segment-*.bin, the manifest) goes
 * through here (issue 20), so a locked investigation's caches are sealed with its data key
 * (AES-256-GCM, the file's name as associated data: a cache cannot be passed off as another)
 * and an unlocked one's stay as they were. Writes go to tmp/, are fsynced and renamed (STYLE.md rule 9):
 * a crash leaves the old file or the new one, never half of one. A plain investigation's segment files
 * are opened for reading parts (openIndexFile): a segment's positions and offsets stay on disk until a
 * query reads a term's run (issue 17). A sealed file is authenticated as a whole, so a locked
 * investigation's are decrypted into memory whole and their parts are views.
 */
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { seal, unseal } from '../lock/cipher.ts';

/** The data key of a locked investigation, or undefined for a plain one. */
export type IndexKey = Uint8Array | undefined;

const aad = (file: string) => `index|${path.basename(file)}`;

export function readIndexFile(file: string, key: IndexKey): Buffer {
  const bytes = readFileSync(file);
  return key ? unseal(key, bytes, aad(file), path.basename(file)) : bytes;
}

/** A cache file open for reading parts of it; `close` gives its descriptor back (a dropped segment's file is then removed). */
export interface IndexFileReader {
  readonly size: number;
  /** Bytes [from, to) of the file's contents (its plaintext when sealed). */
  read(from: number, to: number): Uint8Array;
  close(): void;
}

/** A file's contents already in memory (a sealed file once decrypted; tests), read like an open file. */
export function indexFileInMemory(bytes: Uint8Array, name = 'in memory'): IndexFileReader {
  return {
    size: bytes.length,
    read: (from, to) => {
      if (from < 0 || to > bytes.length || to < from) throw new Error(`The index cache ${name} is damaged.`);
      return bytes.subarray(from, to);
    },
    close: () => undefined,
  };
}

/** Bytes [from, to) of an open file; `short` is the error when the file ends first. */
function readRange(fd: number, from: number, to: number, short: () => Error): Buffer {
  // Not from Buffer's shared pool: the caller may lay Int32 views over it, which need a 4-byte aligned start.
  const out = Buffer.allocUnsafeSlow(to - from);
  for (let done = 0; done < out.length; ) {
    const n = readSync(fd, out, done, out.length - done, from + done);
    if (n === 0) throw short();
    done += n;
  }
  return out;
}

export function openIndexFile(file: string, key: IndexKey): IndexFileReader {
  const name = path.basename(file);
  const damaged = () => new Error(`The index cache ${name} is damaged.`);
  if (key) return indexFileInMemory(readIndexFile(file, key), name);
  const fd = openSync(file, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let open = true;
  return {
    size,
    read(from, to) {
      if (!open) throw new Error(`The index cache ${name} was closed.`);
      if (from < 0 || to > size || to < from) throw damaged();
      return readRange(fd, from, to, damaged);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}

/** Bytes that can be read a range at a time (a segment's runs in memory or in a spill file): written in chunks, not joined. */
export interface ReadableBytes {
  readonly length: number;
  read(from: number, to: number): Uint8Array;
}

/** What a spilled part is copied in: large enough for few system calls, small beside a merge's memory. */
const COPY_CHUNK = 4 << 20;

/**
 * `data` may come in parts (a segment's arrays, issue 17), some of them ranges to read (a merge's spilled
 * runs): a plain file is written part by part, a sealed one joined first.
 */
export function writeIndexFile(file: string, data: Uint8Array | (Uint8Array | ReadableBytes)[], tmpDir: string, key: IndexKey): void {
  const given = Array.isArray(data) ? data : [data];
  const whole = (part: Uint8Array | ReadableBytes) => (part instanceof Uint8Array ? part : part.read(0, part.length));
  const parts = key ? [seal(key, given.length === 1 ? whole(given[0]!) : Buffer.concat(given.map(whole)), aad(file))] : given;
  const temp = temporaryName(tmpDir, path.basename(file));
  const fd = openSync(temp, 'w', 0o600);
  try {
    const writeAll = (bytes: Uint8Array) => {
      for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done);
    };
    for (const part of parts) {
      if (part instanceof Uint8Array) writeAll(part);
      else for (let at = 0; at < part.length; at += COPY_CHUNK) writeAll(part.read(at, Math.min(part.length, at + COPY_CHUNK)));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

const temporaryName = (tmpDir: string, base: string) => path.join(tmpDir, `${base}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);

/**
 * A temporary file in tmp/ that a merge writes one stream of a field's runs to (issue 17: a merged
 * segment's positions and offsets go to disk as they are made, not into memory), read back when the
 * segment's file is written, then removed. Only for a plain investigation: a locked one's merges stay
 * in memory, so nothing of it is ever written unsealed. tmp/ is swept when the workspace opens, so a
 * crash leaves none behind.
 */
export interface SpillFile extends ReadableBytes {
  append(bytes: Uint8Array): void;
  remove(): void;
}

export function createSpillFile(tmpDir: string): SpillFile {
  const file = temporaryName(tmpDir, 'spill');
  const fd = openSync(file, 'w+', 0o600);
  let length = 0;
  let open = true;
  return {
    get length() {
      return length;
    },
    append(bytes) {
      for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done, bytes.byteLength - done, length + done);
      length += bytes.byteLength;
    },
    read(from, to) {
      if (from < 0 || to > length || to < from) throw new Error('A spilled run was read outside its bytes.');
      return readRange(fd, from, to, () => new Error('A spilled run was cut short.'));
    },
    remove() {
      if (!open) return;
      open = false;
      closeSync(fd);
      rmSync(file, { force: true });
    },
  };
}
