/**
 * The Electron entry: the one place that builds objects and wires them together (STYLE.md rule 1).
 * Everything it wires is a plain module tested in Node; this file only adds Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, safeStorage, session as electronSession, shell, webContents } from 'electron';
import { safeStorageProtector } from './electron/safe-storage.ts';
import path from 'node:path';
import { openAppWithRecovery } from './app/recovery.ts';
import { buildHandlers } from './app/session-handlers.ts';
import { createSession, type Session } from './app/session.ts';
import { createQuitGuard, createShutdown, type Shutdown } from './app/shutdown.ts';
import { dispatch } from './dispatch.ts';
import { chooseArchive, chooseExportPath, chooseFolder, pickImportPaths } from './electron/dialogs.ts';
import { broadcast, registerIpc } from './electron/ipc.ts';
import { menuTemplate } from './electron/menu.ts';
import { createElectronPrinter, pickExportPath } from './electron/printer.ts';
import { aboutPanelOptions, runsWithoutOsSandbox, startFailureSentence } from './electron/startup.ts';
import { registerAppScheme, serveApp } from './electron/protocol.ts';
import { hardenSession, hardenWebContents, type RequestPolicy } from './electron/security.ts';
import { createMainWindow } from './electron/window.ts';
import { openSettings } from './settings/settings-store.ts';
import { backupIfDue } from './store/backup.ts';
import type { Channel, EventName, Events } from '../shared/contract.ts';

const here = import.meta.dirname;
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const policy: RequestPolicy = { devServerOrigin: devServerUrl };
/** A scheduled backup when the newest is an hour old, checked every ten minutes (issue 7). */
const BACKUP_EVERY_MS = 60 * 60 * 1000;
const BACKUP_CHECK_MS = 10 * 60 * 1000;
/** The worker entries electron-vite bundles beside this file (electron.vite.config.ts). */
const PARSE_WORKER_URL = new URL('./parse-worker.js', import.meta.url);
const SEARCH_WORKER_URL = new URL('./search-worker.js', import.meta.url);
const ENTITY_WORKER_URL = new URL('./entity-worker.js', import.meta.url);

