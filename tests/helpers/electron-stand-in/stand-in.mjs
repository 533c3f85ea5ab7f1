// A recording stand-in for the `electron` module, for the start-up test of the built shell
// (tests/unit/electron/startup.test.ts). It does what the real module does for start-up as far as
// the main process can see (a ready event, paths, a protocol registry, IPC registrations, windows)
// and records every call. Once start-up has settled it probes what was registered (the app://
// handler with good and hostile URLs, IPC from a trusted and a foreign frame, the print session's
// request filter, the quit flush) and writes everything to DOSSIER_STAND_IN_REPORT as JSON.
import { writeFileSync } from 'node:fs';

const env = process.env;
const report = { calls: [], schemesBeforeReady: null, ready: false, windows: [], ipcChannels: [], probes: {}, exitCode: null };
const record = (name, ...args) => report.calls.push({ name, args: JSON.parse(JSON.stringify(args, (_k, v) => (typeof v === 'function' ? '[function]' : v))) });
let protocolHandler = null;
const ipcHandlers = new Map();
const appListeners = new Map();
const partitions = new Map();
let finished = false;

function finish(code) {
  if (finished) return;
  finished = true;
  report.exitCode = code;
  writeFileSync(env.DOSSIER_STAND_IN_REPORT, JSON.stringify(report, null, 2));
  process.exit(code);
}

function makeSession(name) {
  const filters = [];
  return {
    name,
    filters,
    setPermissionRequestHandler: (fn) => record(`session(${name}).setPermissionRequestHandler`, typeof fn),
    setPermissionCheckHandler: (fn) => record(`session(${name}).setPermissionCheckHandler`, typeof fn),
    setDevicePermissionHandler: (fn) => record(`session(${name}).setDevicePermissionHandler`, typeof fn),
    on: (event) => record(`session(${name}).on`, event),
    webRequest: {
      onBeforeRequest: (fn) => {
        filters.push(fn);
        record(`session(${name}).webRequest.onBeforeRequest`);
      },
    },
  };
}
const defaultSession = makeSession('default');

export const app = {
  isPackaged: false,
  commandLine: { hasSwitch: (name) => env.DOSSIER_STAND_IN_NO_SANDBOX === '1' && name === 'no-sandbox', appendSwitch: () => undefined },
  requestSingleInstanceLock: () => (record('app.requestSingleInstanceLock'), true),
  enableSandbox: () => record('app.enableSandbox'),
  getVersion: () => '0.0.0-stand-in',
  getAppPath: () => process.cwd(),
  getPath: (name) => {
    record('app.getPath', name);
    if (env.DOSSIER_STAND_IN_FAIL === 'getPath') throw new Error('the user-data folder is on a disk that is not mounted');
    return name === 'userData' ? env.DOSSIER_STAND_IN_USER_DATA : env.DOSSIER_STAND_IN_USER_DATA + '-' + name;
  },
  whenReady: () => {
    record('app.whenReady');
    return new Promise((resolve) =>
      setImmediate(() => {
        report.ready = true;
        resolve();
        // Start-up runs in the promise's reactions; probe once they and their microtasks are done.
        setImmediate(() => void probe());
      }),
    );
  },
  on: (event, fn) => {
    record('app.on', event);
    appListeners.set(event, fn);
  },
  quit: () => record('app.quit'),
  exit: (code) => {
    record('app.exit', code);
    finish(code);
  },
  setAboutPanelOptions: (options) => record('app.setAboutPanelOptions', options),
  showAboutPanel: () => record('app.showAboutPanel'),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    if (report.schemesBeforeReady === null) report.schemesBeforeReady = !report.ready;
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle: (scheme, handler) => {
    record('protocol.handle', scheme);
    protocolHandler = handler;
  },
};

export const session = {
  defaultSession,
  fromPartition: (name) => {
    record('session.fromPartition', name);
    if (!partitions.has(name)) partitions.set(name, makeSession(name));
    return partitions.get(name);
  },
};

export const ipcMain = {
  handle: (channel, fn) => {
    ipcHandlers.set(channel, fn);
    report.ipcChannels.push(channel);
  },
};

export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.listeners = new Map();
    this.webContents = { send: () => undefined, isDestroyed: () => false, on: () => undefined, setWindowOpenHandler: () => undefined };
    report.windows.push({ options: JSON.parse(JSON.stringify(options)), loaded: [] });
    this.index = report.windows.length - 1;
  }
  once(event, fn) {
    this.listeners.set(event, fn);
  }
  on(event, fn) {
    this.listeners.set(event, fn);
  }
  loadURL(url) {
    report.windows[this.index].loaded.push(url);
    return Promise.resolve();
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  destroy() {}
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => record('Menu.setApplicationMenu', menu.template.map((item) => item.label ?? item.role)),
};
export const dialog = {
  showErrorBox: (title, content) => record('dialog.showErrorBox', title, content),
  showMessageBoxSync: () => 1,
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};
export const shell = { openExternal: async (url) => record('shell.openExternal', url), showItemInFolder: () => undefined };
export const webContents = { getAllWebContents: () => [] };
export const webUtils = { getPathForFile: () => '' };
export const powerMonitor = { on: () => undefined };
export const safeStorage = { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' };
export default { app, protocol, session, ipcMain, BrowserWindow, Menu, dialog, shell, webContents, webUtils, powerMonitor, safeStorage };

async function probe() {
  if (finished) return;
  const fetchApp = async (url) => {
    if (!protocolHandler) return null;
    const response = await protocolHandler(new Request(url));
    const body = await response.text();
    return { status: response.status, csp: response.headers.get('content-security-policy'), hasRoot: body.includes('<div id="root">') };
  };
  report.probes.index = await fetchApp('app://dossier/index.html');
  report.probes.traversal = await Promise.all(
    ['app://dossier/../../package.json', 'app://dossier/%2e%2e/%2e%2e/package.json', 'app://dossier/..%5c..%5cpackage.json', 'app://other/index.html'].map(fetchApp),
  );
  const trusted = { senderFrame: { url: 'app://dossier/index.html', parent: null } };
  const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
  const info = ipcHandlers.get('app:info');
  report.probes.ipcTrusted = info ? await info(trusted, {}) : null;
  report.probes.ipcForeign = info ? await info(foreign, {}) : null;
  const print = partitions.get('dossier-print');
  const decide = (filter, url) => new Promise((resolve) => filter({ url }, (answer) => resolve(answer.cancel)));
  report.probes.printFilter = print?.filters[0]
    ? { remote: await decide(print.filters[0], 'https://example.org/x.png'), data: await decide(print.filters[0], 'data:text/html,hi') }
    : null;
  report.probes.defaultFilter = defaultSession.filters[0]
    ? { remote: await decide(defaultSession.filters[0], 'https://example.org/'), app: await decide(defaultSession.filters[0], 'app://dossier/index.html') }
    : null;
  // The quit flush: before-quit must hold the first quit until pending writes are flushed, then quit.
  const beforeQuit = appListeners.get('before-quit');
  if (beforeQuit) {
    let prevented = false;
    beforeQuit({ preventDefault: () => (prevented = true) });
    const quitsBefore = report.calls.filter((c) => c.name === 'app.quit').length;
    for (let i = 0; i < 100_000 && report.calls.filter((c) => c.name === 'app.quit').length === quitsBefore; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    report.probes.quit = { prevented, quitAfterFlush: report.calls.filter((c) => c.name === 'app.quit').length > quitsBefore };
  }
  finish(0);
}
