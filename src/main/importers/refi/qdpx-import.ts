/**
 * Imports a REFI-QDA project (.qdpx: a zip of project.qde and sources/) into the open investigation
 * (issue 21, item 5), in one transaction: every text source as a document (its plain text kept as
 * written, so the positions stay true), the codebook as tags (a code whose path already exists
 * reuses that tag), and every PlainTextSelection as passages, one per coder, with the tags of its
 * codings and the coder's name as author. Each coding's positions are read the way that matches the
 * quotes the tool wrote (qdpx-offsets.ts) and every coding is checked against its quote; those that
 * do not match are listed in the result and in the document's review flags, never silently placed.
 *
 * Notes: a note on a selection joins the passage's note; notes on a source, a code or the project
 * are kept in `imported_notes` for the memo feature to adopt (issue 21, item 1).
 */
import { DossierError } from '../../../shared/errors.ts';
import type { ImportSummary } from '../../../shared/domain.ts';
import { transaction, type Database } from '../../store/database.ts';
import { insertDocument } from '../../store/documents-repo.ts';
import { newId, nowIso } from '../../store/ids.ts';
import { insertPassage } from '../../store/passages-repo.ts';
import { TAG_PALETTE } from '../../store/tags-repo.ts';
import { cleanBodyText, cleanMetadataText, cleanUserText } from '../../store/clean-text.ts';
import { sha256 } from '../../service/import-files.ts';
import { recordImport } from '../../custody/events.ts';
import { cleanResearcherName } from '../../team/researcher.ts';
import { tagPaths } from '../../team/merge/merge-tags.ts';
import { readVerifiedZip, type ZipLimits } from '../zip-check.ts';
import { defaultReading, offsetReadings, quoteMatches, type OffsetReading } from './qdpx-offsets.ts';
import { parseRefiProject, type RefiProject, type RefiSelection, type RefiSource } from './qdpx-project.ts';
import type { Block } from '../../../shared/domain.ts';

export const QDPX_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };
const NOTE_MAX = 20_000;

export interface CodingCheck {
  source: string;
  selection: string;
  /** What the tool wrote as the quote, and what the text holds at the positions. */
  expected: string;
  found: string;
}

export interface QdpxImportResult {
  summary: ImportSummary;
  codes: { created: number; reused: number };
  passages: number;
  /** Codings whose quote matched the text at their positions. */
  verified: number;
  /** Codings with no quote to check (the tool wrote no selection name). */
  unchecked: number;
  mismatched: CodingCheck[];
  /** Codings of the mismatched selections (a selection may hold several coders' codings). */
  mismatchedCodings: number;
  /** Codings left out: positions outside the text, or a code not in the codebook. */
  dropped: string[];
  notesKept: number;
  /** Per document title, how its positions were read. */
  readings: Record<string, string>;
}

export function importQdpx(db: Database, bytes: Uint8Array, label: string, limits: ZipLimits = QDPX_LIMITS): QdpxImportResult {
  const files = readVerifiedZip(bytes, label, limits, 'REFI-QDA project').files;
  const qde = Object.keys(files).find((n) => /(^|\/)[^/]+\.qde$/i.test(n) && !n.includes('/'));
  if (!qde) throw new DossierError('PARSE_FAILED', `${label} is not a REFI-QDA project: it has no project.qde.`);
  const project = parseRefiProject(new TextDecoder().decode(files[qde]), label);
  return transaction(db, () => storeProject(db, project, files, label, bytes));
}

