/**
 * Passage edits and the cross-document passages view (issue 5).
 */
import type { PassageView } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import { transaction, type Database } from '../store/database.ts';
import { nowIso } from '../store/ids.ts';
import { getPassage, listPassageViews } from '../store/passages-repo.ts';
import { getTag } from '../store/tags-repo.ts';
import { subtreeIds } from './codebook.ts';
import { passageWindow } from '../store/passage-order.ts';
import { enclosedIds } from './enclosure.ts';
import { selectRows } from './rows.ts';
import { recordPassageDelete, recordPassageEdit } from '../custody/events.ts';

const GONE = 'That passage no longer exists; it may have been deleted in the other pane.';

/** Changes a passage's note or replaces its tags (an empty list is allowed: the passage stays, uncoded). */
export function updatePassage(
  db: Database,
  input: { id: string; note?: string | undefined; tagIds?: string[] | undefined },
): PassageView {
  return transaction(db, () => {
    const passage = getPassage(db, input.id);
    if (!passage) throw new DossierError('NOT_FOUND', GONE);
    if (input.tagIds) {
      for (const tagId of input.tagIds)
        if (!getTag(db, tagId)) throw new DossierError('NOT_FOUND', 'One of the chosen tags no longer exists.');
      db.prepare('DELETE FROM passage_tags WHERE passage_id = ?').run(input.id);
      const link = db.prepare('INSERT OR IGNORE INTO passage_tags(passage_id, tag_id) VALUES (?, ?)');
      for (const tagId of input.tagIds) link.run(input.id, tagId);
    }
    db.prepare('UPDATE passages SET note = ?, updated_at = ? WHERE id = ?').run(input.note ?? passage.note, nowIso(), input.id);
    recordPassageEdit(db, passage, getPassage(db, input.id)!);
    return getPassage(db, input.id)!;
  });
}

/** Deletes one passage with its tags (undo: the service's history); the custody log records it. */
export function deletePassage(db: Database, id: string): { deleted: boolean } {
  const passage = selectRows(db, 'SELECT id, document_id, start, end, exact FROM passages WHERE id = ?', id)[0];
  if (!passage) return { deleted: false };
  db.prepare('DELETE FROM passages WHERE id = ?').run(id);
  recordPassageDelete(db, { id, documentId: String(passage.document_id), start: Number(passage.start), end: Number(passage.end), exact: String(passage.exact) });
  return { deleted: true };
}

export interface PassageQuery {
  tagIds?: string[] | undefined;
  /** 'any': passages with at least one of the tags; 'all': with every one of them. */
  match?: 'any' | 'all' | undefined;
  /** Words that must occur in the quote or the note (case-insensitive). */
  text?: string | undefined;
  documentId?: string | undefined;
  /** Only passages carrying the tags themselves; by default a tag stands for itself and its subtags (issue 14). */
  ownOnly?: boolean | undefined;
  limit?: number | undefined;
}

/** Passages across documents, for the passages view: of some tags, of a text search, or both. */
export function queryPassages(db: Database, query: PassageQuery): PassageView[] {
  const { where, params } = passageFilter(db, query);
  return listPassageViews(db, where, params, query.limit ?? 10_000);
}

/** One window of the same passages and how many there are in all (issue 17: the passages view scrolls through windows). */
export function passagesPage(db: Database, query: PassageQuery & { offset: number; limit: number }): { total: number; offset: number; passages: PassageView[] } {
  const { where, params } = passageFilter(db, query);
  return { offset: query.offset, ...passageWindow(db, where, params, query.offset, query.limit) };
}

/** The query's filters as SQL clauses over `p` (passages), with their parameters. */
function passageFilter(db: Database, query: PassageQuery): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const tagIds = [...new Set(query.tagIds ?? [])];
  // Each chosen tag as the set of tags it stands for: itself, and its subtags unless ownOnly.
  const groups = tagIds.map((id) => (query.ownOnly ? [id] : subtreeIds(db, id)));
  const has = (group: string[]) => {
    params.push(...group);
    return `EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id AND pt.tag_id IN (${group.map(() => '?').join(', ')}))`;
  };
  if (groups.length) where.push(`(${groups.map(has).join(query.match === 'all' ? ' AND ' : ' OR ')})`);
  for (const word of (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    // instr on lower() rather than LIKE: no wildcard escaping, and it works for every script
    where.push('(instr(lower(p.exact), ?) > 0 OR instr(lower(p.note), ?) > 0)');
    params.push(word, word);
  }
  if (query.documentId) {
    where.push('p.document_id = ?');
    params.push(query.documentId);
  }
  return { where, params };
}

/** Documents with at least one passage carrying one of the tags (the library's tag filter). */
export function documentIdsForTags(db: Database, tagIds: string[]): string[] {
  if (tagIds.length === 0) return [];
  const marks = tagIds.map(() => '?').join(', ');
  return selectRows(
    db,
    `SELECT DISTINCT p.document_id AS id FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id WHERE pt.tag_id IN (${marks})`,
    ...tagIds,
  ).map((r) => String(r.id));
}

/**
 * The passages a report section of `tagId` quotes (issue 14): those of the tag and of its subtags,
 * except subtags chosen for a section of their own, without a passage that lies inside another
 * one of the section (the words would be quoted twice).
 */
export function sectionPassageIds(db: Database, tagId: string, chosen: Set<string>): string[] {
  const own = new Set(subtreeIds(db, tagId));
  for (const id of chosen) if (id !== tagId && own.has(id)) for (const sub of subtreeIds(db, id)) own.delete(sub);
  const group = [...own];
  const views = listPassageViews(
    db,
    [`EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id AND pt.tag_id IN (${group.map(() => '?').join(', ')}))`],
    group,
  );
  const enclosed = enclosedIds(views);
  return views.filter((p) => !enclosed.has(p.id)).map((p) => p.id);
}
