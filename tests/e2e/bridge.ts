/**
 * The e2e transport (DESIGN.md, Testing): the built renderer served on 127.0.0.1, and
 * `window.dossier` provided by an init script whose calls reach the real service and a real
 * store in a temporary workspace through `page.exposeBinding`. Only the transport differs from the app.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openApp, type OpenedApp } from '../../src/main/app/open-app.ts';
import { buildHandlers } from '../../src/main/app/session-handlers.ts';
import { createSession, type Session } from '../../src/main/app/session.ts';
import type { Handlers } from '../../src/main/service.ts';
import { openSettings } from '../../src/main/settings/settings-store.ts';
import { dispatch } from '../../src/main/dispatch.ts';
import { resolveAppPath } from '../../src/main/electron/protocol.ts';
import { APP_CSP, APP_ORIGIN } from '../../src/main/electron/security.ts';
import type { EventName, Events } from '../../src/shared/contract.ts';

export const RENDERER_DIR = path.resolve('out/renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  // pdf.js's worker (issue 16): a module script, served as the app:// protocol serves it.
  '.mjs': 'text/javascript; charset=utf-8',
};

/** Serves the built renderer with the app's own CSP, through the same path check as the app:// handler. */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npm run build');
  const server = http.createServer((request, response) => {
    const file = resolveAppPath(RENDERER_DIR, `${APP_ORIGIN}${(request.url ?? '/').split('?')[0]}`);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': APP_CSP });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/index.html`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs in the page before the app: the preload's API, over the binding instead of IPC. */
const INIT_SCRIPT = `(() => {
  const listeners = new Map();
  const toBase64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const encode = (v) =>
    v instanceof Uint8Array ? { __bytes: toBase64(v) }
    : Array.isArray(v) ? v.map(encode)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]))
    : v;
  const revive = (v) =>
    Array.isArray(v) ? v.map(revive)
    : v && typeof v === 'object' ? (typeof v.__bytes === 'string' ? Uint8Array.from(atob(v.__bytes), (c) => c.charCodeAt(0)) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)])))
    : v;
  window.dossier = Object.freeze({
    invoke: (channel, input) => window.__dossierInvoke(channel, encode(input)).then(revive),
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  });
  window.__dossierEmit = (event, payload) => { for (const l of listeners.get(event) ?? []) l(payload); };
})();`;

/** Bytes in a result (a PDF for the page view, issue 16) cross the binding as base64 and are revived in the page. */
function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return { __bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBytes(v)]));
  return value;
}

function reviveBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveBytes);
  if (value && typeof value === 'object') {
    if ('__bytes' in value && typeof (value as { __bytes: unknown }).__bytes === 'string') {
      return new Uint8Array(Buffer.from((value as { __bytes: string }).__bytes, 'base64'));
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveBytes(v)]));
  }
  return value;
}

export interface Bridge {
  app: OpenedApp;
  /** What the next "native" file dialog returns. */
  pickedFiles: string[];
  /** Every channel the page called, in order. */
  calls: string[];
  /** What the next "native" save dialog of a report export returns (null: the user cancels). Issue 21. */
  savePath: string | null;
}

/** Opens a real workspace in `dir` and wires `page` to it. Call before page.goto. */
export async function connectPage(page: Page, dir: string): Promise<Bridge> {
  let target: Page | null = page;
  const bridge: Bridge = {
    app: undefined as unknown as OpenedApp,
    pickedFiles: [],
    calls: [],
    savePath: null,
  };
  bridge.app = openApp(dir, {
    pickFiles: async () => bridge.pickedFiles.splice(0),
    pickSavePath: async () => bridge.savePath,
    emit: <E extends EventName>(event: E, payload: Events[E]) => {
      void target?.evaluate(([e, p]) => (window as unknown as { __dossierEmit(e: string, p: unknown): void }).__dossierEmit(e, p), [event, payload] as const).catch(() => undefined);
    },
  });
  page.on('close', () => (target = null));
  await page.exposeBinding('__dossierInvoke', async (_source, channel: unknown, input: unknown) => {
    bridge.calls.push(String(channel));
    return encodeBytes(await dispatch(bridge.app.handlers, channel, reviveBytes(input)));
  });
  await page.addInitScript(INIT_SCRIPT);
  return bridge;
}

/** Issue 8: a bridge over the app's session, so specs can use the start screen and switch investigations. */
export interface SessionBridge {
  session: Session;
  handlers: Handlers;
  /** What the next native dialogs return (null: the user cancels). */
  dialogs: {
    pickedFiles: string[];
    /** Whether the last file dialog was asked for folders (issue 14: folder import). */
    pickedFolders?: boolean;
    folder: string | null;
    archive: string | null;
    exportPath: string | null;
    revealed: string[];
    /** The report export's save dialog (issue 21). */
    savePath: string | null;
  };
  calls: string[];
}

/** Opens a session over a real user-data folder (`userDataDir`) and wires `page` to it. Call before page.goto. */
export async function connectPageSession(page: Page, userDataDir: string): Promise<SessionBridge> {
  let target: Page | null = page;
  const dialogs: SessionBridge['dialogs'] = { pickedFiles: [], folder: null, archive: null, exportPath: null, revealed: [], savePath: null };
  const session = createSession({
    userDataDir,
    appVersion: 'e2e',
    settings: openSettings(userDataDir),
    emit: <E extends EventName>(event: E, payload: Events[E]) => {
      void target?.evaluate(([e, p]) => (window as unknown as { __dossierEmit(e: string, p: unknown): void }).__dossierEmit(e, p), [event, payload] as const).catch(() => undefined);
    },
    dialogs: {
      pickFiles: async (folders) => {
        dialogs.pickedFolders = folders ?? false;
        return dialogs.pickedFiles.splice(0);
      },
      chooseFolder: async () => dialogs.folder,
      chooseArchive: async () => dialogs.archive,
      chooseExportPath: async () => dialogs.exportPath,
      reveal: (dir) => void dialogs.revealed.push(dir),
    },
    // the app's export save dialog, as the Electron entry adds it to every investigation it opens
    openApp: (dir, extra, unlock) => openApp(dir, { ...extra, pickSavePath: async () => dialogs.savePath }, {}, unlock),
  });
  const bridge: SessionBridge = { session, handlers: buildHandlers(session), dialogs, calls: [] };
  page.on('close', () => {
    target = null;
    session.dispose();
  });
  await page.exposeBinding('__dossierInvoke', async (_source, channel: unknown, input: unknown) => {
    bridge.calls.push(String(channel));
    return encodeBytes(await dispatch(bridge.handlers, channel, reviveBytes(input)));
  });
  await page.addInitScript(INIT_SCRIPT);
  return bridge;
}
