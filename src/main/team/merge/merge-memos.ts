/**
 * Memos of a merge (issue 21): one memo per document, per tag and for the investigation, so the
 * other copy's memo is matched by its scope and this copy's document or tag (the maps of the steps
 * before). A memo only one copy has is added with its author. Both copies wrote different texts:
 * one containing the other keeps the longer; otherwise the later edit (ties by text order, so both
 * merge orders agree) stays on top and the other text follows it under a line naming its author and
 * date, so nothing of either side is lost, and the conflict is listed. Merging again finds the other
 * text already inside and changes nothing.
 */
import { count, derivedId, idMap, settle, type MergeStep } from './merge-context.ts';

interface MemoRow {
  id: string;
  scope: 'document' | 'tag' | 'investigation';
  document_id: string | null;
  tag_id: string | null;
  body: string;
  author: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, scope, document_id, tag_id, body, author, created_at, updated_at';

/** The later edit first (then text order): the same whichever copy is "ours". */
export function laterFirst<T extends { updated_at: string }>(a: T, b: T, text: (x: T) => string): [T, T] {
  if (a.updated_at !== b.updated_at) return a.updated_at > b.updated_at ? [a, b] : [b, a];
  return text(a) <= text(b) ? [a, b] : [b, a];
}

export const mergeMemos: MergeStep = {
  kind: 'memos',
  run(ctx) {
    const documents = idMap(ctx, 'documents');
    const tags = idMap(ctx, 'tags');
    const find = ctx.target.prepare(`SELECT ${COLUMNS} FROM memos WHERE scope = ? AND document_id IS ? AND tag_id IS ?`);
    const idTaken = ctx.target.prepare('SELECT 1 FROM memos WHERE id = ?');
    const insert = ctx.target.prepare(`INSERT INTO memos(${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const update = ctx.target.prepare('UPDATE memos SET body = ?, author = ?, updated_at = ? WHERE id = ?');
    const labelOf = (m: MemoRow) =>
      m.scope === 'investigation'
        ? 'the investigation memo'
        : `the memo on ${String(
            (m.scope === 'document'
              ? (ctx.target.prepare('SELECT title AS l FROM documents WHERE id = ?').get(m.document_id) as { l: string } | undefined)
              : (ctx.target.prepare('SELECT name AS l FROM tags WHERE id = ?').get(m.tag_id) as { l: string } | undefined)
            )?.l ?? '',
          )}`;
    for (const raw of ctx.source.prepare(`SELECT ${COLUMNS} FROM memos ORDER BY id`).all()) {
      const source = raw as unknown as MemoRow;
      const documentId = source.document_id ? documents.get(source.document_id) : null;
      const tagId = source.tag_id ? tags.get(source.tag_id) : null;
      if (documentId === undefined || tagId === undefined) continue; // every document and tag of the other copy is mapped
      const theirs: MemoRow = { ...source, document_id: documentId, tag_id: tagId };
      const ours = find.get(theirs.scope, documentId, tagId) as MemoRow | undefined;
      if (!ours) {
        const id = idTaken.get(theirs.id) ? derivedId('memo', theirs.id, theirs.scope, documentId ?? '', tagId ?? '') : theirs.id;
        insert.run(id, theirs.scope, documentId, tagId, theirs.body, theirs.author, theirs.created_at, theirs.updated_at);
        count(ctx.added, 'memos');
        continue;
      }
      const joined = settle(ours.body, theirs.body, true);
      if (!joined.conflict) {
        if (joined.value === ours.body) continue;
        update.run(theirs.body, theirs.author ?? ours.author, theirs.updated_at > ours.updated_at ? theirs.updated_at : ours.updated_at, ours.id);
        count(ctx.updated, 'memos');
        continue;
      }
      const [kept, other] = laterFirst(ours, theirs, (m) => m.body);
      const body = `${kept.body}\n\n---\n\n*Other version of this memo, by ${other.author ?? 'an unknown researcher'}, edited ${other.updated_at}:*\n\n${other.body}`;
      update.run(body, kept.author, kept.updated_at, ours.id);
      count(ctx.updated, 'memos');
      ctx.conflicts.push({
        kind: 'memo',
        what: labelOf(ours),
        ours: ours.body,
        theirs: theirs.body,
        resolution: `the later edit (by ${kept.author ?? 'an unknown researcher'}) kept on top; the other text follows it in the memo`,
      });
    }
  },
};
