/**
 * Passage edits and the cross-document passages view (issue 5).
 */
import type { PassageView } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import { transaction, type Database } from '../store/database.ts';
import { nowIso } from '../store/ids.ts';
import { getPassage, listPassageViews } from '../store/passages-repo.ts';
import { getTag } from '../store/tags-repo.ts';
import type { UndoEntry } from './history.ts';
import { insertRows, selectRows } from './rows.ts';
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

/** Deletes one passage; undo puts it back with its tags (those that still exist). */
export function deletePassageUndoable(db: Database, id: string): { result: { deleted: boolean }; undo: UndoEntry | null } {
  const passage = selectRows(db, 'SELECT * FROM passages WHERE id = ?', id);
  if (passage.length === 0) return { result: { deleted: false }, undo: null };
  const links = selectRows(db, 'SELECT * FROM passage_tags WHERE passage_id = ?', id);
  db.prepare('DELETE FROM passages WHERE id = ?').run(id);
  recordPassageDelete(db, { id, documentId: String(passage[0]!.document_id), start: Number(passage[0]!.start), end: Number(passage[0]!.end), exact: String(passage[0]!.exact) });
  const exact = String(passage[0]!.exact);
  return {
    result: { deleted: true },
    undo: {
      label: `deletion of passage “${exact.length > 40 ? `${exact.slice(0, 40)}…` : exact}”`,
      undo() {
        if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(passage[0]!.document_id!)) {
          throw new DossierError(
            'CONFLICT',
            'The document of that passage has been deleted since, so the passage cannot come back.',
          );
        }
        insertRows(db, 'passages', passage);
        insertRows(
          db,
          'passage_tags',
          links.filter((l) => getTag(db, String(l.tag_id))),
        );
      },
    },
  };
}

export interface PassageQuery {
  tagIds?: string[] | undefined;
  /** 'any': passages with at least one of the tags; 'all': with every one of them. */
  match?: 'any' | 'all' | undefined;
  /** Words that must occur in the quote or the note (case-insensitive). */
  text?: string | undefined;
  documentId?: string | undefined;
  limit?: number | undefined;
}

/** Passages across documents, for the passages view: of some tags, of a text search, or both. */
export function queryPassages(db: Database, query: PassageQuery): PassageView[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const tagIds = [...new Set(query.tagIds ?? [])];
  if (tagIds.length) {
    const marks = tagIds.map(() => '?').join(', ');
    if (query.match === 'all') {
      where.push(
        `(SELECT count(DISTINCT pt.tag_id) FROM passage_tags pt WHERE pt.passage_id = p.id AND pt.tag_id IN (${marks})) = ?`,
      );
      params.push(...tagIds, tagIds.length);
    } else {
      where.push(`EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id AND pt.tag_id IN (${marks}))`);
      params.push(...tagIds);
    }
  }
  for (const word of (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    // instr on lower() rather than LIKE: no wildcard escaping, and it works for every script
    where.push('(instr(lower(p.exact), ?) > 0 OR instr(lower(p.note), ?) > 0)');
    params.push(word, word);
  }
  if (query.documentId) {
    where.push('p.document_id = ?');
    params.push(query.documentId);
  }
  return listPassageViews(db, where, params, query.limit ?? 10_000);
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
