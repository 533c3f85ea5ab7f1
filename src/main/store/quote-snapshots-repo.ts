/**
 * Quotes kept for reports after their document is deleted (issue 14, migration 4). The JSON is
 * report-data's QuoteData and SourceDoc (without the text): this module only stores it.
 */
import type { Database } from './database.ts';
import { nowIso } from './ids.ts';

export interface QuoteSnapshot {
  passageId: string;
  documentId: string;
  quote: unknown;
  source: unknown;
  deletedAt: string;
}

/** Stores a kept quote; `deletedAt` defaults to now (an archive brings its own). */
export function saveQuoteSnapshot(db: Database, snapshot: Omit<QuoteSnapshot, 'deletedAt'> & { deletedAt?: string | undefined }): void {
  db.prepare(
    `INSERT INTO quote_snapshots(passage_id, document_id, quote, source, deleted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(passage_id) DO UPDATE SET document_id = excluded.document_id, quote = excluded.quote,
       source = excluded.source, deleted_at = excluded.deleted_at`,
  ).run(snapshot.passageId, snapshot.documentId, JSON.stringify(snapshot.quote), JSON.stringify(snapshot.source), snapshot.deletedAt ?? nowIso());
}

export function getQuoteSnapshot(db: Database, passageId: string): QuoteSnapshot | undefined {
  const row = db.prepare('SELECT * FROM quote_snapshots WHERE passage_id = ?').get(passageId) as
    | { passage_id: string; document_id: string; quote: string; source: string; deleted_at: string }
    | undefined;
  if (!row) return undefined;
  return {
    passageId: row.passage_id,
    documentId: row.document_id,
    quote: JSON.parse(row.quote) as unknown,
    source: JSON.parse(row.source) as unknown,
    deletedAt: row.deleted_at,
  };
}

/** Drops the snapshots of passages no report cites any more: a deleted document's words stay only where a report needs them. */
export function pruneQuoteSnapshots(db: Database, cited: Set<string>): number {
  const ids = (db.prepare('SELECT passage_id FROM quote_snapshots').all() as { passage_id: string }[]).map((r) => r.passage_id);
  const remove = db.prepare('DELETE FROM quote_snapshots WHERE passage_id = ?');
  let n = 0;
  for (const id of ids) if (!cited.has(id)) n += Number(remove.run(id).changes);
  return n;
}
