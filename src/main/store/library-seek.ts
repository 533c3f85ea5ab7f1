import type { LibrarySort } from '../../shared/library.ts';
import type { StatementSync } from 'node:sqlite';
import type { Database } from './database.ts';

/**
 * Walks of the library's orders (issue 17) that start where the rows are, not at row 0: from the end
 * of the list backwards, or from a row whose place in the list is known (a seek point, kept by
 * store/library-cache.ts), forwards or backwards. SQLite's OFFSET steps over every index entry before
 * the window, so at 100,000 documents a window near the end walks the whole index; from the nearest
 * known row the walk is only the distance to it (1 row when the list scrolls on to the next window).
 *
 * A seek after a row is keyset paging over the order's columns: "after (a, b, rowid)" is the union of
 * "a after a0", "a = a0 and b after b0", "a = a0, b = b0, rowid ≥ r0", each an index range in order,
 * read deepest (closest to the row) first. Mixed directions (newest first, then title) rule out a
 * single row-value comparison.
 */
export interface SortColumn {
  expr: string;
  desc: boolean;
}

const col = (expr: string, desc = false): SortColumn => ({ expr, desc });

/**
 * Each order ends on the rowid, so ties (equal titles) never swap between two windows; each has its
 * index (migrations 10 and 11). Newest first reads its ascending index backwards, so its last tie-break
 * is the rowid descending.
 */
export const SORT_COLUMNS: Record<LibrarySort, SortColumn[]> = {
  imported: [col('d.imported_at', true), col('d.title_key'), col('d.rowid', true)],
  title: [col('d.title_key'), col('d.rowid')],
  date: [col('(d.published_at IS NULL)'), col('d.published_at', true), col('d.imported_at', true), col('d.rowid')],
  source: [col('(d.source_key IS NULL)'), col('d.source_key'), col('d.title_key'), col('d.rowid')],
};

export type SortKey = (string | number | null)[];

export interface OrderedRow {
  rowid: number;
  key: SortKey;
}

/** The filters' SQL over `d` (the documents table), joined with AND, and their parameters. */
export interface ListFilter {
  where: string[];
  params: (string | number)[];
}

const orderOf = (columns: SortColumn[], reverse: boolean) => columns.map((c) => `${c.expr}${c.desc !== reverse ? ' DESC' : ''}`).join(', ');

export const orderBy = (sort: LibrarySort, reverse = false) => orderOf(SORT_COLUMNS[sort], reverse);

/**
 * Whether a row can serve as a seek point: a NULL compares as nothing, so it is allowed only where
 * every row under the same prefix is NULL too (the "unknown" group of the date and source orders,
 * whose flag column before it is 1). A title key not yet filled (a row stored by another connection
 * since) is not one.
 */
export function seekable(sort: LibrarySort, key: SortKey): boolean {
  const columns = SORT_COLUMNS[sort];
  return key.every((value, i) => value !== null || (i > 0 && columns[i - 1]!.expr.endsWith('IS NULL)') && key[i - 1] === 1));
}

interface Walk {
  /** The row to start at (included); none: the start of the list (or its end, reversed). */
  from?: SortKey | undefined;
  reverse: boolean;
  skip: number;
  need: number;
}

/** Prepared statements by SQL text, per connection: a window runs the same few shapes again and again. */
const statements = new WeakMap<Database, Map<string, StatementSync>>();
const MAX_STATEMENTS = 128;

function prepared(db: Database, sql: string): StatementSync {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** `need` rows of the list in walk order (reversed when `reverse`), after skipping `skip` from the start point. */
export function walkOrder(db: Database, sort: LibrarySort, filter: ListFilter, walk: Walk): OrderedRow[] {
  const columns = SORT_COLUMNS[sort];
  const select = `SELECT d.rowid AS r, ${columns.map((c, i) => `${c.expr} AS k${i}`).join(', ')} FROM documents d`;
  const read = (where: string[], params: (string | number | null)[], order: string, limit: number, offset: number) =>
    (
      prepared(db, `${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
        ...params,
        limit,
        offset,
      ) as Record<string, string | number | null>[]
    ).map((row) => ({ rowid: Number(row.r), key: columns.map((_, i) => row[`k${i}`] ?? null) }));
  if (!walk.from) return read(filter.where, filter.params, orderOf(columns, walk.reverse), walk.need, walk.skip);

  const from = walk.from;
  const rows: OrderedRow[] = [];
  let { skip, need } = walk;
  // The start row itself is skipped anyway: start after it (scrolling on then reads one range fewer).
  const inclusive = skip === 0;
  if (!inclusive) skip--;
  for (let k = columns.length - 1; k >= 0 && need > 0; k--) {
    const value = from[k] ?? null;
    const last = k === columns.length - 1;
    // Compared with NULL nothing comes after: the rows under this prefix are all NULL here (seekable()).
    if (value === null && !last) continue;
    const where = [...filter.where];
    const params: (string | number | null)[] = [...filter.params];
    for (let j = 0; j < k; j++) {
      const v = from[j] ?? null;
      if (v === null) where.push(`${columns[j]!.expr} IS NULL`);
      else {
        where.push(`${columns[j]!.expr} = ?`);
        params.push(v);
      }
    }
    const later = columns[k]!.desc !== walk.reverse ? '<' : '>';
    where.push(`${columns[k]!.expr} ${last && inclusive ? `${later}=` : later} ?`);
    params.push(value);
    const order = orderOf(columns.slice(k), walk.reverse);
    const got = read(where, params, order, need, skip);
    if (got.length > 0) {
      rows.push(...got);
      need -= got.length;
      skip = 0;
    } else if (skip > 0) {
      // Every row of this range was skipped: how many (at most `skip`, so the count walks no further than OFFSET would).
      const counted = prepared(db, `SELECT count(*) AS n FROM (SELECT 1 FROM documents d WHERE ${where.join(' AND ')} LIMIT ?)`).get(
        ...params,
        skip,
      ) as { n: number };
      skip -= counted.n;
    }
  }
  return rows;
}
