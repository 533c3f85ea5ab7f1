/**
 * Documents of a merge (issue 21): the same text (content hash) is the same document, whatever its
 * id; a new one is copied whole with its original bytes. Metadata both copies hold differently is
 * settled field by field (merge-context.ts `settle`) and listed.
 */
import { newId } from '../../store/ids.ts';
import { count, idMap, settle, type MergeContext, type MergeStep } from './merge-context.ts';

const COLUMNS = [
  'id',
  'title',
  'source',
  'author',
  'url',
  'published_at',
  'language',
  'format',
  'text',
  'blocks',
  'page_starts',
  'meta',
  'original_html',
  'review_flags',
  'content_hash',
  'original_hash',
  'original_name',
  'byte_size',
  'imported_at',
] as const;
/** Fields a researcher edits (documents:updateMeta); the rest never changes after import. */
const EDITABLE = ['title', 'source', 'author', 'url', 'published_at', 'language'] as const;

type Row = Record<(typeof COLUMNS)[number], string | number | null>;

export const mergeDocuments: MergeStep = {
  kind: 'documents',
  run(ctx) {
    const ids = idMap(ctx, 'documents');
    const byHash = ctx.target.prepare(`SELECT ${COLUMNS.join(', ')} FROM documents WHERE content_hash = ?`);
    const idTaken = ctx.target.prepare('SELECT 1 FROM documents WHERE id = ?');
    const original = ctx.source.prepare('SELECT bytes, byte_size FROM originals WHERE sha256 = ?');
    const insertOriginal = ctx.target.prepare('INSERT OR IGNORE INTO originals(sha256, bytes, byte_size) VALUES (?, ?, ?)');
    const insert = ctx.target.prepare(
      `INSERT INTO documents(${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const raw of ctx.source.prepare(`SELECT ${COLUMNS.join(', ')} FROM documents ORDER BY content_hash`).iterate()) {
      const theirs = raw as unknown as Row;
      const ours = byHash.get(theirs.content_hash) as unknown as Row | undefined;
      if (ours) {
        ids.set(String(theirs.id), String(ours.id));
        settleMetadata(ctx, ours, theirs);
        continue;
      }
      const id = idTaken.get(theirs.id) ? newId() : String(theirs.id);
      const bytes = original.get(theirs.original_hash) as { bytes: Uint8Array; byte_size: number } | undefined;
      if (bytes) insertOriginal.run(theirs.original_hash, bytes.bytes, bytes.byte_size);
      insert.run(...COLUMNS.map((c) => (c === 'id' ? id : theirs[c])));
      ids.set(String(theirs.id), id);
      count(ctx.added, 'documents');
    }
  },
};

function settleMetadata(ctx: MergeContext, ours: Row, theirs: Row): void {
  const changes: Record<string, string> = {};
  for (const field of EDITABLE) {
    const a = String(ours[field] ?? '');
    const b = String(theirs[field] ?? '');
    const { value, conflict } = settle(a, b, false);
    if (value !== a) changes[field] = value;
    if (conflict) {
      ctx.conflicts.push({
        kind: 'document',
        what: `${field.replace('_', ' ')} of “${String(ours.title)}”`,
        ours: a,
        theirs: b,
        resolution: `kept “${value}” in both copies' merge; edit the document to choose`,
      });
    }
  }
  const fields = Object.keys(changes);
  if (!fields.length) return;
  ctx.target
    .prepare(
      `UPDATE documents SET ${fields.map((f) => `${f} = ?`).join(', ')}, index_generation = (SELECT CAST(value AS INTEGER) + 1 FROM store_meta WHERE key = 'generation') WHERE id = ?`,
    )
    .run(...fields.map((f) => changes[f]!), String(ours.id));
  count(ctx.updated, 'documents');
}
