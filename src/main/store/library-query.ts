import type { DocumentSummary } from '../../shared/domain.ts';
import type { LibraryPage, LibraryPageInput, LibrarySort } from '../../shared/library.ts';
import type { Database } from './database.ts';
import { SUMMARY_COLUMNS, toSummary, type DocumentRow } from './documents-repo.ts';
import { fillSortKeys } from './sort-key.ts';

/**
 * The library as a windowed query (issue 17): one window of rows in the order asked, the number of
 * documents the filters keep, and (on request) the languages present. Each order has its index
 * (migration 10), so a window costs the same at row 0 as at row 90,000 give or take a walk of the
 * index, and no query reads every document's row.
 *
 * Filters are a list of clauses (SQL over `d`, the documents table, with their parameters): a new
 * filter (entities, document attributes) is one more entry in FILTERS, nothing else changes.
 */
export interface Clause {
  sql: string;
  params: (string | number)[];
}

type Filters = NonNullable<LibraryPageInput['filters']>;

/** One builder per filter field; each returns the clause that keeps the matching documents, or nothing. */
const FILTERS: { [K in keyof Required<Filters>]: (value: NonNullable<Filters[K]>) => Clause | null } = {
  tagId: (tagId) => ({
    sql: 'd.id IN (SELECT p.document_id FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id WHERE pt.tag_id = ?)',
    params: [tagId],
  }),
  language: (language) => ({ sql: 'd.language = ?', params: [language] }),
  format: (format) => ({ sql: 'd.format = ?', params: [format] }),
  flagged: (flagged) => (flagged ? { sql: "d.review_flags <> '[]'", params: [] } : null),
  // Issue 18: the library's "Any entity" menu (entity_mentions is indexed by entity, then document).
  entityId: (entityId) => ({ sql: 'd.id IN (SELECT m.document_id FROM entity_mentions m WHERE m.entity_id = ?)', params: [entityId] }),
};

/** Each order ends on the rowid, so ties (equal titles) never swap between two windows. */
const ORDERS: Record<LibrarySort, string> = {
  imported: 'd.imported_at DESC, d.title_key, d.rowid',
  title: 'd.title_key, d.rowid',
  date: 'd.published_at IS NULL, d.published_at DESC, d.imported_at DESC, d.rowid',
  source: 'd.source_key IS NULL, d.source_key, d.title_key, d.rowid',
};

export function filterClauses(filters: Filters | undefined): Clause[] {
  const clauses: Clause[] = [];
  for (const [field, value] of Object.entries(filters ?? {})) {
    if (value === undefined) continue;
    const build = FILTERS[field as keyof Filters] as ((v: unknown) => Clause | null) | undefined;
    const clause = build?.(value);
    if (clause) clauses.push(clause);
  }
  return clauses;
}

export function libraryPage(db: Database, input: LibraryPageInput): LibraryPage {
  fillSortKeys(db);
  const clauses = filterClauses(input.filters);
  const where = clauses.length ? `WHERE ${clauses.map((c) => `(${c.sql})`).join(' AND ')}` : '';
  const params = clauses.flatMap((c) => c.params);
  const total = (db.prepare(`SELECT count(*) AS n FROM documents d ${where}`).get(...params) as { n: number }).n;
  // The window's rowids from the index alone, then only those rows are read.
  const rowids = (
    db
      .prepare(`SELECT d.rowid AS r FROM documents d ${where} ORDER BY ${ORDERS[input.sort]} LIMIT ? OFFSET ?`)
      .all(...params, input.limit, input.offset) as { r: number }[]
  ).map((row) => row.r);
  const rows = db
    .prepare(`SELECT d.rowid AS r, ${SUMMARY_COLUMNS} FROM documents d WHERE d.rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rowids)) as unknown as (DocumentRow & { r: number })[];
  const byRowid = new Map(rows.map((row) => [row.r, row]));
  const documents: DocumentSummary[] = [];
  for (const r of rowids) {
    const row = byRowid.get(r);
    if (row) documents.push(toSummary(row));
  }
  const page: LibraryPage = { offset: input.offset, total, documents };
  if (input.facets) {
    page.all = clauses.length ? (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n : total;
    page.languages = (
      db
        .prepare(
          'SELECT language AS value, count(*) AS count FROM documents WHERE language IS NOT NULL GROUP BY language ORDER BY language',
        )
        .all() as {
        value: string;
        count: number;
      }[]
    ).map(({ value, count }) => ({ value, count }));
  }
  return page;
}

/** The ids among `ids` the store still holds. */
export function existingDocumentIds(db: Database, ids: string[]): string[] {
  const rows = db.prepare('SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: string;
  }[];
  const present = new Set(rows.map((row) => row.id));
  return ids.filter((id) => present.has(id));
}
