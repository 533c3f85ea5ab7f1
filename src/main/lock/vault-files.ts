/**
 * The files of a locked investigation's vault (issue 20), `vault/` in the investigation folder:
 *   lock.json           the wrapped data key (key-file.ts)
 *   snapshot-<n>.bin    the whole SQLite store, serialised and sealed (magic, then one sealed record)
 *   journal-<n>.bin     the changes committed since snapshot n: [u32 length | sealed changeset]…
 * The newest whole snapshot is the truth; a snapshot is written to a temporary name, fsynced and
 * renamed, so a crash leaves the old one or the new one. Every sealed record names its vault,
 * snapshot number and position in its associated data, so none can be swapped, moved or reordered.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../shared/errors.ts';
import { seal, SealBroken, unseal } from './cipher.ts';
import { parseKeyFile, type KeyFile } from './key-file.ts';

export const VAULT_DIR = 'vault';
export const KEY_FILE = 'lock.json';
const SNAPSHOT_MAGIC = Buffer.from('DSVAULT1', 'latin1');
const SNAPSHOT = /^snapshot-(\d+)\.bin$/;

export const vaultDir = (investigationDir: string) => path.join(investigationDir, VAULT_DIR);
export const isLockedFolder = (investigationDir: string) => existsSync(path.join(vaultDir(investigationDir), KEY_FILE));
const snapshotFile = (dir: string, n: number) => path.join(dir, `snapshot-${n}.bin`);
export const journalFile = (dir: string, n: number) => path.join(dir, `journal-${n}.bin`);

export const damaged = (file: string) =>
  new DossierError(
    'PARSE_FAILED',
    `The encrypted file ${path.basename(file)} of this locked investigation is damaged or was altered (it fails its integrity check). Nothing was opened or changed; restore the folder from a copy or a backup.`,
  );

/**
 * A serialised store taken from a WAL-mode file says so in its header (bytes 18-19 = 2); an
 * in-memory database cannot use WAL, so the header is set back to rollback journal (1) before it is
 * deserialised or copied. The pages are the same; SQLite documents both bytes as the journal mode only.
 */
export function asRollbackJournal(store: Uint8Array): Uint8Array {
  if (store.byteLength > 19 && store[18] === 2 && store[19] === 2) {
    store[18] = 1;
    store[19] = 1;
  }
  return store;
}

export function readKeyFile(dir: string): KeyFile {
  return parseKeyFile(readFileSync(path.join(dir, KEY_FILE), 'utf8'));
}

export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; its renames are durable once they return.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `bytes` to `file` through a temporary beside it: written, fsynced, renamed, folder fsynced. */
export function writeDurably(file: string, bytes: Uint8Array): void {
  const temp = `${file}.partial`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDir(path.dirname(file));
}

export function writeKeyFile(dir: string, keyFile: KeyFile): void {
  writeDurably(path.join(dir, KEY_FILE), Buffer.from(`${JSON.stringify(keyFile, null, 2)}\n`, 'utf8'));
}

const snapshotAad = (keyFile: KeyFile, n: number) => `snapshot|${keyFile.vaultId}|${n}`;
const recordAad = (keyFile: KeyFile, n: number, seq: number) => `journal|${keyFile.vaultId}|${n}|${seq}`;

export function sealSnapshot(key: Uint8Array, keyFile: KeyFile, n: number, store: Uint8Array): Buffer {
  return Buffer.concat([SNAPSHOT_MAGIC, seal(key, store, snapshotAad(keyFile, n))]);
}

export function unsealSnapshot(key: Uint8Array, keyFile: KeyFile, n: number, bytes: Uint8Array, file: string): Buffer {
  if (bytes.byteLength < SNAPSHOT_MAGIC.length || !SNAPSHOT_MAGIC.equals(bytes.subarray(0, SNAPSHOT_MAGIC.length)))
    throw damaged(file);
  try {
    return unseal(key, bytes.subarray(SNAPSHOT_MAGIC.length), snapshotAad(keyFile, n), path.basename(file));
  } catch (error) {
    if (error instanceof SealBroken) throw damaged(file);
    throw error;
  }
}

