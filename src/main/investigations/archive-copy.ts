/**
 * Copies an archive's rows into a store Dossier built with its own migrations (issue 13), each row
 * through archive-document-rows.ts and archive-coding-rows.ts. Only the columns named here are read; everything else in the archive's
 * store (index_generation, the search generation, unknown tables) is derived again or dropped.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ArchiveManifest } from '../../shared/investigations.ts';
import { sha256 } from '../service/import-files.ts';
import { bumpGeneration, transaction, type Database } from '../store/database.ts';
import { insertDocument } from '../store/documents-repo.ts';
import { cleanPassage, cleanReport, cleanStoreName, cleanTag, orderTags, passageTagRow, type CleanTag } from './archive-coding-rows.ts';
import { checkOriginal, cleanDocument } from './archive-document-rows.ts';
import { shown } from './archive-row-rules.ts';
import { cleanQuoteSnapshot } from './archive-snapshot-rows.ts';
import { saveQuoteSnapshot } from '../store/quote-snapshots-repo.ts';
import { ArchiveProblem } from './archive-schema.ts';
import { copyCustodyRows } from '../custody/copy.ts';
import { cleanUserText } from '../store/clean-text.ts';
import type { CustodyHead } from '../../shared/custody.ts';
import { copyQdaRows, QDA_COPIED_COLUMNS } from '../qda/archive-qda-rows.ts';
import { cleanResearcherName } from '../team/researcher.ts';

/** Per table, the columns read from an archive. Any other column of Dossier's schema is derived (see the test that keeps this list whole). */
export const COPIED_COLUMNS = {
  originals: ['sha256', 'bytes'],
  documents: [
    'id', 'title', 'source', 'author', 'url', 'published_at', 'language', 'format', 'text', 'blocks', 'page_starts', 'meta',
    'original_html', 'review_flags', 'content_hash', 'original_hash', 'original_name', 'imported_at',
  ],
  tags: ['id', 'name', 'parent_id', 'color', 'description', 'position', 'created_at'],
  // 'author' (issue 21) is read apart by copyTeamRows: archives from before migration 7 lack it.
  passages: ['id', 'document_id', 'start', 'end', 'exact', 'note', 'created_at', 'updated_at', 'author'],
  passage_tags: ['passage_id', 'tag_id'],
  reports: ['id', 'title', 'subtitle', 'author_line', 'report_date', 'body', 'settings', 'created_at', 'updated_at'],
  store_meta: ['key', 'value'],
  // Issue 15: the user's alias groups, each name cleaned as typed text.
  alias_groups: ['id', 'label', 'names', 'created_at'],
  // Issue 19: copied verbatim after its whole chain is checked (custody/copy.ts), so it stays valid here.
  custody_log: ['seq', 'at', 'kind', 'document_id', 'researcher', 'app_version', 'details', 'prev_hash', 'hash'],
  quote_snapshots: ['passage_id', 'document_id', 'quote', 'source', 'deleted_at'],
  // Issue 21: memos and document attributes (qda/archive-qda-rows.ts).
  ...QDA_COPIED_COLUMNS,
  // Issue 21: the notes of REFI-QDA imports kept for memos (passages.author is listed above).
  imported_notes: ['id', 'target_kind', 'target_id', 'title', 'text', 'author', 'origin', 'created_at'],
} as const;

