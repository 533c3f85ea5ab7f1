import { DatabaseSync } from 'node:sqlite';
import { backupBeforeMigration, type BackupPaths } from './backup.ts';
import { MIGRATIONS } from './migrations.ts';
import { DossierError } from '../../shared/errors.ts';

export type Database = DatabaseSync;

/**
 * Opens (creating if needed) the store at `file`: WAL, foreign keys on, migrations applied. With
 * `backups`, a store that holds data is backed up before a pending migration runs (issue 7).
 */
export function openDatabase(file: string, options: { backups?: BackupPaths | undefined } = {}): Database {
  const db = new DatabaseSync(file);
  try {
    configureConnection(db);
    const version = schemaVersion(db);
    if (options.backups && version > 0 && version < MIGRATIONS.length) backupBeforeMigration(db, options.backups);
    migrateDatabase(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** WAL, foreign keys, a busy timeout: for a file store; on a locked one in memory WAL stays off by itself. */
export function configureConnection(db: Database): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/** Applies the pending migrations, each in its own transaction. */
export function migrateDatabase(db: Database): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new DossierError(
      'CONFLICT',
      `This investigation was written by a newer Dossier (schema ${current}, this version knows ${MIGRATIONS.length}). Update Dossier to open it.`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    transaction(db, () => {
      db.exec(MIGRATIONS[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
}

/**
 * Runs `work` in one transaction: all of it is stored, or none of it. Inside a transaction already
 * it runs in a savepoint of that one, so an undoable action can wrap steps that have their own.
 */
export function transaction<T>(db: Database, work: () => T): T {
  if (db.isTransaction) {
    db.exec('SAVEPOINT nested');
    try {
      const result = work();
      db.exec('RELEASE nested');
      return result;
    } catch (error) {
      db.exec('ROLLBACK TO nested');
      db.exec('RELEASE nested');
      throw error;
    }
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Marks a change the search index must see; returns the new generation. */
export function bumpGeneration(db: Database): number {
  const row = db
    .prepare("UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation' RETURNING value")
    .get() as { value: string };
  return Number(row.value);
}

export function currentGeneration(db: Database): number {
  const row = db.prepare("SELECT value FROM store_meta WHERE key = 'generation'").get() as { value: string };
  return Number(row.value);
}
