import type { BrowserWindow as BrowserWindowClass } from 'electron';
import { APP_ORIGIN, webPreferencesFor } from './security.ts';

type BrowserWindowCtor = typeof BrowserWindowClass;

/** The one main window, loading the app's own scheme (or the dev server in development). */
export function createMainWindow(
  BrowserWindow: BrowserWindowCtor,
  options: { preloadPath: string; devServerUrl?: string | undefined; icon?: string | undefined },
): BrowserWindowClass {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Dossier',
    backgroundColor: '#f7f6f2',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: webPreferencesFor(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