function storeProject(
  db: Database,
  project: RefiProject,
  files: Record<string, Uint8Array>,
  label: string,
  bytes: Uint8Array,
): QdpxImportResult {
  const result: QdpxImportResult = {
    summary: { imported: [], duplicates: [], failed: [], skipped: [], notes: [] },
    codes: { created: 0, reused: 0 },
    passages: 0,
    verified: 0,
    unchecked: 0,
    mismatched: [],
    mismatchedCodings: 0,
    dropped: [],
    notesKept: 0,
    readings: {},
  };
  const userName = (guid: string | null) => (guid ? cleanResearcherName(project.users.get(guid) ?? null) : null);
  const tagOf = storeCodes(db, project, result);
  const projectFile = { bytes, sha256: sha256(bytes) };
  const notes = new Map(
    project.notes.map((n) => [
      n.guid,
      { ...n, text: n.text || sourceText({ content: null, plainTextPath: n.plainTextPath }, files) || '' },
    ]),
  );
  const usedNotes = new Set<string>();
  const keepNote = (guid: string, kind: 'investigation' | 'document' | 'tag', targetId: string | null) => {
    const note = notes.get(guid);
    if (!note || usedNotes.has(`${kind}:${guid}`)) return;
    usedNotes.add(`${kind}:${guid}`);
    usedNotes.add(guid);
    db.prepare(
      'INSERT OR IGNORE INTO imported_notes(id, target_kind, target_id, title, text, author, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      note.guid,
      kind,
      targetId,
      cleanMetadataText(note.name, 300) ?? '',
      cleanUserText(note.text, { multiline: true }).slice(0, NOTE_MAX),
      userName(note.creatingUser),
      `${label}${project.origin ? ` (${cleanMetadataText(project.origin, 100)})` : ''}`,
      note.creationDateTime ?? nowIso(),
    );
    result.notesKept++;
  };
  for (const code of project.codes) {
    const tagId = tagOf.get(code.guid);
    for (const ref of code.noteRefs) if (tagId) keepNote(ref, 'tag', tagId);
  }
  for (const source of project.sources) {
    if (source.kind !== 'TextSource') {
      result.summary.skipped.push({
        path: `${label}: ${source.name}`,
        reason: `a ${source.kind.replace('Source', '')} source; only text sources are imported`,
      });
      continue;
    }
    const text = sourceText(source, files);
    if (text === null) {
      result.summary.failed.push({
        path: `${label}: ${source.name}`,
        code: 'NOT_FOUND',
        message: `${label}: the text of “${source.name}” is not in the project (${source.plainTextPath ?? 'no plainTextPath'}).`,
      });
      continue;
    }
    const documentId = storeDocument(db, source, text, label, projectFile, project, result);
    for (const ref of source.noteRefs) keepNote(ref, 'document', documentId);
    const stored = (db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
    storeSelections(
      db,
      source,
      stored,
      documentId,
      tagOf,
      userName,
      (guid) => {
        const n = notes.get(guid);
        if (n) usedNotes.add(guid);
        return n ? cleanUserText(n.text, { multiline: true }) : '';
      },
      result,
      project.origin,
    );
  }
  for (const note of project.notes) if (!usedNotes.has(note.guid)) keepNote(note.guid, 'investigation', null);
  const verifiedLine = `${label}: ${result.passages} passage${result.passages === 1 ? '' : 's'} from ${result.verified + result.unchecked + result.mismatchedCodings} codings; ${result.verified} verified against their quote${result.unchecked ? `, ${result.unchecked} without a quote to check` : ''}${result.mismatchedCodings ? `, ${result.mismatchedCodings} NOT matching (listed in each document's review flags)` : ''}.`;
  result.summary.notes!.push(verifiedLine);
  if (result.dropped.length)
    result.summary.notes!.push(
      `${label}: ${result.dropped.length} coding(s) left out: ${result.dropped.slice(0, 5).join('; ')}${result.dropped.length > 5 ? '…' : ''}`,
    );
  if (result.notesKept)
    result.summary.notes!.push(`${label}: ${result.notesKept} note(s) on sources, codes or the project kept for memos.`);
  return result;
}

/** The codebook as tags: parents first, an existing tag at the same path reused. */
function storeCodes(db: Database, project: RefiProject, result: QdpxImportResult): Map<string, string> {
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
function sourceText(source: Pick<RefiSource, 'content' | 'plainTextPath'>, files: Record<string, Uint8Array>): string | null {
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

function storeDocument(
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

/** The reading under which most selections' quotes match; with no quote to tell, the one the project's origin suggests. */
function chooseReading(
  selections: RefiSelection[],
  text: string,
  origin: string,
): { reading: OffsetReading; readings: OffsetReading[] } {
  const readings = offsetReadings(text);
  // A quote equal to the text scores 2, one equal up to spacing or cut short 1; ties keep the origin's reading.
  const score = (reading: OffsetReading) => {
    let total = 0;
    for (const s of selections) {
      const start = reading.toUnits(s.start);
      const end = reading.toUnits(s.end);
      if (start === undefined || end === undefined || end <= start || !s.name.trim()) continue;
      const found = text.slice(start, end);
      total +=
        found === s.name || (s.name.length >= 20 && found.startsWith(s.name.replace(/(…|\.\.\.)$/, '')))
          ? 2
          : quoteMatches(found, s.name)
            ? 1
            : 0;
    }
    return total;
  };
  let best = defaultReading(origin, readings);
  let bestScore = score(best);
  for (const reading of readings) {
    const value = score(reading);
    if (value > bestScore) [best, bestScore] = [reading, value];
  }
  return { reading: best, readings };
}

function storeSelections(
  db: Database,
  source: RefiSource,
  text: string,
  documentId: string,
  tagOf: Map<string, string>,
  userName: (guid: string | null) => string | null,
  noteText: (guid: string) => string,
  result: QdpxImportResult,
  origin: string,
): void {
  const { reading, readings } = chooseReading(source.selections, text, origin);
  result.readings[source.name] = reading.name;
  const mismatches: string[] = [];
  const uncertain: string[] = [];
  const sameSpan = db.prepare('SELECT id FROM passages WHERE document_id = ? AND start = ? AND end = ? AND author IS ?');
  const link = db.prepare('INSERT OR IGNORE INTO passage_tags(passage_id, tag_id) VALUES (?, ?)');
  for (const s of source.selections) {
    const start = reading.toUnits(s.start);
    const end = reading.toUnits(s.end);
    const where = `“${source.name}” ${s.written}`;
    if (start === undefined || end === undefined || !(end > start)) {
      result.dropped.push(`${where}: outside the text (length ${text.length})`);
      continue;
    }
    const found = text.slice(start, end);
    if (!s.name.trim()) {
      result.unchecked += Math.max(1, s.codings.length);
      // No quote: where the readings place it differently, say so rather than guess in silence.
      const places = new Set(readings.map((r) => `${r.toUnits(s.start)}-${r.toUnits(s.end)}`));
      if (places.size > 1) uncertain.push(`${s.start}–${s.end} (“${found.slice(0, 40)}”)`);
    } else if (quoteMatches(found, s.name)) result.verified += Math.max(1, s.codings.length);
    else {
      result.mismatched.push({ source: source.name, selection: s.guid, expected: s.name, found });
      result.mismatchedCodings += Math.max(1, s.codings.length);
      mismatches.push(`${s.start}–${s.end}: expected “${s.name.slice(0, 60)}”, found “${found.slice(0, 60)}”`);
    }
    const note = [cleanUserText(s.description, { multiline: true }), ...s.noteRefs.map(noteText)]
      .filter(Boolean)
      .join('\n\n')
      .slice(0, NOTE_MAX);
    // One passage per coder: inter-coder agreement compares them (team/agreement.ts).
    const byCoder = new Map<string | null, string[]>();
    const codings = s.codings.length ? s.codings : [{ codeGuid: '', creatingUser: s.creatingUser }];
    for (const c of codings) {
      const author = userName(c.creatingUser ?? s.creatingUser);
      const tags = byCoder.get(author) ?? [];
      const tagId = c.codeGuid ? tagOf.get(c.codeGuid) : undefined;
      if (c.codeGuid && !tagId) result.dropped.push(`${where}: its code ${c.codeGuid} is not in the codebook`);
      if (tagId) tags.push(tagId);
      byCoder.set(author, tags);
    }
    for (const [author, tagIds] of byCoder) {
      const existing = sameSpan.get(documentId, start, end, author) as { id: string } | undefined;
      if (existing) {
        for (const tagId of tagIds) link.run(existing.id, tagId);
        continue;
      }
      insertPassage(db, { documentId, start, end, text, note, tagIds, author });
      result.passages++;
    }
  }
  const flags: string[] = [];
  if (mismatches.length) {
    flags.push(
      `REFI-QDA import: ${mismatches.length} coding(s) do not match their quote (positions read as ${reading.name}): ${mismatches.slice(0, 5).join('; ')}${mismatches.length > 5 ? '…' : ''}`,
    );
  }
  if (uncertain.length) {
    flags.push(
      `REFI-QDA import: ${uncertain.length} coding(s) came without a quote and lie where tools count characters differently; placed by reading positions as ${reading.name}: ${uncertain.slice(0, 5).join('; ')}${uncertain.length > 5 ? '…' : ''}`,
    );
  }
  if (flags.length) {
    const row = db.prepare('SELECT review_flags FROM documents WHERE id = ?').get(documentId) as { review_flags: string };
    const all = [...(JSON.parse(row.review_flags) as string[]), ...flags.map((f) => cleanMetadataText(f, 2000) ?? f)];
    db.prepare('UPDATE documents SET review_flags = ? WHERE id = ?').run(JSON.stringify(all), documentId);
  }
}