// Must precede 'ready' (DESIGN.md: what the build machines cannot catch).
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let session: Session | undefined;
  let shutdown: Shutdown | undefined;
  let mainWindow: BrowserWindow | null = null;

  const emit = <E extends EventName>(event: E, payload: Events[E]) =>
    broadcast(() => webContents.getAllWebContents(), event, payload);

  /** Menu actions go through the same handler map as the window; failures are shown as a sentence. */
  const run = async (channel: Channel, input: unknown) => {
    if (!shutdown) return;
    const result = await dispatch(shutdown.handlers, channel, input);
    if (!result.ok) emit('evt:menu:command', { command: 'notice', message: result.error.message });
  };

  const importChosen = async (folders: boolean) => {
    if (!session?.current()) return;
    const paths = await pickImportPaths(dialog, mainWindow, folders);
    if (paths.length) await run('documents:import', { paths });
  };

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  /**
   * Anything that throws while starting is shown and ends the process: inside whenReady().then an
   * exception is only a warning in Electron, which would leave an invisible process holding the
   * single-instance lock (issue 12).
   */
  const failStart = (error: unknown) => {
    try {
      dialog.showErrorBox('Dossier could not start', startFailureSentence(error));
    } finally {
      app.exit(1);
    }
  };

  void app.whenReady().then(() => {
    hardenSession(electronSession.defaultSession, policy);
    hardenWebContents(app, shell, policy);
    serveApp(protocol, path.join(here, '../renderer'));
    const userDataDir = app.getPath('userData');
    const printPdf = createElectronPrinter(BrowserWindow, electronSession.fromPartition('dossier-print'));
    session = createSession({
      userDataDir,
      appVersion: app.getVersion(),
      // Shown as a warning in the window: a --no-sandbox launch (an AppImage fallback, a wrapper) is told to the user.
      osSandbox: !runsWithoutOsSandbox(app.commandLine, process.env),
      settings: openSettings(userDataDir),
      // Issue 20: "remember on this computer" uses the OS keyring, never safeStorage's plain-text fallback.
      keyProtector: safeStorageProtector(safeStorage, process.platform),
      emit,
      dialogs: {
        chooseFolder: (title) => chooseFolder(dialog, mainWindow, title),
        chooseArchive: () => chooseArchive(dialog, mainWindow),
        chooseExportPath: (name) => chooseExportPath(dialog, mainWindow, path.join(app.getPath('documents'), name)),
        pickFiles: (folders) => pickImportPaths(dialog, mainWindow, folders ?? false),
        reveal: (dir) => shell.showItemInFolder(dir),
      },
      // A damaged store is never replaced by an empty start in silence: the user is asked to restore (issue 7).
      openApp: (dir, extra, unlock) =>
        openAppWithRecovery(
          dir,
          {
            ...extra,
            printPdf,
            pickSavePath: (name) => pickExportPath(dialog, mainWindow, name),
            parseWorkerUrl: PARSE_WORKER_URL,
            entityWorkerUrl: ENTITY_WORKER_URL,
            // Russian OCR data ships in resources/tessdata (issue 16): beside the app when packaged.
            ocr: { resourcesDir: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources') },
          },
          (message, backupName) =>
            dialog.showMessageBoxSync({
              type: 'error',
              message,
              buttons: [`Restore ${backupName}`, 'Cancel'],
              defaultId: 0,
              cancelId: 1,
            }) === 0,
          { workerUrl: SEARCH_WORKER_URL },
          unlock,
        ),
    });
    // Reopen the investigation of last time; with none (first run) or if it cannot open, the UI shows the start screen.
    const last = session.registry.last();
    if (last) {
      try {
        session.open(last);
      } catch {
        // The start screen lists it as missing or unreadable and says why when the user opens it.
      }
    }
    const current = () => session?.current()?.app.workspace;
    // Issue 20: a locked investigation closes (its key and decrypted store dropped) when the screen locks or the computer sleeps.
    const closeLocked = () => {
      if (current()?.lock) void session?.close();
    };
    powerMonitor.on('lock-screen', closeLocked);
    powerMonitor.on('suspend', closeLocked);
    const backupTimer = setInterval(() => void scheduledBackup(), BACKUP_CHECK_MS);
    shutdown = createShutdown({
      handlers: buildHandlers(session),
      db: () => current()?.db,
      close: () => session?.dispose(),
      stopTimers: () => clearInterval(backupTimer),
    });
    const scheduledBackup = () => {
      const workspace = current();
      if (!workspace || !shutdown) return Promise.resolve();
      return shutdown.run(() => backupIfDue(workspace.db, workspace.paths, BACKUP_EVERY_MS)).catch(() => undefined);
    };
    void scheduledBackup();
    registerIpc(ipcMain, shutdown.handlers, policy);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(process.platform, {
          importFiles: () => void importChosen(false),
          importFolder: () => void importChosen(true),
          // The app's own About dialog shows the versions on every platform (the native panel's
          // version field is macOS-only).
          about: () => emit('evt:menu:command', { command: 'about.open' }),
          newInvestigation: () => emit('evt:menu:command', { command: 'investigation.new' }),
          openInvestigation: () => void run('investigations:open', {}),
          closeInvestigation: () => void run('investigations:close', {}),
          exportInvestigation: () => void run('investigations:export', {}),
          importInvestigation: () => void run('investigations:import', {}),
          settings: () => emit('evt:menu:command', { command: 'settings.open' }),
        }),
      ),
    );
    // macOS's app menu keeps its native "About Dossier" (role appMenu): give it the versions too.
    app.setAboutPanelOptions(aboutPanelOptions(process.platform, app.getVersion(), process.versions));
    mainWindow = createMainWindow(BrowserWindow, {
      preloadPath: path.join(here, '../preload/index.cjs'),
      devServerUrl,
      icon: app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(here, '../../resources/icon.png'),
    });
    mainWindow.on('closed', () => (mainWindow = null));
  }).catch(failStart);

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
}
