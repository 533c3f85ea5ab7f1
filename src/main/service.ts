/**
 * The workbench service: the implementation of every contract channel as plain functions over
 * injected parts. Electron IPC, the CLI and the e2e bridge all call this map; only the transport differs.
 */
import type { Channel, ChannelOutput, EventName, Events, ParsedInput } from '../shared/contract.ts';
import type { ImportSummary, SearchFilters, WorkspaceStats } from '../shared/domain.ts';
import { DossierError } from '../shared/errors.ts';
import type { SearchEngine } from './search/engine.ts';
import { transaction } from './store/database.ts';
import { getDocument, listDocuments } from './store/documents-repo.ts';
import { listPassages } from './store/passages-repo.ts';
import { existingDocumentIds, libraryPage } from './store/library-query.ts';
import { createTag, listTags } from './store/tags-repo.ts';
import { addAliasGroup, listAliasGroups, removeAliasGroup } from './store/aliases-repo.ts';
import type { Workspace } from './store/workspace.ts';
import { createParsePool, DEFAULT_PARSE_WORKER_URL } from './importers/parse-pool.ts';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_PARSE_TIMEOUT_MS, expandPaths, importSources, type ImportSource } from './service/import-files.ts';
import { markReviewed, updateDocumentMeta } from './service/document-meta.ts';
import { backupHandlers } from './service/backups.ts';
import { verifyWorkspace } from './service/integrity.ts';
import { createPassage } from './service/tagging.ts';
import { deleteTag, mergeTags, passagesOfTags, subtreeIds, tagImpact, updateTag } from './service/codebook.ts';
import { createHistory } from './service/history.ts';
import { deletePassage, documentIdsForTags, passagesPage, queryPassages, updatePassage } from './service/passages.ts';
import { deleteDocumentsKeepingQuotes, deletionImpact, deletionLabel, deletionScopes } from './service/delete-documents.ts';
import { citedPassageIds } from './service/report-citations.ts';
import { scopeOfIds, type Scope } from './service/row-change.ts';
import { tagEditLabel, quoteLabel } from './service/history-labels.ts';
import { pruneQuoteSnapshots } from './store/quote-snapshots-repo.ts';
import type { PdfPrinter } from './reports/print-options.ts';
import { reportHandlers } from './service/reports.ts';
import { sessionOnlyHandlers } from './service/session-only.ts';
import { setCustodyActor, type CustodyActor } from './custody/custody-log.ts';
import { recordRedo, recordTagChange, recordUndo } from './custody/events.ts';
import { custodyHandlers } from './service/custody.ts';
import { createOcrService, type OcrServiceOptions } from './service/ocr-service.ts';
import type { OcrLanguage } from './ocr/languages.ts';
import path from 'node:path';
import { qdaHandlers } from './qda/qda-handlers.ts';
import { investigationResearcher, resolveResearcher } from './team/researcher.ts';
import { importQdpxSources, isQdpx, teamHandlers } from './service/team.ts';
import type { MergeSource } from './team/merge/merge-source.ts';
import { createEntityJob, type EntityJob } from './entities/entity-job.ts';
import { entityHandlers } from './service/entity-handlers.ts';

export interface ServiceDeps {
  workspace: Workspace;
  search: SearchEngine;
  /** Shows the native file dialog; absent where there is no window (CLI). */
  pickFiles?: ((folders?: boolean) => Promise<string[]>) | undefined;
  emit?: (<E extends EventName>(event: E, payload: Events[E]) => void) | undefined;
  maxFileBytes?: number | undefined;
  /** Per-file parse time limit (issue 3). */
  parseTimeoutMs?: number | undefined;
  /** The parse worker module: the Electron build passes its bundled worker; source runs use the default. */
  parseWorkerUrl?: URL | undefined;
  /** Prints report HTML to PDF: Electron's printToPDF in the app, headless Chromium in the CLI (issue 6). */
  printPdf?: PdfPrinter | undefined;
  /** Shows a save dialog for an export; absent where there is no window (CLI). */
  pickSavePath?: ((suggestedName: string) => Promise<string | null>) | undefined;
  /** The import size limit read at each import, so a change in Settings applies at once (issue 8). */
  maxFileBytesNow?: (() => number) | undefined;
  /** Who writes custody entries: the app version and the researcher's name from Settings (issue 19). */
  custodyActor?: (() => CustodyActor) | undefined;
  /** Text recognition of scans and images (issue 16); false turns it off. Default: an engine started on first use, its data unpacked under the workspace. */
  ocr?: Partial<OcrServiceOptions> | false | undefined;
  /** Issue 21: the researcher name given for this one command (`--researcher NAME`); beats the investigation's and Settings'. */
  researcher?: string | undefined;
  /** Issue 21: the archive dialog for "Merge an investigation…"; absent where there is no window. */
  pickArchive?: (() => Promise<string | null>) | undefined;
  /** Issue 21/20: opens the other copy of a merge (a locked archive's reader decrypts first). */
  openMergeSource?: ((file: string, tmpDir: string) => MergeSource) | undefined;
  /** Issue 18: the entity job; default one over this workspace's store, run after every import. */
  entityJob?: EntityJob | undefined;
  /** Issue 18: the entity worker module: the Electron build passes its bundled worker; source runs use the default. */
  entityWorkerUrl?: URL | undefined;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in Channel]: Handler<C> };

