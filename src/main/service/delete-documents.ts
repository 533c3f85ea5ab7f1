/**
 * Deleting documents (issue 14): what goes with them is said first (passages, and which reports
 * quote them), the quotes reports cite are kept with their citations, and the deletion is undoable.
 */
import type { DeletionImpact } from '../../shared/domain.ts';
import { snapshotQuotes } from '../reports/report-data.ts';
import type { Database } from '../store/database.ts';
import { deleteDocuments } from '../store/documents-repo.ts';
import { citedPassageIds, reportsQuoting } from './report-citations.ts';
import { scopeOfIds, type Scope } from './row-change.ts';
import { selectRows } from './rows.ts';


const existing = (db: Database, ids: string[]) =>
  selectRows(db, 'SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY title', JSON.stringify(ids)).map(
    (r) => ({ id: String(r.id), title: String(r.title) }),
  );

const passageIdsOf = (db: Database, ids: string[]) =>
  selectRows(db, 'SELECT id FROM passages WHERE document_id IN (SELECT value FROM json_each(?))', JSON.stringify(ids)).map((r) => String(r.id));

export function deletionImpact(db: Database, ids: string[]): DeletionImpact {
  const documents = existing(db, ids);
  const passageIds = passageIdsOf(db, ids);
  return { documents, passages: passageIds.length, reports: reportsQuoting(db, passageIds) };
}

/** The rows a deletion of `ids` changes, by explicit keys read now (the deletion removes what a subquery would find). */
export function deletionScopes(db: Database, ids: string[]): Scope[] {
  const passageIds = passageIdsOf(db, ids);
  const hashes = selectRows(db, 'SELECT DISTINCT original_hash AS h FROM documents WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify(ids)).map(
    (r) => String(r.h),
  );
  return [
    scopeOfIds('originals', 'sha256', hashes),
    scopeOfIds('documents', 'id', ids),
    scopeOfIds('passages', 'id', passageIds),
    scopeOfIds('passage_tags', 'passage_id', passageIds),
    scopeOfIds('quote_snapshots', 'passage_id', passageIds),
    // Issue 21: the documents' memos and attribute values go with them (foreign keys) and come back on undo.
    scopeOfIds('memos', 'document_id', ids),
    scopeOfIds('document_attributes', 'document_id', ids),
  ];
}

export function deletionLabel(titles: string[]): string {
  return titles.length === 1 ? `deletion of document “${titles[0]}”` : `deletion of ${titles.length} documents`;
}

/** Deletes the documents with their passages, keeping first the quotes that reports cite. */
export function deleteDocumentsKeepingQuotes(db: Database, ids: string[]): { deleted: number; passagesRemoved: number; quotesKept: number; titles: string[] } {
  const titles = existing(db, ids).map((d) => d.title);
  const cited = citedPassageIds(db);
  const quotesKept = snapshotQuotes(db, passageIdsOf(db, ids).filter((id) => cited.has(id)));
  return { ...deleteDocuments(db, ids), quotesKept, titles };
}
