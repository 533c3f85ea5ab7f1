/**
 * A locked investigation open in memory (issue 20). The store lives on disk only as an encrypted
 * snapshot plus a journal of encrypted changesets (vault-files.ts). Unlocking decrypts the
 * snapshot into a private connection, replays the journal there (triggers dropped and foreign
 * keys off, so each recorded row change is applied exactly once), and copies the result into a
 * process-wide in-memory database (SQLite's memdb VFS, `file:/name?vfs=memdb`) that the search
 * workers open read-only by name, as they open the file of an unlocked one.
 *
 * Writes stay transparent to the repositories: the connection is wrapped so that after every
 * statement that leaves no transaction open, a SQLite session's changeset (every row that
 * changed, in any table that has a primary key, including tables this module has never heard
 * of) is sealed, appended and fsynced before the call returns. A table without a primary key
 * (which sessions cannot record) or a schema change makes the next write a whole new snapshot.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseSync, type Session, type StatementSync } from 'node:sqlite';
import { DossierError } from '../../shared/errors.ts';
import type { KeyFile } from './key-file.ts';
import {
  asRollbackJournal,
  damaged,
  JournalWriter,
  newestSnapshot,
  readJournal,
  readSnapshot,
  writeSnapshot,
} from './vault-files.ts';
import path from 'node:path';

/** Compact into a new snapshot when the journal passes this size (unlock replays the journal). */
const COMPACT_AT_BYTES = 64 * 1024 * 1024;

export interface LockedStore {
  /** The wrapped connection every repository uses. */
  db: DatabaseSync;
  /** What other connections (search workers, read-only checks) open: a memdb URI. */
  location: string;
  vaultDir: string;
  keyFile: KeyFile;
  /** Sentences about what unlocking found (an incomplete last write left out). */
  warnings: string[];
  /** The data key; zeroed on close. */
  readonly key: Buffer;
  /** The store as one serialised SQLite file, for backups and archives (never written in plain text). */
  serialize(): Uint8Array;
  /** Writes a new snapshot of everything and starts an empty journal. */
  compact(): void;
  close(): void;
}

const TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL";

function tablesWithoutKey(db: DatabaseSync): string[] {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
    sql: string;
  }[];
  return tables
    .filter((t) => !/^CREATE\s+VIRTUAL/i.test(t.sql))
    .filter((t) => !db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE pk > 0').get(t.name))
    .map((t) => t.name);
}

/** Decrypts the newest snapshot and replays its journal into a private in-memory connection. */
function restore(
  dir: string,
  key: Buffer,
  keyFile: KeyFile,
  n: number,
): { db: DatabaseSync; records: number; goodBytes: number; torn: boolean } {
  const db = new DatabaseSync(':memory:', { enableForeignKeyConstraints: false });
  try {
    if (n > 0) db.deserialize(asRollbackJournal(readSnapshot(dir, key, keyFile, n)));
    const journal = readJournal(dir, key, keyFile, n);
    if (journal.changesets.length) {
      const triggers = db.prepare(TRIGGERS).all() as { name: string; sql: string }[];
      for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);
      for (const changeset of journal.changesets) {
        // Every change was recorded against exactly this state, so any conflict means the records were altered.
        const applied = db.applyChangeset(changeset, { onConflict: () => 2 /* SQLITE_CHANGESET_ABORT */ });
        if (!applied) throw damaged(path.join(dir, `journal-${n}.bin`));
      }
      for (const t of triggers) db.exec(t.sql);
    }
    return { db, records: journal.changesets.length, goodBytes: journal.goodBytes, torn: journal.torn };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function openLockedStore(
  dir: string,
  key: Buffer,
  keyFile: KeyFile,
  prepare: (db: DatabaseSync) => void = () => undefined,
): LockedStore {
  let n = newestSnapshot(dir);
  const restored = restore(dir, key, keyFile, n);
  const location = `file:/dossier-${randomUUID()}?vfs=memdb`;
  const raw = new DatabaseSync(location);
  try {
    if (n > 0) restored.db.prepare('VACUUM INTO ?').run(location);
  } finally {
    restored.db.close();
  }
  const warnings = restored.torn
    ? [
        'The last change before this investigation was closed had not finished saving (the computer stopped mid-write); it was left out. Everything saved before it is here.',
      ]
    : [];
  let journal = new JournalWriter(dir, key, keyFile, n, restored.records, restored.goodBytes);
  let session: Session | undefined;
  let mustSnapshot = n === 0;
  let schemaVersion = -1;
  // Prepared once: it is read after every statement, to notice a schema change the journal cannot carry.
  const schemaStatement = raw.prepare('PRAGMA schema_version');
  const readSchemaVersion = () => (schemaStatement.get() as { schema_version: number }).schema_version;

  const compact = () => {
    const bytes = raw.serialize();
    const next = n + 1;
    writeSnapshot(dir, key, keyFile, next, bytes);
    journal.close();
    n = next;
    newestSnapshot(dir);
    journal = new JournalWriter(dir, key, keyFile, n, 0, 0);
    session?.close();
    session = raw.createSession();
    schemaVersion = readSchemaVersion();
    mustSnapshot = tablesWithoutKey(raw).length > 0;
  };
  const flush = () => {
    if (raw.isTransaction || !session) return;
    if (mustSnapshot || readSchemaVersion() !== schemaVersion) return compact();
    const changeset = session.changeset();
    if (changeset.byteLength === 0) return;
    session.close();
    session = raw.createSession();
    journal.append(changeset);
    if (journal.bytes > COMPACT_AT_BYTES) compact();
  };

  try {
    const schemaAtOpen = n > 0 ? readSchemaVersion() : -1;
    prepare(raw);
    // A new vault, a migration just applied, a torn last record or a table sessions cannot record: start from a snapshot.
    if (mustSnapshot || restored.torn || readSchemaVersion() !== schemaAtOpen || tablesWithoutKey(raw).length > 0) compact();
    else {
      session = raw.createSession();
      schemaVersion = readSchemaVersion();
    }
  } catch (error) {
    journal.close();
    raw.close();
    throw error;
  }

  const db = journaled(raw, flush);
  let closed = false;
  return {
    db,
    location,
    vaultDir: dir,
    keyFile,
    warnings,
    key,
    serialize: () => raw.serialize(),
    compact,
    close() {
      if (closed) return;
      closed = true;
      try {
        if (journal.bytes > 0) compact();
      } finally {
        journal.close();
        session?.close();
        raw.close();
        key.fill(0);
      }
    },
  };
}

/** The connection as repositories see it: the same API, each statement followed by `flush`. */
function journaled(raw: DatabaseSync, flush: () => void): DatabaseSync {
  const wrapStatement = (statement: StatementSync): StatementSync =>
    new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'run' || prop === 'get' || prop === 'all') {
          return (...args: unknown[]) => {
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            flush();
            return result;
          };
        }
        if (prop === 'iterate') {
          return function* (...args: unknown[]) {
            try {
              yield* (value as (...a: unknown[]) => Iterable<unknown>).apply(target, args);
            } finally {
              flush();
            }
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  return new Proxy(raw, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql));
      if (prop === 'exec') {
        return (sql: string) => {
          target.exec(sql);
          flush();
        };
      }
      if (prop === 'close')
        return () => {
          throw new DossierError('INTERNAL', 'A locked store is closed through its workspace, which saves it first.');
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
