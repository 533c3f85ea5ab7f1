import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import { damagedLabel, listBackups, moveAside, newestGoodBackup, type BackupCodec } from './backup.ts';
import { backupCodec } from '../lock/backup-codec.ts';
import { configureConnection, migrateDatabase, openDatabase, type Database } from './database.ts';
import { bindCustodyHeadFile, flushCustodyHead } from '../custody/custody-log.ts';
import { CUSTODY_HEAD_FILE } from '../custody/head-file.ts';
import { openLockedStore, type LockedStore } from '../lock/locked-store.ts';
import { LOCKED, type WorkspaceUnlock, removePlaintext, unlockKey } from '../lock/lock-workspace.ts';
import { isLockedFolder, readKeyFile, vaultDir } from '../lock/vault-files.ts';

/**
 * A workspace (an investigation) is a folder: the SQLite store, index caches, backups and a
 * temporary folder for writes that are renamed into place. The app uses one under userData;
 * the CLI takes `--workspace DIR`.
 */
export interface Workspace {
  dir: string;
  db: Database;
  paths: { database: string; indexDir: string; backupsDir: string; tmpDir: string; codec?: BackupCodec | undefined };
  /** Issue 20: set when the investigation is locked (its store lives in memory, its files encrypted). */
  lock?: LockedStore | undefined;
  close(): void;
}

export const DATABASE_FILE = 'dossier.sqlite';

export function workspacePaths(dir: string): Workspace['paths'] {
  return {
    database: path.join(dir, DATABASE_FILE),
    indexDir: path.join(dir, 'index'),
    backupsDir: path.join(dir, 'backups'),
    tmpDir: path.join(dir, 'tmp'),
  };
}

export function openWorkspace(dir: string, options: { unlock?: WorkspaceUnlock | undefined } = {}): Workspace {
  const root = path.resolve(dir);
  const paths = workspacePaths(root);
  mkdirSync(root, { recursive: true });
  for (const folder of [paths.indexDir, paths.backupsDir, paths.tmpDir]) mkdirSync(folder, { recursive: true });
  // A locked one is swept only once unlocked: a refused passphrase changes nothing in the folder.
  if (isLockedFolder(root)) return openLockedWorkspace(root, paths, options.unlock);
  sweepTemporaries(paths.tmpDir);
  const db = openStore(paths);
  bindCustodyHeadFile(db, path.join(root, CUSTODY_HEAD_FILE));
  let closed = false;
  return {
    dir: root,
    db,
    paths,
    close() {
      if (closed) return;
      closed = true;
      flushCustodyHead(db);
      db.close();
    },
  };
}

/**
 * A locked investigation (issue 20): the key is unwrapped (or given), the store decrypted into
 * memory; other connections open `paths.database`, which is then the in-memory store's name.
 */
function openLockedWorkspace(root: string, paths: Workspace['paths'], unlock: WorkspaceUnlock | undefined): Workspace {
  if (!unlock) throw new DossierError('FORBIDDEN', LOCKED);
  // "Lock this investigation…" had committed its vault when it stopped: finish removing the plain copy.
  if (existsSync(paths.database)) removePlaintext(root);
  const dir = vaultDir(root);
  const keyFile = readKeyFile(dir);
  const lock = openLockedStore(dir, unlockKey(keyFile, unlock), keyFile, (raw) => {
    configureConnection(raw);
    migrateDatabase(raw);
  });
  sweepTemporaries(paths.tmpDir);
  const lockedPaths = { ...paths, database: lock.location, codec: backupCodec(lock) };
  bindCustodyHeadFile(lock.db, path.join(root, CUSTODY_HEAD_FILE));
  let closed = false;
  return {
    dir: root,
    db: lock.db,
    paths: lockedPaths,
    lock,
    close() {
      if (closed) return;
      closed = true;
      flushCustodyHead(lock.db);
      lock.close();
    },
  };
}

/** Temporaries left by a crash mid-write are never valid: remove them at start-up (STYLE.md rule 9). */
function sweepTemporaries(tmpDir: string): void {
  for (const name of readdirSync(tmpDir)) rmSync(path.join(tmpDir, name), { recursive: true, force: true });
}

/**
 * The store could not be opened as it is: the message names what happened, the newest good backup
 * and the command that restores it. The app offers the same restore in a dialog.
 */
export class DamagedDatabaseError extends DossierError {
  readonly movedTo: string | null;
  readonly newestBackup: BackupInfo | null;
  constructor(message: string, movedTo: string | null, newestBackup: BackupInfo | null) {
    super('IO', message);
    this.name = 'DamagedDatabaseError';
    this.movedTo = movedTo;
    this.newestBackup = newestBackup;
  }
}

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

function isCorruption(error: unknown): boolean {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  return errcode === SQLITE_CORRUPT || errcode === SQLITE_NOTADB;
}

function restoreAdvice(paths: Workspace['paths'], newest: BackupInfo | null): string {
  if (!newest) return `There is no good backup in ${paths.backupsDir}; keep the damaged file for a recovery tool.`;
  return `The newest backup is ${newest.name} (taken ${newest.createdAt}). Restore it with: dossier restore ${newest.name}`;
}

/**
 * Opens the store, never starting empty in silence: a damaged file is moved aside as
 * `dossier.sqlite.damaged-<time>`, and a missing one is only created anew when the workspace has
 * no backups and no damaged copies (a first start).
 */
function openStore(paths: Workspace['paths']): Database {
  const backupPaths = { database: paths.database, backupsDir: paths.backupsDir, tmpDir: paths.tmpDir };
  const base = path.basename(paths.database);
  if (!existsSync(paths.database)) {
    const damaged = readdirSync(path.dirname(paths.database)).filter(
      (n) => n.startsWith(`${base}.damaged-`) && !/-(wal|shm)$/.test(n),
    );
    const hasBackups = listBackups(paths.backupsDir).length > 0;
    if (damaged.length || hasBackups) {
      const newest = newestGoodBackup(paths.backupsDir);
      const why = damaged.length
        ? `was damaged and moved aside as ${damaged.sort().at(-1)}`
        : 'is missing, though backups of it exist';
      throw new DamagedDatabaseError(
        `The investigation's database ${base} ${why}. ${restoreAdvice(paths, newest)}`,
        null,
        newest,
      );
    }
  }
  try {
    return openDatabase(paths.database, { backups: backupPaths });
  } catch (error) {
    if (!isCorruption(error)) throw error;
    const movedTo = moveAside(paths.database, damagedLabel());
    const newest = newestGoodBackup(paths.backupsDir);
    throw new DamagedDatabaseError(
      `The investigation's database ${base} is damaged (${(error as Error).message}); it was moved aside as ${path.basename(movedTo)}. ${restoreAdvice(paths, newest)}`,
      movedTo,
      newest,
    );
  }
}
