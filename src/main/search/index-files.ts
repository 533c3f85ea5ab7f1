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
      // Not from Buffer's shared pool: the caller may lay Int32 views over it, which need a 4-byte aligned start.
      const out = Buffer.allocUnsafeSlow(to - from);
      for (let done = 0; done < out.length; ) {
        const n = readSync(fd, out, done, out.length - done, from + done);
        if (n === 0) throw damaged();
        done += n;
      }
      return out;
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}

/** `data` may come in parts (a segment's arrays, issue 17): a plain file is written part by part, a sealed one joined first. */
export function writeIndexFile(file: string, data: Uint8Array | Uint8Array[], tmpDir: string, key: IndexKey): void {
  const parts = Array.isArray(data) ? data : [data];
  const bytes = key ? [seal(key, parts.length === 1 ? parts[0]! : Buffer.concat(parts), aad(file))] : parts;
  const temp = path.join(
    tmpDir,
    `${path.basename(file)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  const fd = openSync(temp, 'w', 0o600);
  try {
    for (const part of bytes) for (let done = 0; done < part.byteLength; ) done += writeSync(fd, part, done);
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