/** Columns of Dossier's schema that are never read from an archive, and why. */
export const DERIVED_COLUMNS: Record<string, string> = {
  'originals.byte_size': 'the length of the bytes',
  'documents.byte_size': "the length of the original's bytes",
  'documents.index_generation': 'the new store builds its search index from scratch',
  'passages.prefix': 'cut again from the text',
  'passages.suffix': 'cut again from the text',
  // Issue 18: entities, mentions and dates are read again from the documents by the entity job when
  // the imported investigation opens. The user's entity corrections are not carried by archives yet.
  ...Object.fromEntries(
    [
      ['entities', ['id', 'key', 'type', 'label', 'created_at']],
      ['entity_mentions', ['id', 'entity_id', 'document_id', 'start', 'end', 'text', 'key']],
      ['document_dates', ['id', 'document_id', 'start', 'end', 'text', 'value', 'precision', 'relative']],
      ['entity_extractions', ['document_id', 'version', 'extracted_at']],
      ['entity_corrections', ['id', 'kind', 'key', 'target', 'surface', 'document_id', 'start', 'end', 'created_at']],
    ].flatMap(([table, columns]) => (columns as string[]).map((c) => [`${table as string}.${c}`, 'read again from the documents by the entity job (issue 18); corrections are not carried'])),
  ),
  // Issue 17: the library's sort keys and the search index's change log.
  'documents.title_key': 'computed from the title as the document is stored (store/sort-key.ts)',
  'documents.source_key': 'computed from the source as the document is stored (store/sort-key.ts)',
  'document_changes.seq': "the new store's own change log, written by its triggers as documents are copied",
  'document_changes.document_id': "the new store's own change log, written by its triggers as documents are copied",
  // Issue 17 (library windows): kept by the new store's triggers as documents are copied.
  'library_generation.id': "the new store's own counter, bumped by its triggers as documents are copied",
  'library_generation.value': "the new store's own counter, bumped by its triggers as documents are copied",
  'library_counts.key': "the new store's own counts, kept by its triggers as documents are copied",
  'library_counts.n': "the new store's own counts, kept by its triggers as documents are copied",
};

type Table = keyof typeof COPIED_COLUMNS;

const READ_APART = new Set(['passages.author']);

const select = (table: Table, tail = '') =>
  `SELECT ${COPIED_COLUMNS[table].filter((c) => !READ_APART.has(`${table}.${c}`)).map((c) => `"${c}"`).join(', ')} FROM "${table}" ${tail}`;

/** Issue 21: each passage's author, cleaned like a typed name, and the kept notes of REFI-QDA imports. */
function copyTeamRows(source: DatabaseSync, target: Database, passages: Set<string>, documents: Set<string>, tags: Set<string>): void {
  const setAuthor = target.prepare('UPDATE passages SET author = ? WHERE id = ?');
  for (const raw of source.prepare('SELECT "id", "author" FROM "passages"').iterate()) {
    const row = raw as { id?: unknown; author?: unknown };
    if (typeof row.id !== 'string' || !passages.has(row.id) || row.author == null) continue;
    if (typeof row.author !== 'string') throw new ArchiveProblem(`the author of passage ${row.id} is not a name; the store was altered.`);
    setAuthor.run(cleanResearcherName(row.author), row.id);
  }
  const insertNote = target.prepare('INSERT INTO imported_notes(id, target_kind, target_id, title, text, author, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const raw of source.prepare(select('imported_notes')).iterate()) {
    const r = raw as Record<string, unknown>;
    const kind = r.target_kind;
    const targetId = typeof r.target_id === 'string' ? r.target_id : null;
    const known = kind === 'investigation' ? targetId === null : kind === 'document' ? targetId !== null && documents.has(targetId) : kind === 'tag' ? targetId !== null && tags.has(targetId) : false;
    if (typeof r.id !== 'string' || typeof r.text !== 'string' || typeof r.created_at !== 'string' || !known) {
      throw new ArchiveProblem('a kept note of a REFI-QDA import points at nothing in the store; the store was altered.');
    }
    insert(`the kept note ${r.id}`, () =>
      insertNote.run(
        r.id as string, kind as string, targetId,
        cleanUserText(typeof r.title === 'string' ? r.title : '', { multiline: false }).slice(0, 300),
        cleanUserText(r.text as string, { multiline: true }).slice(0, 20_000),
        typeof r.author === 'string' ? cleanResearcherName(r.author) : null,
        cleanUserText(typeof r.origin === 'string' ? r.origin : '', { multiline: false }).slice(0, 400),
        r.created_at as string,
      ),
    );
  }
}

export interface CopyResult {
  name: string | null;
  counts: ArchiveManifest['counts'];
  /** Sentences on what was cleaned: documents (which also carry a review flag) and tag colours. */
  cleaned: string[];
  /** Where the copied custody log ends (issue 19), to compare with the manifest's head. */
  custodyHead: CustodyHead | null;
}