/** The newest snapshot's number, or 0 for none; older snapshots and journals (left by a crash mid-compaction) are removed. */
export function newestSnapshot(dir: string): number {
  const numbers = readdirSync(dir).flatMap((name) => {
    const m = SNAPSHOT.exec(name);
    return m ? [Number(m[1])] : [];
  });
  const newest = numbers.length ? Math.max(...numbers) : 0;
  for (const name of readdirSync(dir)) {
    const m = /^(?:snapshot|journal)-(\d+)\.bin(?:\.partial)?$/.exec(name);
    if ((m && Number(m[1]) < newest) || name.endsWith('.partial')) rmSync(path.join(dir, name), { force: true });
  }
  return newest;
}

export function writeSnapshot(dir: string, key: Uint8Array, keyFile: KeyFile, n: number, store: Uint8Array): void {
  // The journal of the new snapshot exists (empty) before the snapshot does: a snapshot is never without its journal.
  writeDurably(journalFile(dir, n), new Uint8Array(0));
  writeDurably(snapshotFile(dir, n), sealSnapshot(key, keyFile, n, store));
}

export function readSnapshot(dir: string, key: Uint8Array, keyFile: KeyFile, n: number): Buffer {
  const file = snapshotFile(dir, n);
  return unsealSnapshot(key, keyFile, n, readFileSync(file), file);
}

export interface JournalRead {
  changesets: Buffer[];
  /** Bytes of whole records; anything after them is an incomplete last write. */
  goodBytes: number;
  torn: boolean;
}

/**
 * Reads and decrypts a journal. A record cut short at the very end is a write that never returned
 * (each record is written and fsynced before its change is acknowledged): it is reported, not
 * applied. A record that fails its check anywhere refuses the whole store.
 */
export function readJournal(dir: string, key: Uint8Array, keyFile: KeyFile, n: number): JournalRead {
  const file = journalFile(dir, n);
  if (!existsSync(file)) return { changesets: [], goodBytes: 0, torn: false };
  const bytes = readFileSync(file);
  const changesets: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) return { changesets, goodBytes: at, torn: true };
    const length = bytes.readUInt32BE(at);
    if (at + 4 + length > bytes.length) return { changesets, goodBytes: at, torn: true };
    try {
      changesets.push(
        unseal(key, bytes.subarray(at + 4, at + 4 + length), recordAad(keyFile, n, changesets.length), path.basename(file)),
      );
    } catch (error) {
      if (error instanceof SealBroken) throw damaged(file);
      throw error;
    }
    at += 4 + length;
  }
  return { changesets, goodBytes: at, torn: false };
}

/** An open journal: each append is one write and one fsync, done before the change is acknowledged. */
export class JournalWriter {
  private readonly fd: number;
  private seq: number;
  bytes: number;
  private readonly keyFile: KeyFile;
  private readonly n: number;
  private readonly key: Uint8Array;
  constructor(dir: string, key: Uint8Array, keyFile: KeyFile, n: number, records: number, goodBytes: number) {
    this.fd = openSync(journalFile(dir, n), existsSync(journalFile(dir, n)) ? 'r+' : 'w+', 0o600);
    // A torn last record (never acknowledged) is cut off so the next record follows the last whole one.
    ftruncateSync(this.fd, goodBytes);
    this.seq = records;
    this.bytes = goodBytes;
    this.key = key;
    this.keyFile = keyFile;
    this.n = n;
  }
  append(changeset: Uint8Array): void {
    const sealed = seal(this.key, changeset, recordAad(this.keyFile, this.n, this.seq));
    const record = Buffer.allocUnsafe(4 + sealed.length);
    record.writeUInt32BE(sealed.length, 0);
    sealed.copy(record, 4);
    let written = 0;
    while (written < record.length) written += writeSync(this.fd, record, written, record.length - written, this.bytes + written);
    fsyncSync(this.fd);
    this.seq++;
    this.bytes += record.length;
  }
  close(): void {
    closeSync(this.fd);
  }
}
