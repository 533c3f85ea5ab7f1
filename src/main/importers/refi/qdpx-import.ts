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
 * become that document's, tag's or the investigation's memo, and the variable values of a source its
 * document attributes (qdpx-store-qda.ts). `imported_notes` is no longer written (issue 21, joining the
 * parts): its rows from earlier imports stay, and still merge.
 */
import { DossierError } from '../../../shared/errors.ts';
import { transaction, type Database } from '../../store/database.ts';
import { cleanUserText } from '../../store/clean-text.ts';
import { sha256 } from '../../service/import-files.ts';
import { cleanResearcherName } from '../../team/researcher.ts';
import { readVerifiedZip, type ZipLimits } from '../zip-check.ts';
import { parseRefiProject, type RefiProject } from './qdpx-project.ts';
import type { QdpxImportResult } from './qdpx-result.ts';
import { storeNoteAsMemo, storeVariables, storeVariableValues } from './qdpx-store-qda.ts';
import { sourceText, storeCodes, storeDocument } from './qdpx-store-sources.ts';
import { storeSelections } from './qdpx-store-selections.ts';

export type { CodingCheck, QdpxImportResult } from './qdpx-result.ts';

export const QDPX_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };

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
    wholeSource: 0,
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
    if (storeNoteAsMemo(db, note, kind, targetId, userName(note.creatingUser))) result.notesKept++;
  };
  const attributes = storeVariables(db, project, label, result.summary.notes!);
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
    storeVariableValues(db, source, documentId, attributes, label, result.summary.notes!);
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
  const codings = result.verified + result.unchecked + result.wholeSource + result.mismatchedCodings;
  const verifiedLine = `${label}: ${result.passages} passage${result.passages === 1 ? '' : 's'} from ${codings} coding${codings === 1 ? '' : 's'}; ${result.verified} verified against their quote${result.unchecked ? `, ${result.unchecked} without a quote to check` : ''}${result.wholeSource ? `, ${result.wholeSource} of a whole source` : ''}${result.mismatchedCodings ? `, ${result.mismatchedCodings} NOT matching (listed in each document's review flags)` : ''}.`;
  result.summary.notes!.push(verifiedLine);
  if (result.dropped.length)
    result.summary.notes!.push(
      `${label}: ${result.dropped.length} coding(s) left out: ${result.dropped.slice(0, 5).join('; ')}${result.dropped.length > 5 ? '…' : ''}`,
    );
  if (result.notesKept)
    result.summary.notes!.push(`${label}: ${result.notesKept} note(s) on sources, codes or the project imported as memos.`);
  return result;
}
