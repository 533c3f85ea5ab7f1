/**
 * The facts each kind of custody entry records (issue 19), built here so each call site in the
 * rest of the code stays one line. Each function reads what it needs before the change is made.
 */
import { createHash } from 'node:crypto';
import type { CustodyHead } from '../../shared/custody.ts';
import type { PassageView } from '../../shared/domain.ts';
import type { Database } from '../store/database.ts';
import { appendCustody, custodyHead, custodyHeadFile, flushCustodyHead, type CustodyActor, type CustodyEvent } from './custody-log.ts';
import { readHeadFile } from './head-file.ts';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Each file's SHA-256, hashed once however many documents (messages of an mbox) it holds. */
const fileHashes = new WeakMap<Uint8Array, string>();
function fileSha256(bytes: Uint8Array): string {
  let hash = fileHashes.get(bytes);
  if (!hash) fileHashes.set(bytes, (hash = sha256(bytes)));
  return hash;
}

/** One imported document: the file as the user gave it, and what was stored. */
export function recordImport(
  db: Database,
  doc: { id: string; title: string; format: string; contentHash: string; originalHash: string; originalName: string; meta: Record<string, unknown> },
  file: { path: string; name: string; bytes: Uint8Array },
): void {
  const fileHash = doc.originalName === file.name ? doc.originalHash : fileSha256(file.bytes);
  appendCustody(db, {
    kind: 'import',
    documentId: doc.id,
    details: {
      title: doc.title,
      format: doc.format,
      file: { name: file.name, sourcePath: file.path, size: file.bytes.byteLength, sha256: fileHash },
      ...(doc.originalHash !== fileHash ? { part: { name: doc.originalName, sha256: doc.originalHash } } : {}),
      contentHash: doc.contentHash,
      ...(doc.meta.capture ? { capture: doc.meta.capture } : {}),
    },
  });
}

/** A metadata edit: each changed field with its value before and after. */
export function recordMetadataEdit(db: Database, documentId: string, before: Record<string, unknown>, after: Record<string, unknown>): void {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  for (const [field, value] of Object.entries(after)) changes[field] = { old: before[field] ?? null, new: value ?? null };
  if (Object.keys(changes).length) appendCustody(db, { kind: 'metadata-edit', documentId, details: { changes } });
}