/** Copies every row in one transaction of `target`; throws ArchiveProblem naming the first row that cannot be made valid. */
export function copyArchiveRows(source: DatabaseSync, target: Database, sourceTables?: ReadonlySet<string> | ReadonlyMap<string, unknown>): CopyResult {
  return transaction(target, () => {
    const cleaned: string[] = [];
    const documents = copyDocuments(source, target, cleaned);
    const tags = copyTags(source, target, cleaned);
    const passages = copyPassages(source, target, documents);
    copyPassageTags(source, target, passages, tags);
    const reports = copyReports(source, target);
    copyAliasGroups(source, target);
    const custodyHead = copyCustody(source, target);
    // archives made before its migration (issue 14) have no kept quotes
    if (!sourceTables || sourceTables.has('quote_snapshots')) copyQuoteSnapshots(source, target);
    // Issue 21: archives made before it have no memos or attributes.
    copyQdaRows(source, target, { documents, tags }, sourceTables);
    // archives made before issue 21's migration have no authors and no imported notes
    if (!sourceTables || sourceTables.has('imported_notes')) copyTeamRows(source, target, passages, documents, tags);
    const nameRow = source.prepare(`${select('store_meta')} WHERE "key" = 'name'`).get() as { value?: unknown } | undefined;
    bumpGeneration(target);
    return { name: cleanStoreName(nameRow?.value), counts: { documents: documents.size, passages: passages.size, tags: tags.size, reports }, cleaned, custodyHead };
  });
}

/** Alias groups (issue 15): names a JSON list of strings, each cleaned; a group left with fewer than two names is dropped. */
function copyAliasGroups(source: DatabaseSync, target: Database): void {
  let rows: Record<string, unknown>[];
  try {
    rows = source.prepare(select('alias_groups')).all() as Record<string, unknown>[];
  } catch {
    return; // An archive from before issue 15 has no alias groups.
  }
  const statement = target.prepare('INSERT INTO alias_groups (id, label, names, created_at) VALUES (?, ?, ?, ?)');
  for (const row of rows) {
    let names: unknown;
    try {
      names = JSON.parse(String(row.names));
    } catch {
      throw new ArchiveProblem(`the names of alias group ${shown(String(row.label ?? ''), String(row.id ?? ''))} cannot be read (not valid JSON).`);
    }
    if (!Array.isArray(names) || typeof row.id !== 'string' || typeof row.created_at !== 'string') {
      throw new ArchiveProblem(`alias group ${shown(String(row.label ?? ''), String(row.id ?? ''))} is not one Dossier wrote.`);
    }
    const clean = [...new Set(names.filter((n): n is string => typeof n === 'string').map((n) => cleanUserText(n, { multiline: false }).slice(0, 200)).filter(Boolean))];
    if (clean.length < 2) continue;
    insert(`alias group ${shown(clean[0]!, row.id)}`, () => statement.run(row.id as string, clean[0]!, JSON.stringify(clean), row.created_at as string));
  }
}

/** The archive's custody log, checked whole and copied byte for byte; a broken chain is refused. */
function copyCustody(source: DatabaseSync, target: Database): CustodyHead | null {
  try {
    return copyCustodyRows(source, target, 'the archive').head;
  } catch (error) {
    throw new ArchiveProblem((error as Error).message.replace(/^the archive: /, ''));
  }
}

/** Runs one insert; a constraint the archive breaks (a duplicate id or hash, a clash of tag names) becomes a sentence. */
function insert(what: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (error instanceof ArchiveProblem) throw error;
    const message = error instanceof Error ? error.message : '';
    const why = /UNIQUE/i.test(message) ? 'is stored twice or clashes with another row' : 'breaks a rule of the store';
    throw new ArchiveProblem(`${what} ${why}; the store was altered.`);
  }
}

