import type { Tag } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from './database.ts';
import { newId, nowIso } from './ids.ts';

/** Colours chosen to stay readable as highlights in light and dark themes; new tags take the next one. */
export const TAG_PALETTE = ['#f2c94c', '#6fcf97', '#56ccf2', '#f2994a', '#bb6bd9', '#eb5757', '#9b9b6b', '#2d9cdb'];

interface TagRow {
  id: string;
  name: string;
  parent_id: string | null;
  color: string;
  description: string;
  passage_count: number;
  own_passage_count: number;
}

const toTag = (row: TagRow): Tag => ({
  id: row.id,
  name: row.name,
  parentId: row.parent_id,
  color: row.color,
  description: row.description,
  passageCount: row.passage_count,
  ownPassageCount: row.own_passage_count,
});

const OWN_COUNT = '(SELECT count(*) FROM passage_tags pt WHERE pt.tag_id = t.id)';
/**
 * A tag counts the distinct passages of itself and every tag under it (issue 14: a parent never shows
 * 0 over coded children). Only a tag with subtags pays for the walk; a leaf's count is its own.
 */
const TAG_COLUMNS = `t.id, t.name, t.parent_id, t.color, t.description,
  CASE WHEN EXISTS (SELECT 1 FROM tags c WHERE c.parent_id = t.id) THEN
    (WITH RECURSIVE sub(id) AS (SELECT t.id UNION ALL SELECT c.id FROM tags c JOIN sub ON c.parent_id = sub.id)
     SELECT count(DISTINCT pt.passage_id) FROM sub JOIN passage_tags pt ON pt.tag_id = sub.id)
  ELSE ${OWN_COUNT} END AS passage_count,
  ${OWN_COUNT} AS own_passage_count`;

/** Tags in codebook order: by position, then name. */
export function listTags(db: Database): Tag[] {
  const rows = db
    .prepare(`SELECT ${TAG_COLUMNS} FROM tags t ORDER BY t.position, t.name COLLATE NOCASE`)
    .all() as unknown as TagRow[];
  return rows.map(toTag);
}

export function getTag(db: Database, id: string): Tag | undefined {
  const row = db.prepare(`SELECT ${TAG_COLUMNS} FROM tags t WHERE t.id = ?`).get(id) as TagRow | undefined;
  return row && toTag(row);
}

export function findTagByName(db: Database, name: string): Tag | undefined {
  const row = db
    .prepare(`SELECT ${TAG_COLUMNS} FROM tags t WHERE t.name = ? COLLATE NOCASE ORDER BY t.parent_id IS NOT NULL LIMIT 1`)
    .get(name.trim()) as TagRow | undefined;
  return row && toTag(row);
}

export interface NewTag {
  name: string;
  parentId?: string | null | undefined;
  color?: string | undefined;
  description?: string | undefined;
}

export function createTag(db: Database, input: NewTag): Tag {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new DossierError('BAD_INPUT', 'A tag needs a name.');
  const parentId = input.parentId ?? null;
  if (parentId && !getTag(db, parentId)) throw new DossierError('NOT_FOUND', 'The parent tag no longer exists.');
  const clash = db
    .prepare("SELECT 1 FROM tags WHERE ifnull(parent_id, '') = ? AND name = ? COLLATE NOCASE")
    .get(parentId ?? '', name);
  if (clash) throw new DossierError('DUPLICATE', `A tag named "${name}" already exists there.`);
  const count = (db.prepare('SELECT count(*) AS n FROM tags').get() as { n: number }).n;
  const id = newId();
  db.prepare(
    'INSERT INTO tags(id, name, parent_id, color, description, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, name, parentId, input.color ?? TAG_PALETTE[count % TAG_PALETTE.length]!, input.description ?? '', count, nowIso());
  return getTag(db, id)!;
}

/** The tag of that name, created when it does not exist yet (typing a new name creates it). */
export function ensureTag(db: Database, name: string): Tag {
  return findTagByName(db, name) ?? createTag(db, { name });
}
