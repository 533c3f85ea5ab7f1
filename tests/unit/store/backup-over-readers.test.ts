import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { backupOver } from '../../../src/main/store/backup.ts';

/** A locked investigation's store is an in-memory database that the search and entity workers read too (issue 20). */
it('restores over an in-memory store while a worker is reading it, once the read ends, and nothing is half-written meanwhile', async () => {
  const location = `file:/restore-${randomUUID()}?vfs=memdb`;
  const store = new DatabaseSync(location);
  store.exec("CREATE TABLE documents(id TEXT PRIMARY KEY, title TEXT); INSERT INTO documents VALUES ('a', 'Later testimony of Bolat')");
  const reader = new DatabaseSync(location, { readOnly: true });
  reader.exec('BEGIN');
  reader.prepare('SELECT * FROM documents').all();
  const backup = new DatabaseSync(':memory:');
  backup.exec("CREATE TABLE documents(id TEXT PRIMARY KEY, title TEXT); INSERT INTO documents VALUES ('k', 'Kept testimony of Aigerim')");
  const seenWhileReading: string[] = [];
  try {
    await backupOver(backup, location, async () => {
      // The reader still holds its read: the store is as it was, then the read ends.
      seenWhileReading.push(...(store.prepare('SELECT title FROM documents').all() as { title: string }[]).map((r) => r.title));
      if (reader.isTransaction) reader.exec('COMMIT');
    });
    expect(seenWhileReading).toEqual(['Later testimony of Bolat']);
    expect(store.prepare('SELECT title FROM documents').all().map((r) => r.title)).toEqual(['Kept testimony of Aigerim']);
  } finally {
    backup.close();
    reader.close();
    store.close();
  }
});