function copyDocuments(source: DatabaseSync, target: Database, cleaned: string[]): Set<string> {
  const ids = new Set<string>();
  const original = source.prepare(`${select('originals')} WHERE "sha256" = ?`);
  let changed = 0;
  for (const raw of source.prepare(select('documents')).iterate()) {
    const doc = cleanDocument(raw, sha256);
    const what = `document ${shown(doc.title, doc.id)}`;
    const bytes = checkOriginal(original.get(doc.originalHash), doc.originalHash, what, sha256);
    const { id, importedAt, changed: fields, ...fieldsToStore } = doc;
    insert(what, () => insertDocument(target, id, { ...fieldsToStore, originalBytes: bytes }, importedAt));
    ids.add(id);
    if (fields.length) changed++;
  }
  if (changed) cleaned.push(`${changed} document${changed > 1 ? 's' : ''} had fields cleaned (markup, scripts, unsafe links or characters); each says which in its review flags.`);
  return ids;
}

function copyTags(source: DatabaseSync, target: Database, cleaned: string[]): Set<string> {
  const tags: CleanTag[] = [];
  for (const raw of source.prepare(select('tags', 'ORDER BY "position", "id"')).iterate()) tags.push(cleanTag(raw, tags.length));
  const statement = target.prepare('INSERT INTO tags(id, name, parent_id, color, description, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const tag of orderTags(tags)) {
    insert(`the tag ${shown(tag.name, tag.id)}`, () =>
      statement.run(tag.id, tag.name, tag.parentId, tag.color, tag.description, tag.position, tag.createdAt),
    );
  }
  const recoloured = tags.filter((t) => t.colorReplaced).length;
  if (recoloured) cleaned.push(`${recoloured} tag colour${recoloured > 1 ? 's were' : ' was'} not a colour and got one of Dossier's.`);
  return new Set(tags.map((t) => t.id));
}

function copyPassages(source: DatabaseSync, target: Database, documents: Set<string>): Set<string> {
  const ids = new Set<string>();
  const documentOf = target.prepare('SELECT text, title FROM documents WHERE id = ?');
  const statement = target.prepare(
    'INSERT INTO passages(id, document_id, start, end, exact, prefix, suffix, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // In document order, so each document's text is read from the new store once.
  let current: { id: unknown; text?: string; title: string } = { id: undefined, title: '' };
  for (const raw of source.prepare(select('passages', 'ORDER BY "document_id"')).iterate()) {
    const documentId = (raw as { document_id?: unknown }).document_id;
    if (documentId !== current.id) {
      const row = typeof documentId === 'string' && documents.has(documentId) ? (documentOf.get(documentId) as { text: string; title: string }) : undefined;
      current = { id: documentId, ...(row ? { text: row.text, title: row.title } : { title: '' }) };
    }
    const p = cleanPassage(raw, current.text, current.title);
    insert(`passage ${p.id}`, () => statement.run(p.id, p.documentId, p.start, p.end, p.exact, p.prefix, p.suffix, p.note, p.createdAt, p.updatedAt));
    ids.add(p.id);
  }
  return ids;
}

function copyQuoteSnapshots(source: DatabaseSync, target: Database): void {
  for (const raw of source.prepare(select('quote_snapshots')).iterate()) {
    const snapshot = cleanQuoteSnapshot(raw);
    insert(`the quote kept from deleted document ${snapshot.documentId}`, () => saveQuoteSnapshot(target, snapshot));
  }
}

function copyPassageTags(source: DatabaseSync, target: Database, passages: Set<string>, tags: Set<string>): void {
  const statement = target.prepare('INSERT INTO passage_tags(passage_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  for (const raw of source.prepare(select('passage_tags')).iterate()) {
    const parsed = passageTagRow.safeParse(raw);
    if (!parsed.success || !passages.has(parsed.data.passage_id) || !tags.has(parsed.data.tag_id)) {
      throw new ArchiveProblem('a tagging of a passage points at a passage or tag that is not in the store; the store was altered.');
    }
    statement.run(parsed.data.passage_id, parsed.data.tag_id);
  }
}

function copyReports(source: DatabaseSync, target: Database): number {
  const statement = target.prepare(
    'INSERT INTO reports(id, title, subtitle, author_line, report_date, body, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  for (const raw of source.prepare(select('reports')).iterate()) {
    const r = cleanReport(raw);
    insert(`report ${shown(r.title, r.id)}`, () => statement.run(r.id, r.title, r.subtitle, r.authorLine, r.reportDate, r.body, r.settings, r.createdAt, r.updatedAt));
    count++;
  }
  return count;
}
