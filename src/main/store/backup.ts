/**
 * Backups of the store (issue 7): SQLite's online backup into the workspace's tmp/ folder, checked
 * by reopening the copy (integrity_check), then renamed into backups/ and rotated. Taken on a
 * schedule (the app's timer calls backupIfDue), on request, before a migration and before a restore.
 * An investigation runs for years: a damaged database is never replaced by an empty one in silence.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { backup as sqliteBackup, DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../shared/domain.ts';
import { DossierError, toErrorInfo } from '../../shared/errors.ts';
import type { Database } from './database.ts';
import { latestDocumentChange, resetDocumentChanges } from './document-changes-repo.ts';

export const KEEP: Record<BackupReason, number> = { scheduled: 10, manual: 10, 'before-migration': 3, 'before-restore': 5 };
const NAME = /^dossier-(\d{8}T\d{6}\d{3}Z)-(scheduled|manual|before-migration|before-restore)\.sqlite$/;

export interface BackupDeps {
  /** SQLite's online backup; a test double injects faults (disk full). */
  backup?: (db: DatabaseSync, file: string) => Promise<number>;
  now?: () => Date;
}

export interface BackupPaths {
  database: string;
  backupsDir: string;
  tmpDir: string;
  /** Issue 20: a locked investigation's backups are sealed copies of its store, never SQLite files in plain text. */
  codec?: BackupCodec | undefined;
}

/** How a locked store is written to and read from a backup file. */
export interface BackupCodec {
  encode(db: Database): Uint8Array;
  /** An in-memory connection holding the backup's store; throws when the file fails its check. */
  decode(bytes: Uint8Array, file: string): DatabaseSync;
  /** After a restore wrote over the live store behind the journal's back: snapshot it. */
  afterRestore(): void;
}

function writeSynced(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function parseStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/** The backups in `backupsDir`, newest first. Files that are not ours are ignored. */
export function listBackups(backupsDir: string): BackupInfo[] {
  if (!existsSync(backupsDir)) return [];
  const backups: BackupInfo[] = [];
  for (const name of readdirSync(backupsDir)) {
    const match = NAME.exec(name);
    if (!match) continue;
    backups.push({
      name,
      createdAt: parseStamp(match[1]!),
      reason: match[2] as BackupReason,
      bytes: statSync(path.join(backupsDir, name)).size,
    });
  }
  return backups.sort((a, b) => b.name.localeCompare(a.name));
}

/** Opens a copy read-only and runs SQLite's integrity check; returns its schema version or throws. */
export function verifyDatabaseFile(file: string, codec?: BackupCodec): number {
  let db: DatabaseSync | undefined;
  try {
    db = codec ? codec.decode(readFileSync(file), file) : new DatabaseSync(file, { readOnly: true });
    const check = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string } | undefined;
    if (check?.integrity_check !== 'ok') throw new Error(check?.integrity_check ?? 'no answer');
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } catch (error) {
    throw new DossierError('PARSE_FAILED', `The backup ${path.basename(file)} is damaged (${(error as Error).message}).`);
  } finally {
    db?.close();
  }
}

/** Makes a copy a single self-contained file (no -wal beside it) and checks it; removes it if bad. */
function sealAndVerify(file: string): void {
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = DELETE');
  } finally {
    db.close();
  }
  verifyDatabaseFile(file);
}

function rotate(backupsDir: string, reason: BackupReason): void {
  const same = listBackups(backupsDir).filter((b) => b.reason === reason);
  for (const old of same.slice(KEEP[reason])) rmSync(path.join(backupsDir, old.name), { force: true });
}

function diskError(error: unknown, what: string): DossierError {
  if (error instanceof DossierError) return error;
  const info = toErrorInfo(error);
  const reason = info.code === 'INTERNAL' ? (error as Error).message : info.message;
  return new DossierError('IO', `Could not write ${what}: ${reason} Earlier backups and the investigation are unchanged.`);
}

/** Online backups under way per connection (issue 18: the entity job waits for them, as its writes between backup steps failed the backup). */
const backupsRunning = new WeakMap<Database, number>();
export const backupRunning = (db: Database): boolean => (backupsRunning.get(db) ?? 0) > 0;

