/**
 * The Electron entry: the one place that builds objects and wires them together (STYLE.md rule 1).
 * Everything it wires is a plain module tested in Node; this file only adds Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, webContents } from 'electron';
import path from 'node:path';
import { defaultWorkspaceDir } from './app/default-workspace.ts';
import { openApp, type OpenedApp } from './app/open-app.ts';
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

// Must precede 'ready' (DESIGN.md: what the build machines cannot catch).
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let opened: OpenedApp | undefined;
  let mainWindow: BrowserWindow | null = null;

  const emit = <E extends EventName>(event: E, payload: Events[E]) =>
    broadcast(() => webContents.getAllWebContents(), event, payload);

  const importChosen = async (folders: boolean) => {
    if (!opened) return;
    const paths = await pickImportPaths(dialog, mainWindow, folders);
    if (paths.length) await opened.handlers['documents:import']({ paths });
  };

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, policy);
    hardenWebContents(app, shell, policy);
    serveApp(protocol, path.join(here, '../renderer'));
    opened = openApp(defaultWorkspaceDir(app.getPath('userData')), {
      emit,
      pickFiles: () => pickImportPaths(dialog, mainWindow),
      printPdf: createElectronPrinter(BrowserWindow, session.fromPartition('dossier-print')),
      pickSavePath: (name) => pickExportPath(dialog, mainWindow, name),
    });
    registerIpc(ipcMain, opened.handlers, policy);
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
  app.on('will-quit', () => opened?.close());
}
