/** REFI-QDA import (issue 21): the codebook as tags and each text source as a document. */
import type { Block } from '../../../shared/domain.ts';
import { type Database } from '../../store/database.ts';
import { insertDocument } from '../../store/documents-repo.ts';
import { newId, nowIso } from '../../store/ids.ts';
import { TAG_PALETTE } from '../../store/tags-repo.ts';
import { cleanBodyText, cleanMetadataText, cleanUserText } from '../../store/clean-text.ts';
import { sha256 } from '../../service/import-files.ts';
import { recordImport } from '../../custody/events.ts';
import { tagPaths } from '../../team/merge/merge-tags.ts';
import { type RefiProject, type RefiSource } from './qdpx-project.ts';
import { NOTE_MAX, type QdpxImportResult } from './qdpx-result.ts';

/** The codebook as tags: parents first, an existing tag at the same path reused. */
export function storeCodes(db: Database, project: RefiProject, result: QdpxImportResult): Map<string, string> {
  const existing = db
    .prepare('SELECT id, name, parent_id, color, description, position, created_at FROM tags')
    .all() as unknown as Parameters<typeof tagPaths>[0];
  const paths = tagPaths(existing);
  const byPath = new Map(existing.map((t) => [paths.get(t.id)!.toLowerCase(), t.id]));
  const byGuid = new Map(project.codes.map((c) => [c.guid, c]));
  const tagOf = new Map<string, string>();
  let position = existing.length;
  const insert = db.prepare(
    'INSERT INTO tags(id, name, parent_id, color, description, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const pathOf = (guid: string, depth = 0): string => {
    const code = byGuid.get(guid)!;
    const name = (cleanMetadataText(code.name, 200) ?? '').replace(/\//g, '∕') || 'Unnamed code';
    return code.parentGuid && byGuid.has(code.parentGuid) && depth < 100 ? `${pathOf(code.parentGuid, depth + 1)}/${name}` : name;
  };
  for (const code of project.codes) {
    const path = pathOf(code.guid);
    const found = byPath.get(path.toLowerCase());
    if (found) {
      tagOf.set(code.guid, found);
      result.codes.reused++;
      continue;
    }
    const parentId = code.parentGuid ? (tagOf.get(code.parentGuid) ?? null) : null;
    const id = newId();
    const color =
      code.color && /^#[0-9a-f]{6}$/i.test(code.color) ? code.color.toLowerCase() : TAG_PALETTE[position % TAG_PALETTE.length]!;
    insert.run(
      id,
      path.split('/').at(-1)!,
      parentId,
      color,
      cleanUserText(code.description, { multiline: true }).slice(0, 5000),
      position++,
      nowIso(),
    );
    byPath.set(path.toLowerCase(), id);
    tagOf.set(code.guid, id);
    result.codes.created++;
  }
  return tagOf;
}

/** The source's plain text: inline, or its internal:// file under sources/ (never a path outside the project). */
export function sourceText(
  source: Pick<RefiSource, 'content' | 'plainTextPath'>,
  files: Record<string, Uint8Array>,
): string | null {
  if (source.content !== null) return source.content;
  const path = source.plainTextPath;
  if (!path || !/^internal:\/\//i.test(path)) return null;
  const name = path.replace(/^internal:\/\//i, '');
  if (/(^|[\\/])\.\.([\\/]|$)/.test(name) || name.includes('\\')) return null;
  const data = files[`sources/${name}`] ?? files[`Sources/${name}`];
  if (!data) return null;
  // UTF-8 as the standard says; a UTF-16 BOM (some Windows tools) is honoured.
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder().decode(data).replace(/^\ufeff/, '');
}

/** Paragraph blocks at the text's line breaks, the text itself unchanged (its offsets are the project's). */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    if (m[0].trim()) blocks.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length });
  return blocks;
}

export function storeDocument(
  db: Database,
  source: RefiSource,
  raw: string,
  label: string,
  file: { bytes: Uint8Array; sha256: string },
  project: RefiProject,
  result: QdpxImportResult,
): string {
  const { bytes, sha256: originalHash } = file;
  const text = cleanBodyText(raw);
  const contentHash = sha256(text);
  const existing = db.prepare('SELECT id, title FROM documents WHERE content_hash = ?').get(contentHash) as
    { id: string; title: string } | undefined;
  if (existing) {
    result.summary.duplicates.push({ path: `${label}: ${source.name}`, existingId: existing.id, existingTitle: existing.title });
    return existing.id;
  }
  const id = newId();
  insertDocument(
    db,
    id,
    {
      title: cleanMetadataText(source.name, 1000) || 'Untitled source',
      source: cleanMetadataText(project.origin, 200) || null,
      author: null,
      url: null,
      publishedAt: null,
      language: null,
      format: 'txt',
      text,
      blocks: blocksOf(text),
      pageStarts: null,
      meta: {
        refiQda: {
          project: cleanMetadataText(project.name, 300),
          origin: cleanMetadataText(project.origin, 200),
          sourceGuid: source.guid,
          description: cleanUserText(source.description, { multiline: true }).slice(0, NOTE_MAX),
        },
      },
      originalHtml: null,
      reviewFlags: [],
      contentHash,
      originalHash,
      originalName: label,
      originalBytes: bytes,
    },
    nowIso(),
  );
  const title = cleanMetadataText(source.name, 1000) || 'Untitled source';
  // Issue 19: every imported document enters the chain of custody; the project file is its original.
  recordImport(
    db,
    { id, title, format: 'txt', contentHash, originalHash, originalName: label, meta: {} },
    { path: label, name: label, bytes },
  );
  result.summary.imported.push({ id, path: `${label}: ${source.name}`, title });
  return id;
}
