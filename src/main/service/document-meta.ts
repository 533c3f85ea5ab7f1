import type { DocumentSummary } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import { bumpGeneration, transaction, type Database } from '../store/database.ts';
import { getDocument } from '../store/documents-repo.ts';

export interface MetaChanges {
  id: string;
  title?: string | undefined;
  source?: string | null | undefined;
  author?: string | null | undefined;
  url?: string | null | undefined;
  publishedAt?: string | null | undefined;
  language?: string | null | undefined;
}

const COLUMNS = {
  title: 'title',
  source: 'source',
  author: 'author',
  url: 'url',
  publishedAt: 'published_at',
  language: 'language',
} as const;
/** Fields the search index reads: changing them must bump the store generation. */
const INDEXED = new Set(['title', 'source', 'author']);

/** Edits a document's metadata in place; empty strings clear optional fields. The text never changes. */
export function updateDocumentMeta(db: Database, changes: MetaChanges): DocumentSummary {
  return transaction(db, () => {
    const doc = getDocument(db, changes.id);
    if (!doc) throw new DossierError('NOT_FOUND', 'That document is no longer in the investigation.');
    let reindex = false;
    for (const key of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
      const raw = changes[key];
      if (raw === undefined) continue;
      const value = raw === null ? null : raw.trim() || null;
      if (key === 'title' && !value) throw new DossierError('BAD_INPUT', 'A document needs a title.');
      if (value === doc[key]) continue;
      db.prepare(`UPDATE documents SET ${COLUMNS[key]} = ? WHERE id = ?`).run(value, changes.id);
      if (INDEXED.has(key)) reindex = true;
    }
    if (reindex) bumpGeneration(db);
    const { text: _text, blocks: _blocks, pageStarts: _p, meta: _m, originalHtml: _o, ...summary } = getDocument(db, changes.id)!;
    return summary;
  });
}
