/**
 * Codebook edits (issue 5): rename, recolour, describe, move, merge and delete tags. Undo and redo
 * of every one of them are the service's history (history.ts), which keeps the rows they change.
 */
import type { Tag } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { getTag } from '../store/tags-repo.ts';
import { enclosedIds } from './enclosure.ts';
import { citedPassageIds } from './report-citations.ts';
import { selectRows } from './rows.ts';

export interface TagChanges {
  id: string;
  name?: string | undefined;
  color?: string | undefined;
  description?: string | undefined;
  /** null moves the tag to the top level. */
  parentId?: string | null | undefined;
}

function mustGetTag(db: Database, id: string, what = 'That tag'): Tag {
  const tag = getTag(db, id);
  if (!tag) throw new DossierError('NOT_FOUND', `${what} no longer exists in the codebook.`);
  return tag;
}

/** Ids of the tag and every tag under it, parents before children. */
export function subtreeIds(db: Database, id: string): string[] {
  const rows = selectRows(
    db,
    `WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM tags WHERE id = ?
       UNION ALL SELECT t.id, sub.depth + 1 FROM tags t JOIN sub ON t.parent_id = sub.id)
     SELECT id FROM sub ORDER BY depth`,
    id,
  );
  return rows.map((r) => String(r.id));
}

function assertNameFree(db: Database, parentId: string | null, name: string, exceptId: string): void {
  const clash = db
    .prepare("SELECT name FROM tags WHERE ifnull(parent_id, '') = ? AND name = ? COLLATE NOCASE AND id <> ?")
    .get(parentId ?? '', name, exceptId) as { name: string } | undefined;
  if (clash)
    throw new DossierError(
      'DUPLICATE',
      `A tag named "${clash.name}" already exists there; choose another name or merge the two.`,
    );
}

/** Renames, recolours, describes or moves a tag. Moving a tag under itself or its own subtag is refused. */
export function updateTag(db: Database, changes: TagChanges): Tag {
  const tag = mustGetTag(db, changes.id);
  const name = changes.name === undefined ? tag.name : changes.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new DossierError('BAD_INPUT', 'A tag needs a name.');
  const parentId = changes.parentId === undefined ? tag.parentId : changes.parentId;
  if (parentId !== tag.parentId && parentId !== null) {
    mustGetTag(db, parentId, 'The new parent tag');
    if (subtreeIds(db, tag.id).includes(parentId)) {
      throw new DossierError('BAD_INPUT', `"${tag.name}" cannot move under itself or one of its own subtags.`);
    }
  }
  assertNameFree(db, parentId, name, tag.id);
  db.prepare('UPDATE tags SET name = ?, color = ?, description = ?, parent_id = ? WHERE id = ?').run(
    name,
    changes.color ?? tag.color,
    changes.description ?? tag.description,
    parentId,
    tag.id,
  );
  return getTag(db, tag.id)!;
}

/** How many distinct passages carry the tag or one of its subtags, and how many subtags it has. */
export function tagImpact(db: Database, id: string): { passages: number; subtags: number } {
  mustGetTag(db, id);
  const ids = subtreeIds(db, id);
  const marks = ids.map(() => '?').join(', ');
  const row = db.prepare(`SELECT count(DISTINCT passage_id) AS n FROM passage_tags WHERE tag_id IN (${marks})`).get(...ids) as {
    n: number;
  };
  return { passages: row.n, subtags: ids.length - 1 };
}

/** Deletes a tag with its subtags; passages stay but lose those codings (undo: the service's history). */
export function deleteTag(db: Database, id: string): { deleted: true; passagesAffected: number; subtagsDeleted: number } {
  mustGetTag(db, id);
  const impact = tagImpact(db, id);
  db.prepare('DELETE FROM tags WHERE id = ?').run(id);
  return { deleted: true, passagesAffected: impact.passages, subtagsDeleted: impact.subtags };
}

/** The passages a merge of these two tags may change (for its undo). */
export function passagesOfTags(db: Database, tagIds: string[]): string[] {
  const marks = tagIds.map(() => '?').join(', ');
  return selectRows(db, `SELECT DISTINCT passage_id FROM passage_tags WHERE tag_id IN (${marks})`, ...tagIds).map((r) => String(r.passage_id));
}

/**
 * Merges `sourceId` into `targetId`: every passage of the source gets the target (once, even if it
 * had both), the source's subtags move under the target, and the source is deleted. Where the merge
 * puts one passage of the target inside another of the same document, the inner one gives the target
 * up to the outer one (as NVivo merges overlapping coding), so a report of the target quotes the
 * words once (issue 14); an inner passage left with no tag, no note and no report citing it goes.
 */
export function mergeTags(db: Database, sourceId: string, targetId: string): { tag: Tag; passagesMoved: number; nestedFolded: number } {
  if (sourceId === targetId) throw new DossierError('BAD_INPUT', 'Choose two different tags to merge.');
  const source = mustGetTag(db, sourceId, 'The tag to merge');
  const target = mustGetTag(db, targetId, 'The tag to merge into');
  if (subtreeIds(db, sourceId).includes(targetId)) {
    throw new DossierError('BAD_INPUT', `“${target.name}” is inside “${source.name}”; move it out before merging.`);
  }
  const children = selectRows(db, 'SELECT id, name FROM tags WHERE parent_id = ?', sourceId);
  for (const child of children) assertNameFree(db, targetId, String(child.name), String(child.id));
  const moved = Number((db.prepare('SELECT count(*) AS n FROM passage_tags WHERE tag_id = ?').get(sourceId) as { n: number }).n);
  const added = selectRows(
    db,
    `INSERT INTO passage_tags(passage_id, tag_id) SELECT passage_id, ? FROM passage_tags WHERE tag_id = ?
     ON CONFLICT DO NOTHING RETURNING passage_id`,
    targetId,
    sourceId,
  ).map((r) => String(r.passage_id));
  db.prepare('UPDATE tags SET parent_id = ? WHERE parent_id = ?').run(targetId, sourceId);
  db.prepare('DELETE FROM tags WHERE id = ?').run(sourceId);
  const nestedFolded = foldNested(db, targetId, new Set(added));
  return { tag: getTag(db, targetId)!, passagesMoved: moved, nestedFolded };
}

/** Passages of `tagId` lying inside another of its passages in the same document, where one of the two is `fresh`. */
function foldNested(db: Database, tagId: string, fresh: Set<string>): number {
  if (fresh.size === 0) return 0;
  const spans = selectRows(
    db,
    `SELECT p.id, p.document_id, p.start, p.end, p.note FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id
     WHERE pt.tag_id = ? ORDER BY p.created_at, p.id`,
    tagId,
  ).map((r) => ({ id: String(r.id), documentId: String(r.document_id), start: Number(r.start), end: Number(r.end), note: String(r.note) }));
  const enclosed = enclosedIds(spans, (outer, inner) => fresh.has(outer.id) || fresh.has(inner.id));
  const inner = spans.filter((s) => enclosed.has(s.id));
  const cited = citedPassageIds(db);
  const unlink = db.prepare('DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?');
  const tagsLeft = db.prepare('SELECT count(*) AS n FROM passage_tags WHERE passage_id = ?');
  const remove = db.prepare('DELETE FROM passages WHERE id = ?');
  for (const row of inner) {
    unlink.run(row.id, tagId);
    const left = Number((tagsLeft.get(row.id) as { n: number }).n);
    if (left === 0 && !row.note.trim() && !cited.has(row.id)) remove.run(row.id);
  }
  return inner.length;
}
