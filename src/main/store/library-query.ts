import type { DocumentSummary } from '../../shared/domain.ts';
import type { LibraryPage, LibraryPageInput, LibrarySort } from '../../shared/library.ts';
import type { Database } from './database.ts';
import { SUMMARY_COLUMNS, toSummary, type DocumentRow } from './documents-repo.ts';
import { fillSortKeys } from './sort-key.ts';
import { firstAtOrAfter, libraryCache, storedCount, storedLanguageCounts, type SeekPoint } from './library-cache.ts';
import { seekable, walkOrder, type ListFilter, type OrderedRow } from './library-seek.ts';

/**
 * The library as a windowed query (issue 17): one window of rows in the order asked, the number of
 * documents the filters keep, and (on request) the languages present. Each order has its index
 * (migration 10) and no query reads every document's row; a window is walked from the nearest row
 * whose place is known (store/library-seek.ts), and totals and facets are counted once per change of
 * the documents (store/library-cache.ts), so a scroll window at row 90,000 costs what one at row 0 does.
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

/**
 * Filters answered from the documents' own columns: a change to them bumps the library generation,
 * so their totals and seek points can be kept (store/library-cache.ts). A tag or entity filter also
 * depends on passages and mentions (the entity job writes those all the time), so it is counted anew.
 */
const DOCUMENT_FILTERS: ReadonlySet<string> = new Set(['language', 'format', 'flagged']);

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
  // One read snapshot: the generation, the total and the window agree even if another connection writes meanwhile.
  const own = !db.isTransaction;
  if (own) db.exec('BEGIN');
  try {
    return pageInSnapshot(db, input);
  } finally {
    if (own) db.exec('COMMIT');
  }
}

/**
 * A filter that keeps at least this share of the documents is checked row by row along the order's
 * index (which needs no sort) rather than looked up in its own index and sorted: SQLite's planner,
 * without statistics, took the language index for "English" (90 % of a corpus) and sorted 90,000
 * rows for every window (220–450 ms at 100,000 documents; 1–9 ms along the order's index).
 */
const SCAN_SHARE = 1 / 16;

/** Orders with an index that starts with the language (migration 11): a language filter there is a range of it. */
const LANGUAGE_ORDERS: ReadonlySet<LibrarySort> = new Set(['imported', 'title']);

function pageInSnapshot(db: Database, input: LibraryPageInput): LibraryPage {
  const cache = libraryCache(db);
  const clauses = filterClauses(input.filters);
  const filter: ListFilter = { where: clauses.map((c) => `(${c.sql})`), params: clauses.flatMap((c) => c.params) };
  const used = Object.entries(input.filters ?? {}).filter(([, value]) => value !== undefined);
  const count = () =>
    clauses.length === 0
      ? storedCount(db)
      : used.length === 1 && used[0]![0] === 'language'
        ? storedCount(db, String(used[0]![1]))
        : (db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${filter.where.join(' AND ')}`).get(...filter.params) as { n: number }).n;
  const keep = used.every(([field]) => DOCUMENT_FILTERS.has(field));
  const list = keep ? JSON.stringify(clauses) : null;
  const total = list ? cache.total(list, count) : count();
  const languageRange = used.length === 1 && used[0]![0] === 'language' && LANGUAGE_ORDERS.has(input.sort);
  // Unary + makes a term unusable for an index lookup, so the planner walks the order's index.
  if (clauses.length && !languageRange && total >= storedCount(db) * SCAN_SHARE) filter.where = filter.where.map((sql) => `+${sql}`);
  const ordered = list ? `${input.sort} ${list}` : null;
  const rows = windowRows(db, input, filter, total, ordered ? cache.seekPoints(ordered) : []);
  if (ordered && rows.length > 0) {
    // The window's first and last rows: the next window (scrolling on) or the one before starts next to one of them.
    for (const [position, row] of [
      [input.offset, rows[0]!],
      [input.offset + rows.length - 1, rows.at(-1)!],
    ] as const)
      if (seekable(input.sort, row.key)) cache.addSeekPoint(ordered, { position, key: row.key });
  }
  const page: LibraryPage = { offset: input.offset, total, documents: summariesOf(db, rows.map((row) => row.rowid)) };
  if (input.facets) {
    page.all = clauses.length ? storedCount(db) : total;
    page.languages = storedLanguageCounts(db);
  }
  return page;
}

/**
 * The window's rows, walked from the nearest place whose position is known: the start, the end (the
 * total is known), or a seek point on either side. The walk is then the distance to it, not the offset.
 */
function windowRows(db: Database, input: LibraryPageInput, filter: ListFilter, total: number, points: readonly SeekPoint[]): OrderedRow[] {
  const end = Math.min(input.offset + input.limit, total);
  const need = end - input.offset;
  if (need <= 0) return [];
  const walks: { distance: number; walk: Parameters<typeof walkOrder>[3] }[] = [
    { distance: input.offset, walk: { reverse: false, skip: input.offset, need } },
    { distance: total - end, walk: { reverse: true, skip: total - end, need } },
  ];
  const after = firstAtOrAfter(points, end - 1);
  const before = points[firstAtOrAfter(points, input.offset + 1) - 1];
  if (before) walks.push({ distance: input.offset - before.position, walk: { from: before.key, reverse: false, skip: input.offset - before.position, need } });
  const next = points[after];
  if (next) walks.push({ distance: next.position - (end - 1), walk: { from: next.key, reverse: true, skip: next.position - (end - 1), need } });
  const nearest = walks.reduce((a, b) => (b.distance < a.distance ? b : a));
  const rows = walkOrder(db, input.sort, filter, nearest.walk);
  return nearest.walk.reverse ? rows.reverse() : rows;
}

/** The summaries of the documents with these rowids, in this order (only these rows are read). */
function summariesOf(db: Database, rowids: number[]): DocumentSummary[] {
  const rows = db
    .prepare(`SELECT d.rowid AS r, ${SUMMARY_COLUMNS} FROM documents d WHERE d.rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rowids)) as unknown as (DocumentRow & { r: number })[];
  const byRowid = new Map(rows.map((row) => [row.r, row]));
  const documents: DocumentSummary[] = [];
  for (const r of rowids) {
    const row = byRowid.get(r);
    if (row) documents.push(toSummary(row));
  }
  return documents;
}

/** The ids among `ids` the store still holds. */
export function existingDocumentIds(db: Database, ids: string[]): string[] {
  const rows = db.prepare('SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: string;
  }[];
  const present = new Set(rows.map((row) => row.id));
  return ids.filter((id) => present.has(id));
}
