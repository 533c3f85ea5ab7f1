import type { Workspace } from '../store/workspace.ts';
import { createBackup, listBackups, restoreBackup, type BackupDeps } from '../store/backup.ts';
import { migrateDatabase } from '../store/database.ts';
import type { Handlers } from '../service.ts';
import { headBeforeRestore, recordRestore } from '../custody/events.ts';

/** The backup channels (issue 7): list, take one now, restore one into the open investigation. */
export function backupHandlers(
  workspace: Workspace,
  changed: (reason: string) => void,
  deps: BackupDeps = {},
): Pick<Handlers, 'backups:list' | 'backups:create' | 'backups:restore'> {
  return {
    'backups:list': () => listBackups(workspace.paths.backupsDir),
    'backups:create': () => createBackup(workspace.db, workspace.paths, 'manual', deps),
    'backups:restore': async ({ name }) => {
      const replacedHead = headBeforeRestore(workspace.db);
      const result = await restoreBackup(workspace.db, workspace.paths, name, migrateDatabase, deps);
      recordRestore(workspace.db, result.restored, result.safetyBackup.name, replacedHead);
      changed('restore');
      return result;
    },
  };
}
