/**
 * Memos (issue 21, item 1): one per document, per tag and for the investigation, written in Markdown.
 * Saving an empty memo removes it. The author is the researcher's name when the caller knows it.
 */
import type { Memo, MemoScope } from '../../shared/qda.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { newId, nowIso } from '../store/ids.ts';
import { cleanUserText } from '../store/clean-text.ts';

export const MEMO_MAX = 1_000_000;

interface MemoRow {
  id: string;
  scope: MemoScope;
  document_id: string | null;
  tag_id: string | null;
  body: string;
  author: string | null;
  created_at: string;
  updated_at: string;
  label: string | null;
}

/** Memos with what they are about; a memo whose document or tag is gone never shows (the foreign keys remove it). */
const SELECT = `SELECT m.id, m.scope, m.document_id, m.tag_id, m.body, m.author, m.created_at, m.updated_at,
  coalesce(d.title, t.name) AS label
  FROM memos m LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN tags t ON t.id = m.tag_id`;

const toMemo = (r: MemoRow): Memo => ({
  id: r.id,
  scope: r.scope,
  targetId: r.document_id ?? r.tag_id,
  targetLabel: r.label,
  body: r.body,
  author: r.author,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function targetColumns(db: Database, scope: MemoScope, targetId: string | null | undefined): { documentId: string | null; tagId: string | null } {
  if (scope === 'investigation') {
    if (targetId) throw new DossierError('BAD_INPUT', 'The investigation memo is about the whole investigation: give no document or tag.');
    return { documentId: null, tagId: null };
  }
  if (!targetId) throw new DossierError('BAD_INPUT', `A ${scope} memo needs the ${scope}'s id.`);
  const table = scope === 'document' ? 'documents' : 'tags';
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(targetId)) {
    throw new DossierError('NOT_FOUND', scope === 'document' ? 'That document is no longer in the investigation.' : 'That tag is no longer in the codebook.');
  }
  return scope === 'document' ? { documentId: targetId, tagId: null } : { documentId: null, tagId: targetId };
}

export function getMemo(db: Database, scope: MemoScope, targetId?: string | null): Memo | null {
  const { documentId, tagId } = targetColumns(db, scope, targetId);
  const row = db
    .prepare(`${SELECT} WHERE m.scope = ? AND m.document_id IS ? AND m.tag_id IS ?`)
    .get(scope, documentId, tagId) as MemoRow | undefined;
  return row ? toMemo(row) : null;
}

export function listMemos(db: Database): Memo[] {
  const order = `ORDER BY CASE m.scope WHEN 'investigation' THEN 0 WHEN 'tag' THEN 1 ELSE 2 END, label COLLATE NOCASE, m.id`;
  return (db.prepare(`${SELECT} ${order}`).all() as unknown as MemoRow[]).map(toMemo);
}

/** Writes a memo (created on first save); an empty body removes it and gives null. */
export function saveMemo(db: Database, input: { scope: MemoScope; targetId?: string | null | undefined; body: string; author?: string | null | undefined }): Memo | null {
  const { documentId, tagId } = targetColumns(db, input.scope, input.targetId);
  // Typed text, cleaned like every other text a person writes (controls, bidi overrides: store/clean-text.ts).
  const body = cleanUserText(input.body, { multiline: true });
  if (body.length > MEMO_MAX) throw new DossierError('TOO_LARGE', `A memo holds at most ${MEMO_MAX.toLocaleString('en')} characters.`);
  const author = input.author?.trim() ? cleanUserText(input.author, { multiline: false }).slice(0, 200) : null;
  const existing = getMemo(db, input.scope, input.targetId);
  if (!body.trim()) {
    if (existing) db.prepare('DELETE FROM memos WHERE id = ?').run(existing.id);
    return null;
  }
  const now = nowIso();
  if (existing) {
    db.prepare('UPDATE memos SET body = ?, author = ?, updated_at = ? WHERE id = ?').run(body, author ?? existing.author, now, existing.id);
  } else {
    db.prepare('INSERT INTO memos (id, scope, document_id, tag_id, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      newId(),
      input.scope,
      documentId,
      tagId,
      body,
      author,
      now,
      now,
    );
  }
  return getMemo(db, input.scope, input.targetId);
}
