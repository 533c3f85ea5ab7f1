import type { ParsedInput } from '../../shared/contract.ts';
import type { DocumentSummary } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { getDocument, markIndexedFieldsChanged } from '../store/documents-repo.ts';
import { cleanMetadataText } from '../store/clean-text.ts';
import { nowIso } from '../store/ids.ts';
import { parseTypedDate } from './typed-date.ts';
import { recordMetadataEdit } from '../custody/events.ts';

const COLUMNS = {
  title: 'title',
  source: 'source',
  author: 'author',
  url: 'url',
  publishedAt: 'published_at',
  language: 'language',
} as const;

/** Fields the search index reads (iterateIndexable) or filters and counts by: changing one must move the search generation. */
const INDEXED = new Set(['title', 'source', 'author', 'language', 'publishedAt']);

/**
 * Edits a document's metadata after import (issue 3: extracted metadata is a suggestion the user
 * corrects). Text, blocks and offsets never change, so passages stay valid. The fields edited and
 * when are recorded in meta, so a later reader knows a value came from a person, not the file.
 */
export function updateDocumentMeta(db: Database, input: ParsedInput<'documents:updateMeta'>): DocumentSummary {
  const row = db.prepare('SELECT title, source, author, url, published_at, language, meta FROM documents WHERE id = ?').get(input.id) as
    | Record<string, string | null>
    | undefined;
  if (!row) throw new DossierError('NOT_FOUND', 'That document is no longer in the investigation.');
  const changed: string[] = [];
  const values: (string | null)[] = [];
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = input[field as keyof typeof COLUMNS];
    if (value === undefined) continue;
    // What a person types or pastes passes the same cleaning as what a file says (issue 13); dates as
    // people type them are stored as ISO 8601 (issue 14).
    const next =
      field === 'publishedAt'
        ? parseTypedDate(value ?? '')
        : typeof value === 'string'
          ? field === 'url' || field === 'language'
            ? value.trim() || null
            : cleanMetadataText(value, 1000)
          : null;
    if (field === 'title' && !next) throw new DossierError('BAD_INPUT', 'A document needs a title.');
    if (next === row[column]) continue;
    changed.push(field);
    values.push(next);
  }
  if (changed.length) {
    const meta = JSON.parse(row.meta ?? '{}') as Record<string, unknown>;
    const previous = Array.isArray(meta.editedFields) ? (meta.editedFields as string[]) : [];
    meta.editedFields = [...new Set([...previous, ...changed])];
    meta.editedAt = nowIso();
    const sets = changed.map((f) => `${COLUMNS[f as keyof typeof COLUMNS]} = ?`).join(', ');
    db.prepare(`UPDATE documents SET ${sets}, meta = ? WHERE id = ?`).run(...values, JSON.stringify(meta), input.id);
    if (changed.some((f) => INDEXED.has(f))) markIndexedFieldsChanged(db, input.id);
    recordMetadataEdit(db, input.id, Object.fromEntries(changed.map((f) => [f, row[COLUMNS[f as keyof typeof COLUMNS]]])), Object.fromEntries(changed.map((f, i) => [f, values[i]])));
  }
  return summaryOf(db, input.id);
}

function summaryOf(db: Database, id: string): DocumentSummary {
  const { text: _text, blocks: _blocks, pageStarts: _pages, meta: _meta, originalHtml: _html, ...summary } = getDocument(db, id)!;
  return summary;
}

/**
 * The user has checked what the review flags asked about (issue 14): the flags clear, and what they
 * said is kept in meta with the time, so the details still show that the values were once in doubt.
 */
export function markReviewed(db: Database, id: string): DocumentSummary {
  const row = db.prepare('SELECT review_flags, meta FROM documents WHERE id = ?').get(id) as { review_flags: string; meta: string } | undefined;
  if (!row) throw new DossierError('NOT_FOUND', 'That document is no longer in the investigation.');
  const flags = JSON.parse(row.review_flags) as string[];
  if (flags.length) {
    const meta = JSON.parse(row.meta) as Record<string, unknown>;
    const earlier = Array.isArray(meta.reviewedFlags) ? (meta.reviewedFlags as string[]) : [];
    meta.reviewedFlags = [...earlier, ...flags];
    meta.reviewedAt = nowIso();
    db.prepare("UPDATE documents SET review_flags = '[]', meta = ? WHERE id = ?").run(JSON.stringify(meta), id);
  }
  return summaryOf(db, id);
}
