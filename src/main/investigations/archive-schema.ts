/**
 * The store inside an archive is untrusted input (issue 13): it is opened read-only on a defensive
 * connection and only its tables are read, by the names and columns Dossier's own migrations give
 * them. Its triggers, views, indexes and any table Dossier does not know are never run or copied.
 */
import { constants, DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from '../store/migrations.ts';

/** A problem with an archive's store, as the end of "<file> was not imported: …". */
export class ArchiveProblem extends Error {
  readonly code: 'PARSE_FAILED' | 'CONFLICT';
  constructor(problem: string, code: 'PARSE_FAILED' | 'CONFLICT' = 'PARSE_FAILED') {
    super(problem);
    this.name = 'ArchiveProblem';
    this.code = code;
  }
}

export const DAMAGED = 'the store inside it is damaged (SQLite integrity check failed).';
export const NOT_DOSSIER = 'it does not hold a Dossier investigation.';

/** The tables (with their columns) and the other schema objects a store has after `version` migrations. */
export interface ReferenceSchema {
  tables: Map<string, string[]>;
  /** `type name` of every index, view and trigger the migrations create. */
  others: Set<string>;
}

/** Derived from the migrations themselves, so a new migration's columns are required without a second list to keep. */
export function referenceSchema(version: number): ReferenceSchema {
  const db = new DatabaseSync(':memory:');
  try {
    for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration);
    return { tables: tableColumns(db), others: new Set(otherObjects(db)) };
  } finally {
    db.close();
  }
}

function tableColumns(db: DatabaseSync): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const { name, type } of db.prepare('PRAGMA main.table_list').all() as { name: string; type: string }[]) {
    if (name.startsWith('sqlite_')) continue;
    // Only real tables are looked into: a view's columns would mean compiling its query.
    if (type !== 'table') {
      tables.set(`${type} ${name}`, []);
      continue;
    }
    const columns = (db.prepare('SELECT name FROM pragma_table_xinfo(?)').all(name) as { name: string }[]).map((c) => c.name);
    tables.set(name, columns);
  }
  return tables;
}

function otherObjects(db: DatabaseSync): string[] {
  const rows = db
    .prepare("SELECT type, name FROM sqlite_schema WHERE type IN ('index', 'view', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%'")
    .all() as { type: string; name: string }[];
  return rows.map((r) => `${r.type} ${r.name}`);
}

/**
 * Opens the archive's store so that nothing in it can run: read-only, extensions off, defensive
 * mode, no trusted schema (functions in its views, triggers, CHECKs and indexes are refused), and,
 * once the checks below have run, an authorizer that lets statements read only the tables Dossier
 * expects, directly (never through a view or trigger), with no function but count().
 */
export function openArchiveStore(file: string): { db: DatabaseSync; schemaVersion: number; reference: ReferenceSchema; ignored: string[] } {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true, allowExtension: false, defensive: true, enableForeignKeyConstraints: false });
  } catch {
    throw new ArchiveProblem(DAMAGED);
  }
  try {
    db.exec('PRAGMA trusted_schema = OFF');
    let integrity: { integrity_check: string }[];
    try {
      integrity = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    } catch {
      throw new ArchiveProblem(DAMAGED);
    }
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') throw new ArchiveProblem(DAMAGED);
    const schemaVersion = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (schemaVersion < 1) throw new ArchiveProblem(NOT_DOSSIER);
    if (schemaVersion > MIGRATIONS.length) throw new ArchiveProblem('it was made by a newer Dossier. Update Dossier to import it.', 'CONFLICT');
    const reference = referenceSchema(schemaVersion);
    const ignored = checkTables(db, schemaVersion, reference);
    restrictToTables(db, [...reference.tables.keys()]);
    return { db, schemaVersion, reference, ignored };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Every table of the reference must be a real table (not a view or virtual table of the same
 * name) with every column its schema version has. Returns what is in the store and will not be
 * read: objects Dossier never creates (triggers, views, tables) and extra columns.
 */
function checkTables(db: DatabaseSync, version: number, reference: ReferenceSchema): string[] {
  const found = tableColumns(db);
  for (const [table, columns] of reference.tables) {
    const present = found.get(table);
    if (!present) {
      const impostor = [...found.keys()].find((key) => key.endsWith(` ${table}`));
      if (impostor) throw new ArchiveProblem(`its store has a ${impostor.split(' ')[0]} named "${table}" where Dossier keeps a table; the store was altered.`);
      throw new ArchiveProblem(found.has('documents') ? `its store has no "${table}" table, which schema version ${version} has.` : NOT_DOSSIER);
    }
    const missing = columns.filter((c) => !present.includes(c));
    if (missing.length) {
      throw new ArchiveProblem(
        `its store says schema version ${version}, but its "${table}" table lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} of that version; the store was altered.`,
      );
    }
  }
  const ignored = new Set<string>();
  for (const [table, columns] of found) {
    const expected = reference.tables.get(table);
    if (!expected) ignored.add(table.includes(' ') ? table : `table ${table}`);
    else for (const column of columns) if (!expected.includes(column)) ignored.add(`column ${table}.${column}`);
  }
  for (const object of otherObjects(db)) if (!reference.others.has(object)) ignored.add(object);
  return [...ignored].map((name) => name.slice(0, 120));
}

/** Later statements on this connection may only read the expected tables, directly, and call count(). */
function restrictToTables(db: DatabaseSync, tables: string[]): void {
  const allowed = new Set(tables);
  db.setAuthorizer((action, first, second, _database, triggerOrView) => {
    if (triggerOrView !== null) return constants.SQLITE_DENY;
    if (action === constants.SQLITE_SELECT) return constants.SQLITE_OK;
    if (action === constants.SQLITE_READ) return first !== null && allowed.has(first) ? constants.SQLITE_OK : constants.SQLITE_DENY;
    // For a function call SQLite passes the function's name second.
    if (action === constants.SQLITE_FUNCTION) return second === 'count' ? constants.SQLITE_OK : constants.SQLITE_DENY;
    return constants.SQLITE_DENY;
  });
}
