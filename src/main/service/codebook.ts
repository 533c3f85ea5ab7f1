/**
 * Codebook edits (issue 5): rename, recolour, describe, move, merge and delete tags. The
 * destructive ones return an undo closure that restores the exact rows they removed.
 */
import type { Tag } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { getTag } from '../store/tags-repo.ts';
import type { UndoEntry } from './history.ts';
import { insertRows, selectRows } from './rows.ts';

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

/** Deletes a tag with its subtags; passages stay but lose those codings. Undo restores all of it. */
export function deleteTag(
  db: Database,
  id: string,
): { result: { deleted: true; passagesAffected: number; subtagsDeleted: number }; undo: UndoEntry } {
  const tag = mustGetTag(db, id);
  const impact = tagImpact(db, id);
  const ids = subtreeIds(db, id);
  const marks = ids.map(() => '?').join(', ');
  const tagRows = selectRows(db, `SELECT * FROM tags WHERE id IN (${marks})`, ...ids);
  // parents first, so the foreign key to parent_id holds when they are put back
  tagRows.sort((a, b) => ids.indexOf(String(a.id)) - ids.indexOf(String(b.id)));
  const links = selectRows(db, `SELECT * FROM passage_tags WHERE tag_id IN (${marks})`, ...ids);
  db.prepare('DELETE FROM tags WHERE id = ?').run(id);
  return {
    result: { deleted: true, passagesAffected: impact.passages, subtagsDeleted: impact.subtags },
    undo: {
      label: `deletion of tag “${tag.name}”`,
      undo() {
        if (tag.parentId && !getTag(db, tag.parentId))
          throw new DossierError('CONFLICT', `The parent of “${tag.name}” is gone, so it cannot be restored there.`);
        assertNameFree(db, tag.parentId, tag.name, tag.id);
        insertRows(db, 'tags', tagRows);
        // passages deleted since then stay deleted: only links to passages that still exist come back
        insertRows(
          db,
          'passage_tags',
          links.filter((l) => db.prepare('SELECT 1 FROM passages WHERE id = ?').get(l.passage_id!)),
        );
      },
    },
  };
}

/**
 * Merges `sourceId` into `targetId`: every passage of the source gets the target (once, even if it
 * had both), the source's subtags move under the target, and the source is deleted.
 */
export function mergeTags(
  db: Database,
  sourceId: string,
  targetId: string,
): { result: { tag: Tag; passagesMoved: number }; undo: UndoEntry } {
  if (sourceId === targetId) throw new DossierError('BAD_INPUT', 'Choose two different tags to merge.');
  const source = mustGetTag(db, sourceId, 'The tag to merge');
  const target = mustGetTag(db, targetId, 'The tag to merge into');
  if (subtreeIds(db, sourceId).includes(targetId)) {
    throw new DossierError('BAD_INPUT', `“${target.name}” is inside “${source.name}”; move it out before merging.`);
  }
  const children = selectRows(db, 'SELECT id, name FROM tags WHERE parent_id = ?', sourceId);
  for (const child of children) assertNameFree(db, targetId, String(child.name), String(child.id));
  const sourceRow = selectRows(db, 'SELECT * FROM tags WHERE id = ?', sourceId);
  const links = selectRows(db, 'SELECT * FROM passage_tags WHERE tag_id = ?', sourceId);
  const added = selectRows(
    db,
    `INSERT INTO passage_tags(passage_id, tag_id) SELECT passage_id, ? FROM passage_tags WHERE tag_id = ?
     ON CONFLICT DO NOTHING RETURNING passage_id`,
    targetId,
    sourceId,
  ).map((r) => String(r.passage_id));
  db.prepare('UPDATE tags SET parent_id = ? WHERE parent_id = ?').run(targetId, sourceId);
  db.prepare('DELETE FROM tags WHERE id = ?').run(sourceId);
  return {
    result: { tag: getTag(db, targetId)!, passagesMoved: links.length },
    undo: {
      label: `merge of “${source.name}” into “${target.name}”`,
      undo() {
        if (!getTag(db, targetId))
          throw new DossierError('CONFLICT', `“${target.name}” has been deleted since, so the merge cannot be undone.`);
        if (source.parentId && !getTag(db, source.parentId))
          throw new DossierError('CONFLICT', `The parent of “${source.name}” is gone, so the merge cannot be undone.`);
        assertNameFree(db, source.parentId, source.name, sourceId);
        insertRows(db, 'tags', sourceRow);
        const back = db.prepare('UPDATE tags SET parent_id = ? WHERE id = ? AND parent_id = ?');
        for (const child of children) back.run(sourceId, String(child.id), targetId);
        const unlink = db.prepare('DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?');
        for (const passageId of added) unlink.run(passageId, targetId);
        insertRows(
          db,
          'passage_tags',
          links.filter((l) => db.prepare('SELECT 1 FROM passages WHERE id = ?').get(l.passage_id!)),
        );
      },
    },
  };
}
