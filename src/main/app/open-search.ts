import { createSearchEngine, type SearchEngine, type SearchEngineOptions } from '../search/engine.ts';
import { openWorkspace, type Workspace } from '../store/workspace.ts';
import type { WorkspaceUnlock } from '../lock/lock-workspace.ts';
import { resolveEntityName } from '../service/entities.ts';

/** The search engine over a workspace as the app composes it: names after `entity:` resolved from the store (issue 18). */
export function createWorkspaceSearch(workspace: Workspace, options: SearchEngineOptions = {}): SearchEngine {
  return createSearchEngine(workspace, { ...options, resolveEntity: (name) => resolveEntityName(workspace.db, name) });
}

export interface OpenedSearch {
  workspace: Workspace;
  search: SearchEngine;
  /** Terminates the search workers and closes the store. */
  close(): Promise<void>;
}

/**
 * A workspace and its search engine without the rest of the service (importers, reports, the entity
 * job): what a one-shot `dossier search` needs, so it loads and starts nothing else (issue 17). The
 * engine is the app's (createWorkspaceSearch), so its answers are the app's.
 */
export function openSearch(
  dir: string,
  searchOptions: Omit<SearchEngineOptions, 'onProgress'> = {},
  unlock?: WorkspaceUnlock,
): OpenedSearch {
  const workspace = openWorkspace(dir, { unlock });
  let search: SearchEngine;
  try {
    search = createWorkspaceSearch(workspace, searchOptions);
  } catch (error) {
    workspace.close();
    throw error;
  }
  return {
    workspace,
    search,
    close: async () => {
      try {
        await search.close();
      } finally {
        workspace.close();
      }
    },
  };
}
