/**
 * The Electron entry: the one place that builds objects and wires them together (STYLE.md rule 1).
 * Everything it wires is a plain module tested in Node; this file only adds Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, webContents } from 'electron';
import path from 'node:path';
import { defaultWorkspaceDir } from './app/default-workspace.ts';
import type { OpenedApp } from './app/open-app.ts';
import { openAppWithRecovery } from './app/recovery.ts';
import { createQuitGuard, createShutdown, type Shutdown } from './app/shutdown.ts';
import { backupIfDue } from './store/backup.ts';
import { pickImportPaths } from './electron/dialogs.ts';
import { broadcast, registerIpc } from './electron/ipc.ts';
import { menuTemplate } from './electron/menu.ts';
import { createElectronPrinter, pickExportPath } from './electron/printer.ts';
import { registerAppScheme, serveApp } from './electron/protocol.ts';
import { hardenSession, hardenWebContents, type RequestPolicy } from './electron/security.ts';
import { createMainWindow } from './electron/window.ts';
import type { EventName, Events } from '../shared/contract.ts';

const here = import.meta.dirname;
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const policy: RequestPolicy = { devServerOrigin: devServerUrl };
/** A scheduled backup when the newest is an hour old, checked every ten minutes (issue 7). */
const BACKUP_EVERY_MS = 60 * 60 * 1000;
const BACKUP_CHECK_MS = 10 * 60 * 1000;

// Must precede 'ready' (DESIGN.md: what the build machines cannot catch).
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let opened: OpenedApp | undefined;
  let shutdown: Shutdown | undefined;
  let mainWindow: BrowserWindow | null = null;

  const emit = <E extends EventName>(event: E, payload: Events[E]) =>
    broadcast(() => webContents.getAllWebContents(), event, payload);

  const importChosen = async (folders: boolean) => {
    if (!shutdown) return;
    const paths = await pickImportPaths(dialog, mainWindow, folders);
    if (paths.length) await shutdown.handlers['documents:import']({ paths });
  };

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, policy);
    hardenWebContents(app, shell, policy);
    serveApp(protocol, path.join(here, '../renderer'));
    try {
      opened = openAppWithRecovery(
        defaultWorkspaceDir(app.getPath('userData')),
        {
          emit,
          pickFiles: () => pickImportPaths(dialog, mainWindow),
          printPdf: createElectronPrinter(BrowserWindow, session.fromPartition('dossier-print')),
          pickSavePath: (name) => pickExportPath(dialog, mainWindow, name),
        },
        (message, backupName) =>
          dialog.showMessageBoxSync({
            type: 'error',
            message,
            buttons: [`Restore ${backupName}`, 'Quit'],
            defaultId: 0,
            cancelId: 1,
          }) === 0,
      );
    } catch (error) {
      dialog.showErrorBox('Dossier cannot open the investigation', (error as Error).message);
      app.exit(1);
      return;
    }
    const workspace = opened.workspace;
    const backupTimer = setInterval(() => void scheduledBackup(), BACKUP_CHECK_MS);
    shutdown = createShutdown({
      handlers: opened.handlers,
      db: workspace.db,
      close: () => opened?.close(),
      stopTimers: () => clearInterval(backupTimer),
    });
    const scheduledBackup = () =>
      shutdown!.run(() => backupIfDue(workspace.db, workspace.paths, BACKUP_EVERY_MS)).catch(() => undefined);
    void scheduledBackup();
    registerIpc(ipcMain, shutdown.handlers, policy);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(process.platform, {
          importFiles: () => void importChosen(false),
          importFolder: () => void importChosen(true),
          about: () => app.showAboutPanel(),
        }),
      ),
    );
    app.setAboutPanelOptions({
      applicationName: 'Dossier',
      applicationVersion: app.getVersion(),
      version: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    });
    mainWindow = createMainWindow(BrowserWindow, { preloadPath: path.join(here, '../preload/index.cjs'), devServerUrl });
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => app.quit());
  // Pending writes are flushed before quitting; a second quit meanwhile does not cut the flush.
  app.on(
    'before-quit',
    createQuitGuard({
      flush: () => shutdown?.flush() ?? Promise.resolve(),
      quit: () => app.quit(),
      onError: (error) => console.error('Dossier: flush before quit', error),
    }),
  );
  app.on('will-quit', () => opened?.close());
}