/**
 * Takes a backup with SQLite's online backup (the app keeps working meanwhile), checks the copy,
 * and moves it into backups/ only when it is whole; older backups of the same kind beyond KEEP go.
 */
export async function createBackup(
  db: Database,
  paths: BackupPaths,
  reason: BackupReason,
  deps: BackupDeps = {},
): Promise<BackupInfo> {
  const name = `dossier-${stamp((deps.now ?? (() => new Date()))())}-${reason}.sqlite`;
  mkdirSync(paths.tmpDir, { recursive: true });
  mkdirSync(paths.backupsDir, { recursive: true });
  const partial = path.join(paths.tmpDir, `backup-${name}`);
  backupsRunning.set(db, (backupsRunning.get(db) ?? 0) + 1);
  try {
    if (paths.codec) {
      writeSynced(partial, paths.codec.encode(db));
      verifyDatabaseFile(partial, paths.codec);
    } else {
      await (deps.backup ?? sqliteBackup)(db, partial);
      sealAndVerify(partial);
    }
    renameSync(partial, path.join(paths.backupsDir, name));
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true });
    throw diskError(error, `the backup ${name}`);
  } finally {
    backupsRunning.set(db, (backupsRunning.get(db) ?? 1) - 1);
  }
  rotate(paths.backupsDir, reason);
  return listBackups(paths.backupsDir).find((b) => b.name === name)!;
}

/**
 * The synchronous backup taken in openDatabase before a pending migration: `VACUUM INTO` writes
 * a consistent copy (the async online backup cannot run inside the synchronous open).
 */
export function backupBeforeMigration(db: Database, paths: BackupPaths, now: Date = new Date()): BackupInfo {
  const name = `dossier-${stamp(now)}-before-migration.sqlite`;
  mkdirSync(paths.tmpDir, { recursive: true });
  mkdirSync(paths.backupsDir, { recursive: true });
  const partial = path.join(paths.tmpDir, `backup-${name}`);
  try {
    rmSync(partial, { force: true });
    db.prepare('VACUUM INTO ?').run(partial);
    sealAndVerify(partial);
    renameSync(partial, path.join(paths.backupsDir, name));
  } catch (error) {
    rmSync(partial, { force: true });
    throw diskError(error, `the backup taken before upgrading the database (${name})`);
  }
  rotate(paths.backupsDir, 'before-migration');
  return listBackups(paths.backupsDir).find((b) => b.name === name)!;
}

/** A scheduled backup when the newest scheduled one is older than `intervalMs` (or there is none). */
export async function backupIfDue(
  db: Database,
  paths: BackupPaths,
  intervalMs: number,
  deps: BackupDeps = {},
): Promise<BackupInfo | null> {
  const now = (deps.now ?? (() => new Date()))();
  const newest = listBackups(paths.backupsDir).find((b) => b.reason === 'scheduled');
  if (newest && now.getTime() - Date.parse(newest.createdAt) < intervalMs) return null;
  return createBackup(db, paths, 'scheduled', { ...deps, now: () => now });
}

/** The newest backup that passes SQLite's integrity check, or null. */
export function newestGoodBackup(backupsDir: string, codec?: BackupCodec): BackupInfo | null {
  for (const candidate of listBackups(backupsDir)) {
    try {
      verifyDatabaseFile(path.join(backupsDir, candidate.name), codec);
      return candidate;
    } catch {
      // a damaged backup: try the next older one
    }
  }
  return null;
}

function findBackup(backupsDir: string, name: string | undefined, codec?: BackupCodec): BackupInfo {
  const all = listBackups(backupsDir);
  if (name === undefined) {
    const newest = newestGoodBackup(backupsDir, codec);
    if (!newest)
      throw new DossierError(
        'NOT_FOUND',
        all.length ? `Every backup in ${backupsDir} is damaged.` : `There is no backup in ${backupsDir}.`,
      );
    return newest;
  }
  const found = all.find((b) => b.name === name);
  if (!found) throw new DossierError('NOT_FOUND', `There is no backup named "${name}". Run "dossier backups" for the list.`);
  return found;
}

