import type { SearchEngine, SearchEngineOptions } from '../search/engine.ts';
import { createService, type Handlers, type ServiceDeps } from '../service.ts';
import { openWorkspace, type Workspace } from '../store/workspace.ts';
import type { WorkspaceUnlock } from '../lock/lock-workspace.ts';
import { createEntityJob } from '../entities/entity-job.ts';
import { createWorkspaceSearch } from './open-search.ts';

export interface OpenedApp {
  workspace: Workspace;
  handlers: Handlers;
  /** Closes the store and terminates the search workers; await it to exit cleanly. */
  close(): Promise<void>;
}

/**
 * Opens a workspace and builds the service over it: the one composition that the Electron entry,
 * the CLI and the e2e bridge share, so each only adds its transport.
 */
export function openApp(
  dir: string,
  extra: Omit<ServiceDeps, 'workspace' | 'search'> = {},
  searchOptions: Omit<SearchEngineOptions, 'onProgress'> = {},
  /** Issue 20: the passphrase (or recovery key) of a locked investigation. */
  unlock?: WorkspaceUnlock,
): OpenedApp {
  const workspace = openWorkspace(dir, { unlock });
  const engine = createWorkspaceSearch(workspace, {
    ...searchOptions,
    onProgress: (progress) => extra.emit?.('evt:index:progress', progress),
  });
  // Issue 18: searches being answered, so the entity job's writes wait for them (entity-job.ts).
  let searching = 0;
  const search: SearchEngine = {
    ...engine,
    search: async (query, options) => {
      searching++;
      try {
        return await engine.search(query, options);
      } finally {
        searching--;
      }
    },
  };
  const entityJob = extra.entityJob ?? createEntityJob(workspace.db, (p) => extra.emit?.('evt:entities:progress', p), {
      databaseFile: workspace.paths.database,
      workerUrl: extra.entityWorkerUrl,
      searching: () => searching > 0,
    });
  const handlers = createService({ workspace, search, ...extra, entityJob });
  return {
    workspace,
    handlers,
    close: async () => {
      entityJob.stop();
      try {
        await search.close();
      } finally {
        workspace.close();
      }
    },
  };
}
