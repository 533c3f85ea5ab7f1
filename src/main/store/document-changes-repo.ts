import type { Database } from './database.ts';

/**
 * The change log of the documents table (migration 7, issue 17), which triggers fill: the search
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
