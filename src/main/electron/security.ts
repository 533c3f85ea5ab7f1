/**
 * Every security setting of DESIGN.md's Security section, in one place. The pure parts
 * (URL checks, handlers) are exported for tests; the functions taking Electron objects only wire them.
 * Types come from 'electron' as type imports so this file's logic loads in plain Node too.
 */
import type { App, Session, Shell, WebContents, WebPreferences } from 'electron';
import { domainToUnicode } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'dossier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The app page's Content-Security-Policy: own scripts only, nothing remote, no frames but our own sandboxed ones. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The CSP of a frame showing a sanitised original: no script, no network, only inline styles and data: images. */
export const ORIGINAL_VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Middle-click ("auxclick") opens links in new windows; they are denied anyway, but the event never fires (Electronegativity AUXCLICK_JS_CHECK).
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
    devTools: true,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the app's own pages: app://dossier/... only. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

export interface RequestPolicy {
  /** The Vite dev server origin in development (http://localhost:5173); undefined in a packaged app. */
  devServerOrigin?: string | undefined;
}

/**
 * Whether any web contents may make this request. The app is offline by construction: only its
 * own scheme, inline data and blobs, and devtools; in development the local dev server.
 */
export function isAllowedRequest(url: string, policy: RequestPolicy = {}): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (isAppUrl(url)) return true;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  if (policy.devServerOrigin) {
    const dev = parse(policy.devServerOrigin);
    if (dev && (parsed.protocol === 'http:' || parsed.protocol === 'ws:') && parsed.host === dev.host && isLoopbackHost(parsed.hostname)) {
      return true;
    }
  }
  return false;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * Links a user may open in their browser: https (and mailto) with a real host name, no
 * credentials, no control characters. Everything else (file:, javascript:, custom schemes that
 * launch programs, smb: that leaks NTLM hashes) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  // Control, space and bidi-override characters disguise where a link goes ("gpj.exe" read backwards).
  if (url.length > 2048 || /[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(url) || [...url].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    return false;
  }
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(parsed.pathname));
  if (parsed.protocol !== 'https:') return false;
  // Any "@" in the authority, even with empty credentials ("https://trusted.org@evil.example"), is a phishing shape.
  if (parsed.username || parsed.password || /^https:\/\/[^/?#]*@/i.test(url)) return false;
  const host = parsed.hostname;
  if (!host.includes('.') || host.endsWith('.') || /^[\d.]+$/.test(host) || host.startsWith('[')) return false;
  return !isLookalikeHost(host);
}

/** Cyrillic letters drawn like Latin ones: a label made only of them spoofs a Latin name ("аррӏе"). */
const LATIN_LOOKALIKE_CYRILLIC = /^[аеорсухіјѕԁӏһԛԝѵ\-\d]+$/u;
const CYRILLIC_TLDS = new Set(['рф', 'бг', 'срб', 'қаз', 'укр', 'мкд', 'мон', 'бел', 'рус', 'дети', 'сайт', 'онлайн', 'орг', 'ком']);

/**
 * A host whose punycode labels spoof another name: one label mixing Latin with Cyrillic or Greek
 * letters (`xn--pple-43d.com` is "аpple.com" with a Cyrillic "а"), or an all-Cyrillic label
 * made only of Latin lookalikes under a non-Cyrillic top-level domain. Genuine Russian, Kazakh,
 * Chinese or Uyghur domain names pass (our users cite them), as in Chromium's IDN display policy.
 */
export function isLookalikeHost(asciiHost: string): boolean {
  if (!asciiHost.split('.').some((label) => label.startsWith('xn--'))) return false;
  const unicode = domainToUnicode(asciiHost);
  if (!unicode) return true;
  const labels = unicode.split('.');
  const tld = labels[labels.length - 1] ?? '';
  for (const label of labels) {
    const latin = /\p{Script=Latin}/u.test(label);
    const cyrillic = /\p{Script=Cyrillic}/u.test(label);
    const greek = /\p{Script=Greek}/u.test(label);
    if (latin && (cyrillic || greek)) return true;
    if (cyrillic && greek) return true;
    if (cyrillic && !CYRILLIC_TLDS.has(tld) && LATIN_LOOKALIKE_CYRILLIC.test(label)) return true;
  }
  return false;
}

/** Navigation of a window away from the app is never allowed (links open through openExternalSafely). */
export function isAllowedNavigation(url: string, policy: RequestPolicy = {}): boolean {
  if (isAppUrl(url)) return true;
  if (!policy.devServerOrigin) return false;
  const parsed = parse(url);
  const dev = parse(policy.devServerOrigin);
  return parsed !== null && dev !== null && parsed.origin === dev.origin;
}

/** Every permission (camera, geolocation, notifications, clipboard-read, …) is denied. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** Opens a link in the user's browser only after the URL check; returns whether it did. */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** Session-wide: permissions denied, every request outside the app cancelled. */
export function hardenSession(session: Session, policy: RequestPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, policy) }));
  session.on('will-download', (event) => event.preventDefault());
}

/** Every web contents ever created: no navigation away, no new windows, no <webview>. */
export function hardenWebContents(app: App, shell: Pick<Shell, 'openExternal'>, policy: RequestPolicy): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, policy)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, policy)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalSafely(shell, url);
      return { action: 'deny' };
    });
  });
}
