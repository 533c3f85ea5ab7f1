import type { Block, DocumentFormat, DocumentFull, DocumentSummary } from '../../shared/domain.ts';
import { cleanMetadataText } from './clean-text.ts';
import { sortKey } from './sort-key.ts';
import { bumpGeneration, type Database } from './database.ts';
import { recordDocumentDelete } from '../custody/events.ts';

/** What an importer hands to the store: everything but the ids and timestamps the store assigns. */
export interface NewDocument {
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  format: DocumentFormat;
  text: string;
  blocks: Block[];
  pageStarts: number[] | null;
  meta: Record<string, unknown>;
  originalHtml: string | null;
  reviewFlags: string[];
  contentHash: string;
  originalHash: string;
  originalName: string;
  originalBytes: Uint8Array;
}

export interface DocumentRow {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  published_at: string | null;
  language: string | null;
  format: string;
  original_name: string;
  original_hash: string;
  byte_size: number;
  imported_at: string;
  review_flags: string;
  passage_count: number;
}

interface DocumentFullRow extends DocumentRow {
  text: string;
  content_hash: string;
  blocks: string;
  page_starts: string | null;
  meta: string;
  original_html: string | null;
}

export const SUMMARY_COLUMNS = `d.id, d.title, d.source, d.author, d.url, d.published_at, d.language, d.format,
  d.original_name, d.original_hash, d.byte_size, d.imported_at, d.review_flags,
  (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count`;

export function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    author: row.author,
    url: row.url,
    publishedAt: row.published_at,
    language: row.language,
    format: row.format as DocumentFormat,
    originalName: row.original_name,
    originalHash: row.original_hash,
    byteSize: row.byte_size,
    importedAt: row.imported_at,
    reviewFlags: JSON.parse(row.review_flags) as string[],
    passageCount: row.passage_count,
  };
}

export function insertDocument(db: Database, id: string, doc: NewDocument, importedAt: string): void {
  const title = cleanMetadataText(doc.title, 1000) ?? doc.originalName;
  const source = cleanMetadataText(doc.source, 1000);
  db.prepare('INSERT OR IGNORE INTO originals(sha256, bytes, byte_size) VALUES (?, ?, ?)').run(
    doc.originalHash,
    doc.originalBytes,
    doc.originalBytes.byteLength,
  );
  db.prepare(
    `INSERT INTO documents(id, title, source, author, url, published_at, language, format, text, blocks,
       page_starts, meta, original_html, review_flags, content_hash, original_hash, original_name, byte_size, imported_at,
       title_key, source_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    // The importers clean these already (importers/index.ts); the store repeats it, so that no
    // path into the table (a file name from disk, a future importer) skips the one cleaning.
    title,
    source,
    cleanMetadataText(doc.author, 1000),
    doc.url,
    doc.publishedAt,
    doc.language,
    doc.format,
    doc.text,
    JSON.stringify(doc.blocks),
    doc.pageStarts ? JSON.stringify(doc.pageStarts) : null,
    JSON.stringify(doc.meta),
    doc.originalHtml,
    JSON.stringify(doc.reviewFlags.map((flag) => cleanMetadataText(flag, 2000) ?? '')),
    doc.contentHash,
    doc.originalHash,
    cleanMetadataText(doc.originalName, 300) ?? 'unnamed',
    doc.originalBytes.byteLength,
    importedAt,
    sortKey(title),
    sortKey(source),
  );
  bumpGeneration(db);
}

/** The document already holding this text or these original bytes, if any. */
export function findDuplicate(
  db: Database,
  contentHash: string,
  originalHash: string | null,
): { id: string; title: string } | undefined {
  return db
    .prepare('SELECT id, title FROM documents WHERE content_hash = ? OR original_hash = ? LIMIT 1')
    .get(contentHash, originalHash) as { id: string; title: string } | undefined;
}

export function listDocuments(db: Database): DocumentSummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.imported_at DESC, d.title`)
    .all() as unknown as DocumentRow[];
  return rows.map(toSummary);
}

export function getDocument(db: Database, id: string): DocumentFull | undefined {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, d.text, d.content_hash, d.blocks, d.page_starts, d.meta, d.original_html FROM documents d WHERE d.id = ?`,
    )
    .get(id) as DocumentFullRow | undefined;
  if (!row) return undefined;
  return {
    ...toSummary(row),
    text: row.text,
    contentHash: row.content_hash,
    blocks: JSON.parse(row.blocks) as Block[],
    pageStarts: row.page_starts ? (JSON.parse(row.page_starts) as number[]) : null,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
    originalHtml: row.original_html,
  };
}

export function getDocumentText(db: Database, id: string): string | undefined {
  const row = db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
  return row?.text;
}

/** What the search index needs of every document, streamed so 10k documents never sit in one array twice. */
export interface IndexableDocument {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  language: string | null;
  text: string;
}

export function* iterateIndexable(db: Database): Generator<IndexableDocument> {
  const statement = db.prepare('SELECT id, title, source, author, language, text FROM documents ORDER BY rowid');
  for (const row of statement.iterate()) yield row as unknown as IndexableDocument;
}

export function countDocuments(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}

/** Deletes documents (their passages go by cascade) and originals no document refers to any more. */
export function deleteDocuments(db: Database, ids: string[]): { deleted: number; passagesRemoved: number } {
  let deleted = 0;
  let passagesRemoved = 0;
  const countPassages = db.prepare('SELECT count(*) AS n FROM passages WHERE document_id = ?');
  const remove = db.prepare('DELETE FROM documents WHERE id = ?');
  for (const id of ids) {
    passagesRemoved += (countPassages.get(id) as { n: number }).n;
    recordDocumentDelete(db, id);
    deleted += Number(remove.run(id).changes);
  }
  db.exec('DELETE FROM originals WHERE sha256 NOT IN (SELECT original_hash FROM documents)');
  if (deleted > 0) bumpGeneration(db);
  return { deleted, passagesRemoved };
}

/** Records that a document's indexed fields changed: the search index replaces its entry at the next sync. */
export function markIndexedFieldsChanged(db: Database, id: string): void {
  const generation = bumpGeneration(db);
  db.prepare('UPDATE documents SET index_generation = ? WHERE id = ?').run(generation, id);
}
