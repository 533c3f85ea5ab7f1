/**
 * Passages of a merge (issue 21). The same passage is the one with the same id (both copies come
 * from one investigation) or, failing that, the same span of the same document coded by the same
 * researcher; it keeps the tags of both copies and both notes. Any other passage of the other copy
 * is added with its author, so two researchers' codings of one span stay two passages (what
 * inter-coder agreement compares). A passage one copy deleted and the other kept comes back:
 * nothing of either side is lost.
 */
import { quoteSelector } from '../../store/passages-repo.ts';
import { count, derivedId, idMap, settle, type MergeStep } from './merge-context.ts';

interface PassageRow {
  id: string;
  document_id: string;
  start: number;
  end: number;
  note: string;
  author: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, document_id, start, end, note, author, created_at, updated_at';

export const mergePassages: MergeStep = {
  kind: 'passages',
  run(ctx) {
    const documents = idMap(ctx, 'documents');
    const tags = idMap(ctx, 'tags');
    const ids = idMap(ctx, 'passages');
    const tagsOf = ctx.source.prepare('SELECT tag_id FROM passage_tags WHERE passage_id = ? ORDER BY tag_id');
    const byId = ctx.target.prepare(`SELECT ${COLUMNS} FROM passages WHERE id = ?`);
    const bySpan = ctx.target.prepare(
      `SELECT ${COLUMNS} FROM passages WHERE document_id = ? AND start = ? AND end = ? AND author IS ? ORDER BY id LIMIT 1`,
    );
    const textOf = ctx.target.prepare('SELECT text FROM documents WHERE id = ?');
    const insert = ctx.target.prepare(
      'INSERT INTO passages(id, document_id, start, end, exact, prefix, suffix, note, created_at, updated_at, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const link = ctx.target.prepare('INSERT INTO passage_tags(passage_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
    const update = ctx.target.prepare('UPDATE passages SET note = ?, author = ?, updated_at = ? WHERE id = ?');
    for (const raw of ctx.source.prepare(`SELECT ${COLUMNS} FROM passages ORDER BY document_id, start, id`).iterate()) {
      const theirs = raw as unknown as PassageRow;
      const documentId = documents.get(theirs.document_id);
      if (!documentId) continue; // merge-documents maps every document of the other copy
      const tagIds = (tagsOf.all(theirs.id) as { tag_id: string }[])
        .map((r) => tags.get(r.tag_id))
        .filter((t): t is string => Boolean(t));
      const sameId = byId.get(theirs.id) as PassageRow | undefined;
      const same =
        sameId && sameId.document_id === documentId && sameId.start === theirs.start && sameId.end === theirs.end
          ? sameId
          : (bySpan.get(documentId, theirs.start, theirs.end, theirs.author) as PassageRow | undefined);
      if (same) {
        ids.set(theirs.id, same.id);
        let changed = false;
        for (const tagId of tagIds) changed = Number(link.run(same.id, tagId).changes) > 0 || changed;
        const note = settle(same.note, theirs.note, true);
        const author = same.author ?? theirs.author;
        if (note.value !== same.note || author !== same.author) {
          const updatedAt = same.updated_at > theirs.updated_at ? same.updated_at : theirs.updated_at;
          update.run(note.value, author, updatedAt, same.id);
          changed = true;
        }
        if (note.conflict) {
          ctx.conflicts.push({
            kind: 'passage',
            what: `note on “${quoteOf(ctx, same)}”`,
            ours: same.note,
            theirs: theirs.note,
            resolution: 'both notes kept, one after the other',
          });
        }
        if (changed) count(ctx.updated, 'passages');
        continue;
      }
      const text = (textOf.get(documentId) as { text: string }).text;
      const id = sameId ? derivedId('passage', theirs.id, documentId, String(theirs.start), String(theirs.end)) : theirs.id;
      const quote = quoteSelector(text, theirs.start, theirs.end);
      insert.run(
        id,
        documentId,
        theirs.start,
        theirs.end,
        quote.exact,
        quote.prefix,
        quote.suffix,
        theirs.note,
        theirs.created_at,
        theirs.updated_at,
        theirs.author,
      );
      for (const tagId of tagIds) link.run(id, tagId);
      ids.set(theirs.id, id);
      count(ctx.added, 'passages');
    }
  },
};

function quoteOf(ctx: { target: { prepare(sql: string): { get(...a: string[]): unknown } } }, p: PassageRow): string {
  const row = ctx.target.prepare('SELECT exact FROM passages WHERE id = ?').get(p.id) as { exact: string } | undefined;
  const exact = row?.exact ?? '';
  return exact.length > 60 ? `${exact.slice(0, 57)}…` : exact;
}
