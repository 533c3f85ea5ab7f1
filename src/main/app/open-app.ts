import { createSearchEngine } from '../search/engine.ts';
import { createService, type Handlers, type ServiceDeps } from '../service.ts';
import { openWorkspace, type Workspace } from '../store/workspace.ts';

export interface OpenedApp {
  workspace: Workspace;
  handlers: Handlers;
  close(): void;
}

/**
 * Opens a workspace and builds the service over it: the one composition that the Electron entry,
 * the CLI and the e2e bridge share, so each only adds its transport.
 */
export function openApp(dir: string, extra: Omit<ServiceDeps, 'workspace' | 'search'> = {}): OpenedApp {
  const workspace = openWorkspace(dir);
  const search = createSearchEngine(workspace.db);
  const handlers = createService({ workspace, search, ...extra });
  return { workspace, handlers, close: () => workspace.close() };
}
