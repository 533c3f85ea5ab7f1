/** Notes of an imported REFI-QDA project kept for memos (issue 21): added once each, pointing at this copy's document or tag. */
import { count, idMap, type MergeStep } from './merge-context.ts';

export const mergeImportedNotes: MergeStep = {
  kind: 'notes',
  run(ctx) {
    const insert = ctx.target.prepare(
      'INSERT OR IGNORE INTO imported_notes(id, target_kind, target_id, title, text, author, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const rows = ctx.source
      .prepare('SELECT id, target_kind, target_id, title, text, author, origin, created_at FROM imported_notes ORDER BY id')
      .all() as {
      id: string;
      target_kind: string;
      target_id: string | null;
      title: string;
      text: string;
      author: string | null;
      origin: string;
      created_at: string;
    }[];
    for (const r of rows) {
      const map =
        r.target_kind === 'document' ? idMap(ctx, 'documents') : r.target_kind === 'tag' ? idMap(ctx, 'tags') : undefined;
      const targetId = r.target_id && map ? (map.get(r.target_id) ?? r.target_id) : r.target_id;
      if (Number(insert.run(r.id, r.target_kind, targetId, r.title, r.text, r.author, r.origin, r.created_at).changes) > 0)
        count(ctx.added, 'notes');
    }
  },
};
