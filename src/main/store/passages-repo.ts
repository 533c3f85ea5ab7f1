import type { Passage, PassageView } from '../../shared/domain.ts';
import type { Database } from './database.ts';
import { newId, nowIso } from './ids.ts';

/** Characters of context kept each side of a quote (W3C TextQuoteSelector prefix/suffix). */
export const QUOTE_CONTEXT = 32;

interface PassageRow {
  id: string;
  document_id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  created_at: string;
  updated_at: string;
  author: string | null;
  tag_ids: string | null;
  document_title: string;
  document_published_at: string | null;
}

const toView = (row: PassageRow): PassageView => ({
  id: row.id,
  documentId: row.document_id,
  start: row.start,
  end: row.end,
  exact: row.exact,
  prefix: row.prefix,
  suffix: row.suffix,
  note: row.note,
  tagIds: row.tag_ids ? row.tag_ids.split(',') : [],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  author: row.author,
  documentTitle: row.document_title,
  documentPublishedAt: row.document_published_at,
});

const VIEW_SELECT = `SELECT p.id, p.document_id, p.start, p.end, p.exact, p.prefix, p.suffix, p.note,
    p.created_at, p.updated_at, p.author,
    (SELECT group_concat(pt.tag_id) FROM passage_tags pt WHERE pt.passage_id = p.id) AS tag_ids,
    d.title AS document_title, d.published_at AS document_published_at
  FROM passages p JOIN documents d ON d.id = p.document_id`;

/** The quote selector of [start, end) in `text`. */
export function quoteSelector(text: string, start: number, end: number): Pick<Passage, 'exact' | 'prefix' | 'suffix'> {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

export function insertPassage(
  db: Database,
  input: { documentId: string; start: number; end: number; text: string; note: string; tagIds: string[]; author?: string | null | undefined },
): string {
  const id = newId();
  const now = nowIso();
  const quote = quoteSelector(input.text, input.start, input.end);
  db.prepare(
    `INSERT INTO passages(id, document_id, start, end, exact, prefix, suffix, note, created_at, updated_at, author)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.documentId, input.start, input.end, quote.exact, quote.prefix, quote.suffix, input.note, now, now, input.author?.trim() || null);
  const link = db.prepare('INSERT OR IGNORE INTO passage_tags(passage_id, tag_id) VALUES (?, ?)');
  for (const tagId of input.tagIds) link.run(id, tagId);
  return id;
}

export function getPassage(db: Database, id: string): PassageView | undefined {
  const row = db.prepare(`${VIEW_SELECT} WHERE p.id = ?`).get(id) as PassageRow | undefined;
  return row && toView(row);
}

export function listPassages(db: Database, filter: { tagId?: string | undefined; documentId?: string | undefined }): PassageView[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.tagId) {
    where.push('EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id AND pt.tag_id = ?)');
    params.push(filter.tagId);
  }
  if (filter.documentId) {
    where.push('p.document_id = ?');
    params.push(filter.documentId);
  }
  return listPassageViews(db, where, params);
}

// The passage id last: a window never repeats or skips a passage of two documents with one title.
const PASSAGE_ORDER = 'd.title COLLATE NOCASE, p.start, p.id';

/** Passage views matching SQL conditions on `p` (passages) and `d` (documents), in document then text order. */
export function listPassageViews(db: Database, where: string[], params: (string | number)[], limit = -1, offset = 0): PassageView[] {
  const sql = `${VIEW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${PASSAGE_ORDER} LIMIT ? OFFSET ?`;
  return (db.prepare(sql).all(...params, limit, offset) as unknown as PassageRow[]).map(toView);
}

/** The ids of the passages `where` keeps, in the order listPassageViews gives (issue 17: the passages view's windows). */
export function listPassageIds(db: Database, where: string[], params: (string | number)[]): string[] {
  const sql = `SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${PASSAGE_ORDER}`;
  return (db.prepare(sql).all(...params) as { id: string }[]).map((row) => row.id);
}

export function deletePassage(db: Database, id: string): boolean {
  return Number(db.prepare('DELETE FROM passages WHERE id = ?').run(id).changes) > 0;
}

/** Every passage with its document's text, for the integrity check. */
export function* iteratePassagesWithText(
  db: Database,
): Generator<{ id: string; documentId: string; start: number; end: number; exact: string; text: string }> {
  const statement = db.prepare(
    'SELECT p.id, p.document_id AS documentId, p.start, p.end, p.exact, d.text FROM passages p JOIN documents d ON d.id = p.document_id',
  );
  for (const row of statement.iterate()) {
    yield row as unknown as { id: string; documentId: string; start: number; end: number; exact: string; text: string };
  }
}
