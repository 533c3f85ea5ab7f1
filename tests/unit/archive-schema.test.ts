import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { COPIED_COLUMNS, DERIVED_COLUMNS } from '../../src/main/investigations/archive-copy.ts';
import { openArchiveStore, referenceSchema } from '../../src/main/investigations/archive-schema.ts';
import { openDatabase } from '../../src/main/store/database.ts';
import { MIGRATIONS } from '../../src/main/store/migrations.ts';
import { tempDir } from '../helpers/temp-workspace.ts';

describe("an archive's store: schema and connection", () => {
  const scratch = tempDir('dossier-archive-schema-');
  afterAll(scratch.cleanup);

  it('copies or derives every column of every table the migrations create, so a new migration cannot be dropped from archives in silence', () => {
    const { tables } = referenceSchema(MIGRATIONS.length);
    const uncovered: string[] = [];
    for (const [table, columns] of tables) {
      const copied: readonly string[] = (COPIED_COLUMNS as Record<string, readonly string[]>)[table] ?? [];
      for (const column of columns) if (!copied.includes(column) && !(`${table}.${column}` in DERIVED_COLUMNS)) uncovered.push(`${table}.${column}`);
    }
    // A failure here means: add the column to COPIED_COLUMNS and check it in archive-document-rows.ts or archive-coding-rows.ts, or say in DERIVED_COLUMNS why it is rebuilt.
    expect(uncovered).toEqual([]);
  });

  it('requires the columns of the schema version the store claims, taken from the migrations themselves', () => {
    expect(referenceSchema(1).tables.get('documents')).not.toContain('index_generation');
    expect(referenceSchema(2).tables.get('documents')).toContain('index_generation');
  });

  it('lets the connection read only the expected tables, directly, and call no function but count()', () => {
    const file = path.join(scratch.dir, 'store.sqlite');
    const db = openDatabase(file);
    db.exec(`CREATE TABLE secrets(x TEXT); INSERT INTO secrets VALUES ('s');
             CREATE VIEW doc_titles AS SELECT title FROM documents;`);
    db.exec('PRAGMA journal_mode = DELETE');
    db.close();
    const archive = openArchiveStore(file);
    try {
      expect(archive.ignored).toEqual(['table secrets', 'view doc_titles']);
      expect(archive.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
      expect(() => archive.db.prepare('SELECT x FROM secrets').all()).toThrow(/prohibited|not authorized/);
      expect(() => archive.db.prepare('SELECT title FROM doc_titles').all()).toThrow(/prohibited|not authorized/);
      expect(() => archive.db.prepare("SELECT upper(title) FROM documents").all()).toThrow(/prohibited|not authorized/);
      expect(() => archive.db.exec("ATTACH DATABASE ':memory:' AS other")).toThrow();
      expect(() => archive.db.exec("INSERT INTO store_meta VALUES ('k', 'v')")).toThrow();
    } finally {
      archive.db.close();
    }
    const check = new DatabaseSync(file, { readOnly: true });
    expect(check.prepare("SELECT count(*) AS n FROM store_meta WHERE key = 'k'").get()).toEqual({ n: 0 });
    check.close();
  });
});
