/**
 * Every read and write of the search index's cache files (segment files and the manifest) goes
 * through here (issue 17), so that one module can change how they are stored: issue 20 encrypts
 * them at rest by wrapping these two functions. Files are read whole, never by random access.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The whole content of an index cache file (throws when it is missing or unreadable). */
export function readIndexFile(file: string): Buffer {
  return readFileSync(file);
}

/**
 * Writes to a temporary file in `tmpDir`, syncs it to disk, then renames it over `file`: a crash
 * leaves the old file or the new one, never half of one.
 */
export function writeIndexFileAtomic(file: string, data: Uint8Array, tmpDir: string): void {
  const temp = path.join(tmpDir, `${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, data);
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