export function createService(deps: ServiceDeps): Handlers {
  const { db } = deps.workspace;
  // Issue 21: custody entries and new passages name the researcher of this command, of this
  // investigation, or of Settings, in that order (team/researcher.ts).
  const researcherNow = () =>
    resolveResearcher({ override: deps.researcher, investigation: investigationResearcher(db), settings: deps.custodyActor?.().researcherName });
  setCustodyActor(db, () => {
    const base = deps.custodyActor?.();
    const researcherName = researcherNow();
    // Without an actor or a name, an event's own fallback actor (archive export) still applies.
    if (!base && !researcherName) return undefined;
    return { appVersion: base?.appVersion ?? 'unknown', researcherName };
  });
  const emit = deps.emit ?? (() => undefined);
  const fixedMaxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxFileBytes = () => deps.maxFileBytesNow?.() ?? fixedMaxFileBytes;
  const onProgress = (progress: Events['evt:import:progress']) => emit('evt:import:progress', progress);
  // One parse pool for the service's life: workers start on the first import and stop when idle,
  // so a second import in the app does not pay jsdom's start-up again (parse-pool.ts).
  const pool = createParsePool({
    workerUrl: deps.parseWorkerUrl ?? DEFAULT_PARSE_WORKER_URL,
    timeoutMs: deps.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS,
  });
  // The language data is unpacked into the investigation's index cache (derived data, like the index).
  const ocr = deps.ocr === false ? null : createOcrService({ dataDir: path.join(deps.workspace.paths.indexDir, 'tessdata'), ...deps.ocr });
  const importBatch = async (sources: ImportSource[], ocrLanguages: readonly OcrLanguage[] | undefined) => {
    const batch = ocr?.startBatch(ocrLanguages);
    try {
      return await importSources(db, sources, { maxFileBytes: maxFileBytes(), onProgress, pool, ocr: batch?.options });
    } finally {
      batch?.done();
    }
  };
  // Issue 18: entities and dates are read after each import (and for stored documents) in the background.
  const entityJob = deps.entityJob ?? createEntityJob(db, (p) => emit('evt:entities:progress', p), { databaseFile: deps.workspace.paths.database, workerUrl: deps.entityWorkerUrl });
  const changed = (reason: string) => {
    if (reason === 'import' || reason === 'undo' || reason === 'redo' || reason === 'restore') entityJob.schedule();
    emit('evt:library:changed', { reason });
    // Index the change now (in the search workers) rather than at the next search.
    deps.search.refresh().catch(() => undefined);
  };
  const history = createHistory(db, (kind, label) => (kind === 'undo' ? recordUndo(db, label) : recordRedo(db, label)));
  /** Runs a tagging or codebook action in one transaction and keeps its undo and redo (issue 14). */
  const undoable = <T>(scopes: Scope[] | (() => Scope[]), work: () => T, label: (result: T) => string | null): T =>
    history.record(scopes, work, label).result;
  const ALL_TAGS: Scope = { table: 'tags', where: '1' };
  /** Rows a new passage adds: those past the highest rowid now, so the undo never reads a document's other passages. */
  const newPassages = (): Scope[] => {
    const last = Number((db.prepare('SELECT ifnull(max(rowid), 0) AS n FROM passages').get() as { n: number }).n);
    return [
      ALL_TAGS,
      { table: 'passages', where: 'rowid > ?', params: [last] },
      { table: 'passage_tags', where: 'passage_id IN (SELECT id FROM passages WHERE rowid > ?)', params: [last] },
    ];
  };
  const ofPassage = (passageId: string): Scope[] => [
    ALL_TAGS,
    scopeOfIds('passages', 'id', [passageId]),
    scopeOfIds('passage_tags', 'passage_id', [passageId]),
  ];
  const reports = reportHandlers({ db, printPdf: deps.printPdf, pickSavePath: deps.pickSavePath });
  /** A deleted document's quotes stay only while a report cites them (issue 14). */
  const pruneSnapshots = () => {
    if (db.prepare('SELECT 1 FROM quote_snapshots LIMIT 1').get()) pruneQuoteSnapshots(db, citedPassageIds(db));
  };

  const getPassageExact = (id: string) =>
    (db.prepare('SELECT exact FROM passages WHERE id = ?').get(id) as { exact: string } | undefined)?.exact ?? '';

  return {
    'documents:cancelOcr': () => ({ cancelled: ocr?.cancel() ?? false }),
    'documents:import': async ({ paths, ocrLanguages }) => {
      // Issue 21: a REFI-QDA project brings documents, codebook and codings at once.
      const projects = paths.filter(isQdpx);
      const { files, missing, skipped } = await expandPaths(paths.filter((p) => !isQdpx(p)));
      const summary = withQdpx(await importBatch(files.map((p) => ({ path: p })), ocrLanguages), projects.length ? await importQdpxSources(db, projects.map((p) => ({ path: p })), maxFileBytes()) : undefined);
      for (const p of missing) summary.failed.push({ path: p, code: 'NOT_FOUND', message: `${p} does not exist.` });
      summary.skipped.push(...skipped);
      if (summary.imported.length) changed('import');
      return summary;
    },
    'documents:importData': async ({ files, ocrLanguages }) => {
      const sources = files.filter((f) => !isQdpx(f.name)).map((f) => ({ path: f.name, name: f.name, bytes: f.data }));
      const projects = files.filter((f) => isQdpx(f.name)).map((f) => ({ path: f.name, bytes: f.data }));
      const summary = withQdpx(await importBatch(sources, ocrLanguages), projects.length ? await importQdpxSources(db, projects, maxFileBytes()) : undefined);
      if (summary.imported.length) changed('import');
      return summary;
    },
    'documents:updateMeta': (input) => {
      const updated = transaction(db, () => updateDocumentMeta(db, input));
      changed('metadata');
      return updated;
    },
    'documents:markReviewed': ({ id }) => {
      const summary = transaction(db, () => markReviewed(db, id));
      changed('metadata');
      return summary;
    },
    'documents:list': () => listDocuments(db),
    'documents:page': (input) => libraryPage(db, input),
    'documents:existing': ({ ids }) => existingDocumentIds(db, ids),
    'documents:get': ({ id }) => {
      const doc = getDocument(db, id);
      if (!doc) throw new DossierError('NOT_FOUND', 'That document is no longer in the investigation.');
      return doc;
    },
    'documents:original': ({ id }) => {
      const row = db
        .prepare('SELECT d.original_name AS name, o.bytes AS bytes FROM documents d JOIN originals o ON o.sha256 = d.original_hash WHERE d.id = ?')
        .get(id) as { name: string; bytes: Uint8Array } | undefined;
      if (!row) throw new DossierError('NOT_FOUND', 'That document is no longer in the investigation.');
      return { name: row.name, bytes: new Uint8Array(row.bytes) };
    },
    'documents:delete': ({ ids }) => {
      const { result, undoable: canUndo } = history.record(
        deletionScopes(db, ids),
        () => deleteDocumentsKeepingQuotes(db, ids),
        (r) => (r.deleted ? deletionLabel(r.titles) : null),
      );
      changed('delete');
      const { titles: _titles, ...summary } = result;
      return { ...summary, undoable: canUndo };
    },
    'documents:deleteImpact': ({ ids }) => deletionImpact(db, ids),
    'search:query': ({ query, limit, filters }) => deps.search.search(query, { limit, filters: filters as SearchFilters | undefined }),
    'aliases:list': () => listAliasGroups(db),
    'aliases:add': ({ names }) => addAliasGroup(db, names),
    'aliases:remove': ({ id }) => {
      removeAliasGroup(db, id);
      return { removed: id };
    },
    'search:matches': ({ query, documentId }) => deps.search.matchesIn(query, documentId),
    'tags:list': () => listTags(db),
    'tags:create': (input) => undoable([ALL_TAGS], () => createTag(db, input), (tag) => `creation of tag “${tag.name}”`),
    'passages:create': (input) =>
      undoable(newPassages, () => createPassage(db, input), (p) => `tagging of ${quoteLabel(p.exact)}`),
    'passages:list': (filter) => listPassages(db, filter),
    'passages:delete': ({ id }) => {
      const exact = getPassageExact(id);
      return undoable(ofPassage(id), () => deletePassage(db, id), (r) => (r.deleted ? `deletion of passage ${quoteLabel(exact)}` : null));
    },
    'tags:update': (input) => {
      const before = listTags(db).find((t) => t.id === input.id);
      return undoable([ALL_TAGS], () => updateTag(db, input), (after) => tagEditLabel(before, after));
    },
    'tags:impact': ({ id }) => tagImpact(db, id),
    'tags:delete': ({ id }) => {
      const name = listTags(db).find((t) => t.id === id)?.name ?? '';
      const ids = subtreeIds(db, id);
      return undoable(
        // Issue 21: the tags' memos go with them and come back on undo.
        [ALL_TAGS, scopeOfIds('passage_tags', 'tag_id', ids), scopeOfIds('memos', 'tag_id', ids)],
        () => (recordTagChange(db, 'tag-delete', id), deleteTag(db, id)),
        () => `deletion of tag “${name}”`,
      );
    },
    'tags:merge': ({ sourceId, targetId }) => {
      const names = new Map(listTags(db).map((t) => [t.id, t.name]));
      const passageIds = passagesOfTags(db, [sourceId, targetId]);
      return undoable(
        [ALL_TAGS, scopeOfIds('passages', 'id', passageIds), scopeOfIds('passage_tags', 'passage_id', passageIds), scopeOfIds('memos', 'tag_id', [sourceId])],
        () => (recordTagChange(db, 'tag-merge', sourceId, targetId), mergeTags(db, sourceId, targetId)),
        () => `merge of “${names.get(sourceId)}” into “${names.get(targetId)}”`,
      );
    },
    'tags:documents': ({ tagIds }) => documentIdsForTags(db, tagIds),
    'passages:update': (input) =>
      undoable(ofPassage(input.id), () => updatePassage(db, input), (p) => `edit of passage ${quoteLabel(p.exact)}`),
    'passages:query': (query) => queryPassages(db, query),
    'passages:page': (query) => passagesPage(db, query),
    'history:status': () => history.status(),
    'history:undo': () => {
      const undone = history.undo();
      if (undone) changed('undo');
      return { undone };
    },
    'history:redo': () => {
      const redone = history.redo();
      if (redone) changed('redo');
      return { redone };
    },
    'dialog:pickFiles': async ({ folders }) => {
      if (!deps.pickFiles) throw new DossierError('FORBIDDEN', 'There is no window to show a file dialog in.');
      return { paths: await deps.pickFiles(folders ?? false) };
    },
    'workspace:stats': async () => workspaceStats(deps),
    'workspace:verify': () => verifyWorkspace(db, deps.search, deps.workspace.paths.backupsDir),
    ...reports,
    'reports:update': (input) => {
      const report = reports['reports:update'](input);
      pruneSnapshots();
      return report;
    },
    'reports:delete': (input) => {
      const result = reports['reports:delete'](input);
      pruneSnapshots();
      return result;
    },
    ...backupHandlers(deps.workspace, changed),
    ...custodyHandlers(deps.workspace, deps.pickSavePath),
    ...sessionOnlyHandlers(),
    // Issue 21 (items 1-3): memos, document attributes, analysis tables; memo authors are the researcher who writes
    // them, as passages' are (the command's --researcher, the investigation's, Settings').
    ...qdaHandlers({ db, changed, pickSavePath: deps.pickSavePath, researcher: researcherNow }),
    ...teamHandlers({ db, tmpDir: deps.workspace.paths.tmpDir, changed, pickSavePath: deps.pickSavePath, pickArchive: deps.pickArchive, openMergeSource: deps.openMergeSource }),
    ...entityHandlers({ db, job: entityJob, pickSavePath: deps.pickSavePath, changed: (reason) => emit('evt:library:changed', { reason }) }),
  };
}

/** One summary of a batch that held REFI-QDA projects beside ordinary files (issue 21). */
function withQdpx(summary: ImportSummary, projects: ImportSummary | undefined): ImportSummary {
  if (!projects) return summary;
  return {
    imported: [...summary.imported, ...projects.imported],
    duplicates: [...summary.duplicates, ...projects.duplicates],
    failed: [...summary.failed, ...projects.failed],
    skipped: [...summary.skipped, ...projects.skipped],
    notes: [...(summary.notes ?? []), ...(projects.notes ?? [])],
  };
}

async function workspaceStats({ workspace: { db }, search }: ServiceDeps): Promise<WorkspaceStats> {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    documents: count('SELECT count(*) AS n FROM documents'),
    passages: count('SELECT count(*) AS n FROM passages'),
    tags: count('SELECT count(*) AS n FROM tags'),
    reports: count('SELECT count(*) AS n FROM reports'),
    originalsBytes: count('SELECT ifnull(sum(byte_size), 0) AS n FROM originals'),
    indexedDocuments: await search.indexedCount(),
  };
}