const tagNames = (db: Database, ids: string[]) =>
  ids.map((id) => (db.prepare('SELECT name FROM tags WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? id);

function passageFacts(p: Pick<PassageView, 'id' | 'start' | 'end' | 'exact'>) {
  return { passageId: p.id, start: p.start, end: p.end, exactSha256: sha256(p.exact), exact: p.exact.length > 200 ? `${p.exact.slice(0, 200)}…` : p.exact };
}

export function recordPassageCreate(db: Database, p: PassageView): void {
  appendCustody(db, { kind: 'passage-create', documentId: p.documentId, details: { ...passageFacts(p), note: p.note, tags: tagNames(db, p.tagIds) } });
}

/** A passage's note or tags changed: 'tags-apply' when only its tags did. */
export function recordPassageEdit(db: Database, before: PassageView, after: PassageView): void {
  const added = after.tagIds.filter((t) => !before.tagIds.includes(t));
  const removed = before.tagIds.filter((t) => !after.tagIds.includes(t));
  const noteChanged = before.note !== after.note;
  if (!noteChanged && !added.length && !removed.length) return;
  appendCustody(db, {
    kind: noteChanged ? 'passage-edit' : 'tags-apply',
    documentId: after.documentId,
    details: {
      passageId: after.id,
      ...(noteChanged ? { note: { old: before.note, new: after.note } } : {}),
      ...(added.length ? { tagsAdded: tagNames(db, added) } : {}),
      ...(removed.length ? { tagsRemoved: tagNames(db, removed) } : {}),
    },
  });
}

export function recordPassageDelete(db: Database, p: Pick<PassageView, 'id' | 'documentId' | 'start' | 'end' | 'exact'>): void {
  appendCustody(db, { kind: 'passage-delete', documentId: p.documentId, details: passageFacts(p) });
}

/** A tag merged into another or deleted: how many passages it took with it. */
export function recordTagChange(db: Database, kind: 'tag-merge' | 'tag-delete', tagId: string, targetId?: string): void {
  const passages = (db.prepare('SELECT count(*) AS n FROM passage_tags WHERE tag_id = ?').get(tagId) as { n: number }).n;
  const [name] = tagNames(db, [tagId]);
  appendCustody(db, { kind, details: { tag: name, passages, ...(targetId ? { into: tagNames(db, [targetId])[0] } : {}) } });
}

/** Before a document is deleted: its tombstone, with the hashes that identify what was removed. */
export function recordDocumentDelete(db: Database, id: string): void {
  const row = db
    .prepare(
      `SELECT title, format, original_name, original_hash, content_hash, byte_size,
        (SELECT count(*) FROM passages WHERE document_id = documents.id) AS passages FROM documents WHERE id = ?`,
    )
    .get(id) as Record<string, string | number> | undefined;
  if (!row) return;
  appendCustody(db, {
    kind: 'document-delete',
    documentId: id,
    details: {
      title: row.title,
      format: row.format,
      originalName: row.original_name,
      originalHash: row.original_hash,
      contentHash: row.content_hash,
      size: row.byte_size,
      passagesRemoved: row.passages,
    },
  });
}

export function recordUndo(db: Database, label: string): void {
  appendCustody(db, { kind: 'undo', details: { label } });
}

/** Redo of an undone action (issue 14). */
export function recordRedo(db: Database, label: string): void {
  appendCustody(db, { kind: 'redo', details: { label } });
}

/** An export: each file written with its SHA-256, and the documents it cites (their entries then show it). */
export function recordExport(
  db: Database,
  what: { format: string; reportId?: string | undefined; title?: string | undefined; documentIds?: string[] | undefined },
  files: { path: string; bytes: Uint8Array }[],
): void {
  const details = {
    format: what.format,
    ...(what.reportId ? { reportId: what.reportId, title: what.title } : {}),
    files: files.map((f) => ({ path: f.path, size: f.bytes.byteLength, sha256: sha256(f.bytes) })),
    ...(what.documentIds ? { documentIds: what.documentIds } : {}),
  };
  appendCustody(db, { kind: 'export', details });
}

/** The archive written: its SHA-256 and the custody head its manifest repeats. */
export function recordArchiveExport(db: Database, file: { path: string; bytes: Uint8Array }, head: CustodyHead | null, actor: CustodyActor): void {
  appendCustody(db, { kind: 'archive-export', details: { path: file.path, size: file.bytes.byteLength, sha256: sha256(file.bytes), manifestHead: head } }, actor);
}

export function recordArchiveImport(
  db: Database,
  archive: { name: string; sha256: string; createdAt: string; appVersion: string; investigation: string; head: CustodyHead | null },
  actor: CustodyActor,
): void {
  appendCustody(db, { kind: 'archive-import', details: { archive } }, actor);
}

/** Call before a restore: writes the head file and returns the head the restore replaces. */
export function headBeforeRestore(db: Database): CustodyHead | null {
  flushCustodyHead(db);
  return custodyHead(db);
}

export function recordRestore(db: Database, restored: { name: string; createdAt: string }, safetyBackup: string | null, replacedHead: CustodyHead | null): void {
  appendCustody(db, { kind: 'restore', details: { backup: restored.name, backupTakenAt: restored.createdAt, safetyBackup, replacedHead } });
}

/**
 * A restore made while the store was closed (it was damaged): the head it replaced is the one the
 * head file last recorded, since the damaged store can no longer be read.
 */
export function recordClosedRestore(db: Database, restored: { name: string; createdAt: string }): void {
  const file = custodyHeadFile(db);
  const recorded = file ? readHeadFile(file) : null;
  recordRestore(db, restored, null, recorded && recorded !== 'unreadable' ? recorded : null);
}

export type { CustodyEvent };
