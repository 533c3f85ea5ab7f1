/**
 * Every read and write of the search index's cache files (segment-*.bin, the manifest) goes
 * through here (issue 20), so a locked investigation's caches are sealed with its data key
 * (AES-256-GCM, the file's name as associated data: a cache cannot be passed off as another)
 * and an unlocked one's stay as they were. Writes go to tmp/, are fsynced and renamed (STYLE.md rule 9):
 * a crash leaves the old file or the new one, never half of one. Files are read whole, never by random
 * access (issue 17's segment layout and manifest fields go through the same two functions).
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { seal, unseal } from '../lock/cipher.ts';

/** The data key of a locked investigation, or undefined for a plain one. */
export type IndexKey = Uint8Array | undefined;

const aad = (file: string) => `index|${path.basename(file)}`;

export function readIndexFile(file: string, key: IndexKey): Buffer {
  const bytes = readFileSync(file);
  return key ? unseal(key, bytes, aad(file), path.basename(file)) : bytes;
}

export function writeIndexFile(file: string, data: Uint8Array, tmpDir: string, key: IndexKey): void {
  const bytes = key ? seal(key, data, aad(file)) : data;
  const temp = path.join(
    tmpDir,
    `${path.basename(file)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
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
