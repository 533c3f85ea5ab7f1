import { constants, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedEntry } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import { isSupportedFile } from './index.ts';

/**
 * Reading files from disk for import (issue 13, item 5). Only regular files are read: a FIFO
 * opened for reading blocks until a writer comes (the import hung), and a character device such as
 * /dev/zero never ends (a symlink to it grew memory without bound). Their stat() size is 0, as is
 * that of /proc files, so a size of 0 is never taken to mean "small": every read is bounded.
 */

/** What kind of non-regular entry a stat result describes, in words for the summary. */
export function specialKind(info: Stats | Dirent): string | null {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  return info.isFile() ? null : 'not a regular file';
}

function notRegular(name: string, kind: string): DossierError {
  return new DossierError('UNSUPPORTED_FORMAT', `${name} is ${kind}, not a regular file; it was not imported.`);
}

export function tooLarge(name: string, size: number, maxBytes: number, sizeKnown = true): DossierError {
  const MB = 1024 * 1024;
  const amount = (n: number) => (n >= MB ? `${Math.round(n / MB)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`);
  const what = sizeKnown ? `is ${amount(size)}, over` : 'is larger than';
  return new DossierError('TOO_LARGE', `${name} ${what} the ${amount(maxBytes)} import limit. Split it, or raise the limit in Settings.`);
}

/** A sentence for a file-system error, naming the file: never a bare errno. */
export function readError(name: string, error: unknown): DossierError {
  if (error instanceof DossierError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'it no longer exists'
        : code === 'ELOOP'
          ? 'it is a loop of symbolic links'
          : code === 'EISDIR'
            ? 'it is a folder'
            : 'the system refused to read it';
  return new DossierError('IO', `${name} could not be read: ${why}.`);
}

/**
 * A file's size before a byte of it is read (for the read-ahead budget), refusing at once what is
 * not a regular file or is over the limit. stat() follows a symbolic link given directly: the
 * user named it, and its target is checked like any file.
 */
export async function regularFileSize(file: string, name: string, maxBytes: number): Promise<number> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    throw readError(name, error);
  }
  const kind = specialKind(info);
  if (kind) throw notRegular(name, kind);
  if (info.size > maxBytes) throw tooLarge(name, info.size, maxBytes);
  return info.size;
}

/** O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; it does nothing to regular files. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1024 * 1024;

/**
 * Reads a regular file whole, at most `maxBytes`. The check is made on the opened descriptor
 * (fstat), so a file swapped for a FIFO or a device after it was listed is still refused, and the
 * read stops past the limit whatever the size said (a /proc file says 0).
 */
export async function readRegularFile(file: string, name: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    throw readError(name, error);
  }
  try {
    const info = await handle.stat();
    const kind = specialKind(info);
    if (kind) throw notRegular(name, kind);
    if (info.size > maxBytes) throw tooLarge(name, info.size, maxBytes);
    // The stated size is a hint for the first buffer, never a bound: one byte more shows whether the file grew.
    const chunks: Uint8Array[] = [];
    let total = 0;
    let want = info.size > 0 ? info.size + 1 : CHUNK;
    for (;;) {
      const buffer = new Uint8Array(Math.min(want, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buffer.byteLength ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      // Reading stopped at the limit: the real size is unknown (and may be endless).
      if (total > maxBytes) throw tooLarge(name, total, maxBytes, false);
      want = CHUNK;
    }
    if (chunks.length === 1) return chunks[0]!;
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  } catch (error) {
    throw readError(name, error);
  } finally {
    await handle.close();
  }
}

/**
 * Expands the user's paths: files as given (a symbolic link given directly is followed, and its
 * target must be a regular file), folders recursively. Inside a folder only regular files of a
 * supported format are taken; links are not followed (they could leave the folder or loop), and
 * every other entry except hidden ones (dot files) is named in `skipped` with the reason.
 */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; missing: string[]; skipped: SkippedEntry[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: SkippedEntry[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dir, reason: `${readError(path.basename(dir), error).message.replace(/\.$/, '')}; nothing in it was imported.` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!entry.isFile()) {
        const kind = specialKind(entry) ?? 'not a regular file';
        const why = entry.isSymbolicLink() ? 'links inside a folder are not followed (import the file it points to directly)' : 'only regular files are imported';
        skipped.push({ path: full, reason: `${entry.name} is ${kind}: ${why}.` });
      } else if (!isSupportedFile(entry.name)) {
        skipped.push({ path: full, reason: `${entry.name} is not a format Dossier imports.` });
      } else files.push(full);
    }
  };
  for (const given of paths) {
    const resolved = path.resolve(given);
    let info: Stats;
    try {
      info = await stat(resolved);
    } catch {
      // A dangling link exists but leads nowhere: the read reports it as a failure of that file.
      if (await lstat(resolved).catch(() => null)) files.push(resolved);
      else missing.push(resolved);
      continue;
    }
    if (info.isDirectory()) await walk(resolved);
    else files.push(resolved);
  }
  return { files, missing, skipped };
}