/**
 * Restores a backup into the open store, with SQLite's online backup copying it over the live
 * database (this connection sees the restored content at once). The current state is backed up
 * first, so a restore can itself be undone. The generation moves past both, so no index built
 * before the restore is trusted.
 */
export async function restoreBackup(
  db: Database,
  paths: BackupPaths,
  name: string | undefined,
  migrate: (db: Database) => void,
  deps: BackupDeps = {},
): Promise<{ restored: BackupInfo; safetyBackup: BackupInfo }> {
  const chosen = findBackup(paths.backupsDir, name, paths.codec);
  const file = path.join(paths.backupsDir, chosen.name);
  verifyDatabaseFile(file, paths.codec);
  const generationBefore = readGeneration(db);
  const changesBefore = latestDocumentChange(db);
  const safetyBackup = await createBackup(db, paths, 'before-restore', deps);
  const source = paths.codec ? paths.codec.decode(readFileSync(file), file) : new DatabaseSync(file, { readOnly: true });
  try {
    // For a locked store paths.database names the in-memory store, which the backup API writes over.
    await backupOver(source, paths.database);
  } catch (error) {
    throw diskError(error, `the restored database from ${chosen.name}`);
  } finally {
    source.close();
  }
  paths.codec?.afterRestore();
  migrate(db);
  db.prepare("UPDATE store_meta SET value = CAST(max(CAST(value AS INTEGER), ?) + 1 AS TEXT) WHERE key = 'generation'").run(
    generationBefore,
  );
  // The same for the change log the search index follows (issue 17).
  resetDocumentChanges(db, changesBefore);
  return { restored: chosen, safetyBackup };
}

const RETRY_MS = 100;
const ATTEMPTS = 100;

/**
 * SQLite's online backup over a database other connections read: a locked investigation's in-memory
 * store, which the search and entity workers open too. A reader inside a statement holds a lock the
 * backup's first step cannot pass; node:sqlite then rejects with "not an error" (errcode 0, its way
 * of reporting SQLITE_BUSY at the first step) or SQLITE_BUSY/LOCKED. Nothing was written then, so the
 * backup is tried again as SQLite's own backup example does, for up to ~10 s of readers.
 */
export async function backupOver(
  source: DatabaseSync,
  destination: string,
  wait: (ms: number) => Promise<unknown> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sqliteBackup(source, destination);
      return;
    } catch (error) {
      if (!isBusy(error) || attempt >= ATTEMPTS) throw error;
      await wait(RETRY_MS);
    }
  }
}

function isBusy(error: unknown): boolean {
  const errcode = (error as { errcode?: unknown }).errcode;
  return errcode === 5 || errcode === 6 || (errcode === 0 && (error as Error).message === 'not an error');
}

function readGeneration(db: Database): number {
  const row = db.prepare("SELECT value FROM store_meta WHERE key = 'generation'").get() as { value: string } | undefined;
  return Number(row?.value ?? 0);
}

/**
 * Restores a backup into a workspace whose database is not open (the CLI after a damaged start):
 * the backup is checked, copied into tmp/ and renamed over the database; a database still there
 * is kept beside it as `dossier.sqlite.replaced-<time>`.
 */
export function restoreClosedWorkspace(paths: BackupPaths, name: string | undefined, now: Date = new Date()): BackupInfo {
  const chosen = findBackup(paths.backupsDir, name);
  const file = path.join(paths.backupsDir, chosen.name);
  verifyDatabaseFile(file);
  mkdirSync(paths.tmpDir, { recursive: true });
  const partial = path.join(paths.tmpDir, `restore-${chosen.name}`);
  copyFileSync(file, partial);
  if (existsSync(paths.database)) moveAside(paths.database, `replaced-${stamp(now)}`);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(paths.database + suffix, { force: true });
  renameSync(partial, paths.database);
  return chosen;
}

/** Moves the database (and its -wal/-shm) aside as `<file>.<label>`; returns the new name. */
export function moveAside(file: string, label: string): string {
  const target = `${file}.${label}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, `${target}${suffix}`);
  return target;
}

export function damagedLabel(now: Date = new Date()): string {
  return `damaged-${stamp(now)}`;
}
