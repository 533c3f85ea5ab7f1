import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { migrateDatabase } from '../../../src/main/store/database.ts';

/**
 * Issue 20: a locked store journals each write as a SQLite session changeset, which records only
 * tables with a primary key; a table without one makes every write a whole new snapshot (correct,
 * but slow). New tables from other branches are caught here, by name.
 */
it('every table the migrations create has a primary key, so each write is one small journal record', () => {
  const db = new DatabaseSync(':memory:');
  migrateDatabase(db);
  const tables = (
    db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      sql: string;
    }[]
  ).filter((t) => !/^CREATE\s+VIRTUAL/i.test(t.sql));
  expect(tables.length).toBeGreaterThan(5);
  const withoutKey = tables
    .filter((t) => !db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE pk > 0').get(t.name))
    .map((t) => t.name);
  expect(withoutKey).toEqual([]);
  db.close();
});
