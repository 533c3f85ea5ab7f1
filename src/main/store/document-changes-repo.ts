import type { Database } from './database.ts';

/**
 * The change log of the documents table (migration 10, issue 17), which triggers fill: the search
 * index remembers the last sequence number it has seen and asks only for what came after, so a new
 * or deleted document costs a lookup of its own rows instead of a read of every document id.
 */

/** The sequence number of the latest change, 0 for none yet. */
export function latestDocumentChange(db: Database): number {
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'document_changes'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** The documents changed after `afterSeq` up to `throughSeq`, each once, with whether the store still holds it. */
export function documentsChangedBetween(db: Database, afterSeq: number, throughSeq: number): { id: string; present: boolean }[] {
  const rows = db
    .prepare(
      `SELECT c.document_id AS id, EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id) AS present
       FROM (SELECT DISTINCT document_id FROM document_changes WHERE seq > ? AND seq <= ?) c`,
    )
    .all(afterSeq, throughSeq) as { id: string; present: number }[];
  return rows.map(({ id, present }) => ({ id, present: present === 1 }));
}

const RESET_KEY = 'document_changes_reset';

/**
 * After the store was replaced under an open engine (a backup restored), moves the log's numbers
 * past `before` (the number before the restore) and records that an index remembering a number
 * below the new one must read every document id once: the restored log tells another history.
 */
export function resetDocumentChanges(db: Database, before: number): void {
  const next = Math.max(before, latestDocumentChange(db)) + 1;
  const updated = db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'document_changes'").run(next);
  if (Number(updated.changes) === 0) db.prepare("INSERT INTO sqlite_sequence(name, seq) VALUES ('document_changes', ?)").run(next);
  db.prepare('INSERT INTO store_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(RESET_KEY, String(next));
}

/** The number below which an index's memory of the log is void (0: never reset). */
export function documentChangesResetAt(db: Database): number {
  const row = db.prepare('SELECT value FROM store_meta WHERE key = ?').get(RESET_KEY) as { value: string } | undefined;
  return Number(row?.value ?? 0);
}
