/**
 * The workbench service: the implementation of every contract channel as plain functions over
 * injected parts. Electron IPC, the CLI and the e2e bridge all call this map; only the transport differs.
 */
import type { Channel, ChannelOutput, EventName, Events, ParsedInput } from '../shared/contract.ts';
import type { SearchFilters, WorkspaceStats } from '../shared/domain.ts';
import { DossierError } from '../shared/errors.ts';
import type { SearchEngine } from './search/engine.ts';
import { transaction } from './store/database.ts';
import { deleteDocuments, getDocument, listDocuments } from './store/documents-repo.ts';
import { listPassages } from './store/passages-repo.ts';
import { createTag, listTags } from './store/tags-repo.ts';
import { addAliasGroup, listAliasGroups, removeAliasGroup } from './store/aliases-repo.ts';
import type { Workspace } from './store/workspace.ts';
import { createParsePool, DEFAULT_PARSE_WORKER_URL } from './importers/parse-pool.ts';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_PARSE_TIMEOUT_MS, expandPaths, importSources, type ImportSource } from './service/import-files.ts';
import { updateDocumentMeta } from './service/document-meta.ts';
import { backupHandlers } from './service/backups.ts';
import { verifyWorkspace } from './service/integrity.ts';
import { createPassage } from './service/tagging.ts';
import { deleteTag, mergeTags, tagImpact, updateTag } from './service/codebook.ts';
import { createHistory, type UndoEntry } from './service/history.ts';
import { deletePassageUndoable, documentIdsForTags, queryPassages, updatePassage } from './service/passages.ts';
import type { PdfPrinter } from './reports/print-options.ts';
import { reportHandlers } from './service/reports.ts';
import { sessionOnlyHandlers } from './service/session-only.ts';
import { setCustodyActor, type CustodyActor } from './custody/custody-log.ts';
import { recordTagChange, recordUndo } from './custody/events.ts';
import { custodyHandlers } from './service/custody.ts';
import { createOcrService, type OcrServiceOptions } from './service/ocr-service.ts';
import type { OcrLanguage } from './ocr/languages.ts';
import path from 'node:path';

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
}

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in Channel]: Handler<C> };

export function createService(deps: ServiceDeps): Handlers {
  const { db } = deps.workspace;
  setCustodyActor(db, deps.custodyActor);
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
  const changed = (reason: string) => {
    emit('evt:library:changed', { reason });
    // Index the change now (in the search workers) rather than at the next search.
    deps.search.refresh().catch(() => undefined);
  };
  const history = createHistory();
  /** Runs a destructive action in one transaction and keeps its undo. */
  const undoable = <T>(work: () => { result: T; undo: UndoEntry | null }): T =>
    transaction(db, () => {
      const { result, undo } = work();
      if (undo) history.push(undo);
      return result;
    });

  return {
    'documents:cancelOcr': () => ({ cancelled: ocr?.cancel() ?? false }),
    'documents:import': async ({ paths, ocrLanguages }) => {
      const { files, missing, skipped } = await expandPaths(paths);
      const summary = await importBatch(files.map((p) => ({ path: p })), ocrLanguages);
      for (const p of missing) summary.failed.push({ path: p, code: 'NOT_FOUND', message: `${p} does not exist.` });
      summary.skipped.push(...skipped);
      if (summary.imported.length) changed('import');
      return summary;
    },
    'documents:importData': async ({ files, ocrLanguages }) => {
      const sources = files.map((f) => ({ path: f.name, name: f.name, bytes: f.data }));
      const summary = await importBatch(sources, ocrLanguages);
      if (summary.imported.length) changed('import');
      return summary;
    },
    'documents:updateMeta': (input) => {
      const updated = transaction(db, () => updateDocumentMeta(db, input));
      changed('metadata');
      return updated;
    },
    'documents:list': () => listDocuments(db),
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
      const result = transaction(db, () => deleteDocuments(db, ids));
      changed('delete');
      return result;
    },
    'search:query': ({ query, limit, filters }) => deps.search.search(query, { limit, filters: filters as SearchFilters | undefined }),
    'aliases:list': () => listAliasGroups(db),
    'aliases:add': ({ names }) => addAliasGroup(db, names),
    'aliases:remove': ({ id }) => {
      removeAliasGroup(db, id);
      return { removed: id };
    },
    'search:matches': ({ query, documentId }) => deps.search.matchesIn(query, documentId),
    'tags:list': () => listTags(db),
    'tags:create': (input) => transaction(db, () => createTag(db, input)),
    'passages:create': (input) => createPassage(db, input),
    'passages:list': (filter) => listPassages(db, filter),
    'passages:delete': ({ id }) => undoable(() => deletePassageUndoable(db, id)),
    'tags:update': (input) => transaction(db, () => updateTag(db, input)),
    'tags:impact': ({ id }) => tagImpact(db, id),
    'tags:delete': ({ id }) => undoable(() => (recordTagChange(db, 'tag-delete', id), deleteTag(db, id))),
    'tags:merge': ({ sourceId, targetId }) => undoable(() => (recordTagChange(db, 'tag-merge', sourceId, targetId), mergeTags(db, sourceId, targetId))),
    'tags:documents': ({ tagIds }) => documentIdsForTags(db, tagIds),
    'passages:update': (input) => updatePassage(db, input),
    'passages:query': (query) => queryPassages(db, query),
    'history:status': () => ({ undo: history.peek() }),
    'history:undo': () => {
      const entry = history.pop();
      if (!entry) return { undone: null };
      transaction(db, () => (entry.undo(), recordUndo(db, entry.label)));
      return { undone: entry.label };
    },
    'dialog:pickFiles': async ({ folders }) => {
      if (!deps.pickFiles) throw new DossierError('FORBIDDEN', 'There is no window to show a file dialog in.');
      return { paths: await deps.pickFiles(folders ?? false) };
    },
    'workspace:stats': async () => workspaceStats(deps),
    'workspace:verify': () => verifyWorkspace(db, deps.search, deps.workspace.paths.backupsDir),
    ...reportHandlers({ db, printPdf: deps.printPdf, pickSavePath: deps.pickSavePath }),
    ...backupHandlers(deps.workspace, changed),
    ...custodyHandlers(deps.workspace, deps.pickSavePath),
    ...sessionOnlyHandlers(),
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
