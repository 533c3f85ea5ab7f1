import { restoreClosedWorkspace } from '../store/backup.ts';
import { DamagedDatabaseError, workspacePaths } from '../store/workspace.ts';
import { openApp, type OpenedApp } from './open-app.ts';
import path from 'node:path';
import { recordClosedRestore } from '../custody/events.ts';

/**
 * Opens the investigation; when its database is damaged or missing, asks the user whether to
 * restore the newest good backup (issue 7: never an empty start in silence). `ask` shows the
 * error sentence and returns true to restore; without a backup, or when declined, the error is thrown.
 */
export function openAppWithRecovery(
  dir: string,
  deps: Parameters<typeof openApp>[1],
  ask: (message: string, backupName: string) => boolean,
  searchOptions: Parameters<typeof openApp>[2] = {},
  unlock?: Parameters<typeof openApp>[3],
): OpenedApp {
  try {
    return openApp(dir, deps, searchOptions, unlock);
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError) || !error.newestBackup) throw error;
    if (!ask(error.message, error.newestBackup.name)) throw error;
    const restored = restoreClosedWorkspace(workspacePaths(path.resolve(dir)), error.newestBackup.name);
    const app = openApp(dir, deps, searchOptions);
    recordClosedRestore(app.workspace.db, restored);
    return app;
  }
}
