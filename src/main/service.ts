/**
 * The workbench service: the implementation of every contract channel as plain functions over
 * injected parts. Electron IPC, the CLI and the e2e bridge all call this map; only the transport differs.
 */
import type { Channel, ChannelOutput, EventName, Events, ParsedInput } from '../shared/contract.ts';
import type { WorkspaceStats } from '../shared/domain.ts';
import { DossierError } from '../shared/errors.ts';
import type { SearchEngine } from './search/engine.ts';
import { transaction } from './store/database.ts';
import { deleteDocuments, getDocument, listDocuments } from './store/documents-repo.ts';
import { deletePassage, listPassages } from './store/passages-repo.ts';
import { createTag, listTags } from './store/tags-repo.ts';
import type { Workspace } from './store/workspace.ts';
import { DEFAULT_MAX_FILE_BYTES, expandPaths, importSources } from './service/import-files.ts';
import { verifyWorkspace } from './service/integrity.ts';
import { createPassage } from './service/tagging.ts';
import { sessionOnlyHandlers } from './service/session-only.ts';

export interface ServiceDeps {
  workspace: Workspace;
  search: SearchEngine;
  /** Shows the native file dialog; absent where there is no window (CLI). */
  pickFiles?: (() => Promise<string[]>) | undefined;
  emit?: (<E extends EventName>(event: E, payload: Events[E]) => void) | undefined;
  maxFileBytes?: number | undefined;
  /** The import size limit read at each import, so a change in Settings applies at once (issue 8). */
  maxFileBytesNow?: (() => number) | undefined;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in Channel]: Handler<C> };

export function createService(deps: ServiceDeps): Handlers {
  const { db } = deps.workspace;
  const emit = deps.emit ?? (() => undefined);
  const fixedMaxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxFileBytes = () => deps.maxFileBytesNow?.() ?? fixedMaxFileBytes;
  const onProgress = (progress: Events['evt:import:progress']) => emit('evt:import:progress', progress);
  const changed = (reason: string) => emit('evt:library:changed', { reason });

  return {
    'documents:import': async ({ paths }) => {
      const { files, missing } = await expandPaths(paths);
      const summary = await importSources(db, files.map((p) => ({ path: p })), { maxFileBytes: maxFileBytes(), onProgress });
      for (const p of missing) summary.failed.push({ path: p, code: 'NOT_FOUND', message: `${p} does not exist.` });
      if (summary.imported.length) changed('import');
      return summary;
    },
    'documents:importData': async ({ files }) => {
      const sources = files.map((f) => ({ path: f.name, name: f.name, bytes: f.data }));
      const summary = await importSources(db, sources, { maxFileBytes: maxFileBytes(), onProgress });
      if (summary.imported.length) changed('import');
      return summary;
    },
    'documents:list': () => listDocuments(db),
    'documents:get': ({ id }) => {
      const doc = getDocument(db, id);
      if (!doc) throw new DossierError('NOT_FOUND', 'That document is no longer in the investigation.');
      return doc;
    },
    'documents:delete': ({ ids }) => {
      const result = transaction(db, () => deleteDocuments(db, ids));
      changed('delete');
      return result;
    },
    'search:query': ({ query, limit }) => deps.search.search(query, limit),
    'tags:list': () => listTags(db),
    'tags:create': (input) => transaction(db, () => createTag(db, input)),
    'passages:create': (input) => createPassage(db, input),
    'passages:list': (filter) => listPassages(db, filter),
    'passages:delete': ({ id }) => ({ deleted: deletePassage(db, id) }),
    'dialog:pickFiles': async () => {
      if (!deps.pickFiles) throw new DossierError('FORBIDDEN', 'There is no window to show a file dialog in.');
      return { paths: await deps.pickFiles() };
    },
    'workspace:stats': () => workspaceStats(deps),
    'workspace:verify': () => verifyWorkspace(db, deps.search),
    ...sessionOnlyHandlers(),
  };
}

function workspaceStats({ workspace: { db }, search }: ServiceDeps): WorkspaceStats {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    documents: count('SELECT count(*) AS n FROM documents'),
    passages: count('SELECT count(*) AS n FROM passages'),
    tags: count('SELECT count(*) AS n FROM tags'),
    reports: count('SELECT count(*) AS n FROM reports'),
    originalsBytes: count('SELECT ifnull(sum(byte_size), 0) AS n FROM originals'),
    indexedDocuments: search.indexedCount(),
  };
}
