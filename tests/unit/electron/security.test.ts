import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { App, Session, Shell } from 'electron';
import { isTrustedSender } from '../../../src/main/electron/ipc.ts';
import { resolveAppPath } from '../../../src/main/electron/protocol.ts';
import {
  APP_CSP,
  decidePermission,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
  isSafeExternalUrl,
  openExternalSafely,
  webPreferencesFor,
} from '../../../src/main/electron/security.ts';

const DEV = { devServerOrigin: 'http://localhost:5173' };

/** URLs that must never open in the user's browser, navigate a window, or be fetched. */
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://server/share/secret.docx',
  'FILE:///C:/Windows/System32/calc.exe',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'smb://attacker.example/share',
  '\\\\attacker.example\\share',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'search-ms:query=secret&crumb=location:\\\\attacker.example',
  'vscode://file/etc/passwd',
  'zoommtg://zoom.us/join?confno=1',
  'steam://run/1',
  'itms-services://?action=download-manifest',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'blob:https://evil.example/1234',
  'ftp://ftp.example.org/file',
  'ws://evil.example/socket',
  'wss://evil.example/socket',
  'http://example.org/',
  'http://127.0.0.1:8080/',
  'https://user:pass@example.org/',
  'https://example.org@evil.example/',
  'https://:@evil.example/',
  'https://localhost/',
  'https://127.0.0.1/',
  'https://0x7f.0.0.1/',
  'https://2130706433/',
  'https://[::1]/',
  'https://example.org./',
  'https://xn--pple-43d.com/',
  'https://xn--80ak6aa92e.com/',
  'https://xn--ggle-55da.com/',
  'https://www.xn--aypal-uye.com/',
  'https://xn--pple-zld.com/',
  'https://exa\u0000mple.org/',
  'https://example.org/\u202egpj.exe',
  `https://example.org/${'a'.repeat(3000)}`,
  'app://dossier/index.html',
  'app://evil/index.html',
  '',
  'not a url',
  '//evil.example/',
];

describe('isSafeExternalUrl', () => {
  it.each(HOSTILE)('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([
    'https://www.hrw.org/report/2021/04/19/break-their-lineage-break-their-roots',
    'https://www.amnesty.org/en/latest/news/',
    'https://xn--p1ai.xn--p1ai/',
    'https://xn--80aswg.xn--p1ai/',
    'https://xn--fiqs8s.xn--fiqs8s/',
    'https://www.xn--googl-fsa.com/',
    'https://example.org/search?q=%E6%96%B0%E7%96%86#top',
    'mailto:editor@example.org',
  ])('allows the ordinary link %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it('opens nothing for a refused link and only the checked link otherwise', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    for (const url of HOSTILE) expect(await openExternalSafely(shell, url)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(await openExternalSafely(shell, 'https://www.hrw.org/')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.hrw.org/');
  });
});

describe('isAppUrl and isAllowedNavigation', () => {
  it('knows only app://dossier/ as the app', () => {
    expect(isAppUrl('app://dossier/index.html')).toBe(true);
    expect(isAppUrl('app://dossier/')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'app://dossier.evil/',
      'app://user:pw@dossier/',
      'app://dossier@evil/',
      'app://dossier:8080/',
      'app:dossier/index.html',
      'apps://dossier/',
      'http://dossier/',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it.each(HOSTILE.filter((u) => u !== 'app://dossier/index.html'))('never navigates to %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    expect(isAllowedNavigation(url, DEV)).toBe(false);
  });

  it('allows the dev server origin only in development', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html')).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', DEV)).toBe(false);
  });

  it('survives input that is not a string URL', () => {
    for (const bad of [undefined, null, 42, {}, [], 'x'.repeat(1_000_000)]) {
      expect(isAllowedNavigation(bad as unknown as string)).toBe(false);
      expect(isAllowedRequest(bad as unknown as string)).toBe(false);
      expect(isSafeExternalUrl(String(bad))).toBe(false);
    }
  });
});

describe('isAllowedRequest', () => {
  it('lets through only the app scheme, data:, blob: and devtools:', () => {
    for (const url of [
      'app://dossier/assets/index.js',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://dossier/5d5c',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
  });

  it.each([
    'https://example.org/tracker.gif',
    'http://example.org/',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'file:///etc/passwd',
    'ftp://example.org/',
    'smb://attacker.example/share',
    'wss://evil.example/',
    'chrome-extension://abc/script.js',
    'app://evil/x.js',
    'app://user@dossier/x.js',
    'javascript:alert(1)',
    'gopher://example.org/',
    'not a url',
  ])('cancels %j', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it('lets the dev server through in development only, on loopback', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequest('https://example.org/', DEV)).toBe(false);
    expect(isAllowedRequest('http://evil.example:5173/', { devServerOrigin: 'http://evil.example:5173' })).toBe(false);
  });
});

describe('decidePermission', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'pointerLock',
    'fileSystem',
    '',
    '__proto__',
    'constructor',
  ])('denies %j', (permission) => {
    expect(decidePermission(permission)).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/dossier/renderer');

  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://dossier/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://dossier/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAppPath(root, 'app://dossier/assets/%E6%96%B0.png')).toBe(path.join(root, 'assets/新.png'));
  });

  it.each([
    'app://dossier/../../etc/passwd',
    'app://dossier/%2e%2e/%2e%2e/etc/passwd',
    'app://dossier/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://dossier/assets/..%2f..%2f..%2fetc/passwd',
    'app://dossier/..%5c..%5cwindows%5cwin.ini',
    'app://dossier/assets\\..\\..\\secret',
    'app://dossier/%00index.html',
    'app://dossier/index.html%00.png',
    'app://dossier/%E0%A4%A',
    'app://dossier//etc/passwd/../../../../etc/passwd',
    'app://evil/index.html',
    'app://user@dossier/index.html',
    'file:///etc/passwd',
    'http://dossier/index.html',
    'not a url',
  ])('refuses %j', (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    else expect(resolved).toBeNull();
  });

  it('never resolves outside the root for any encoded traversal', () => {
    const dots = ['..', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '%252e%252e'];
    const seps = ['/', '%2f', '%2F', '%5c', '\\'];
    let tried = 0;
    for (const d of dots)
      for (const s of seps) {
        const url = `app://dossier/assets${s}${d}${s}${d}${s}${d}${s}etc${s}passwd`;
        const resolved = resolveAppPath(root, url);
        tried++;
        if (resolved !== null) expect(resolved.startsWith(root + path.sep), url).toBe(true);
      }
    expect(tried).toBe(dots.length * seps.length);
  });
});

describe('isTrustedSender', () => {
  const top = { url: 'app://dossier/index.html', parent: null };

  it('trusts only the app page in the top-level frame', () => {
    expect(isTrustedSender(top, {})).toBe(true);
  });

  it.each([
    ['a null frame', null],
    ['an undefined frame (destroyed)', undefined],
    ['a sub-frame of the app', { url: 'app://dossier/index.html', parent: top }],
    ['a data: sub-frame (the original view)', { url: 'data:text/html,<p>x</p>', parent: top }],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a file: page', { url: 'file:///tmp/evil.html', parent: null }],
    ['another app host', { url: 'app://evil/index.html', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['an empty URL', { url: '', parent: null }],
    ['the dev server outside development', { url: 'http://localhost:5173/', parent: null }],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame as never, {})).toBe(false);
  });
});

describe('webPreferencesFor and the CSP', () => {
  it('sandboxes every renderer', () => {
    const prefs = webPreferencesFor('/app/preload.cjs');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('allows nothing remote in the app page', () => {
    const directives = new Map(
      APP_CSP.split(';').map((d) => {
        const [k, ...v] = d.trim().split(/\s+/);
        return [k!, v];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const sources of directives.values()) {
      for (const s of sources) expect(s, APP_CSP).toMatch(/^('self'|'none'|'unsafe-inline'|data:)$/);
    }
  });
});

/** A fake Electron session capturing the handlers hardenSession installs. */
function fakeSession() {
  const captured: {
    request?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
    permission?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (contents: unknown, permission: string) => boolean;
    device?: () => boolean;
    download?: (event: { preventDefault(): void }) => void;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: typeof captured.permission) => (captured.permission = h),
    setPermissionCheckHandler: (h: typeof captured.check) => (captured.check = h),
    setDevicePermissionHandler: (h: typeof captured.device) => (captured.device = h),
    webRequest: { onBeforeRequest: (h: typeof captured.request) => (captured.request = h) },
    on: (name: string, h: typeof captured.download) => {
      if (name === 'will-download') captured.download = h;
    },
  };
  return { session: session as unknown as Session, captured };
}

describe('hardenSession', () => {
  it('cancels every request whose scheme is not app:, data:, blob: or devtools:', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, {});
    const decide = (url: string) => {
      let answer: boolean | undefined;
      captured.request!({ url }, (r) => (answer = r.cancel));
      return answer;
    };
    const schemes = [
      'http',
      'https',
      'ws',
      'wss',
      'ftp',
      'file',
      'smb',
      'javascript',
      'chrome',
      'chrome-extension',
      'filesystem',
      'gopher',
      'mailto',
      'tel',
      'ms-msdt',
      'vscode',
      'about',
    ];
    for (const scheme of schemes) expect(decide(`${scheme}://example.org/x`), scheme).toBe(true);
    expect(decide('app://dossier/index.html')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('blob:app://dossier/1')).toBe(false);
    expect(decide('devtools://devtools/x')).toBe(false);
    expect(decide('app://evil/index.html')).toBe(true);
  });

  it('denies every permission and device, and every download', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, {});
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'unknown-future-permission']) {
      let granted: boolean | undefined;
      captured.permission!(null, p, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(captured.check!(null, p)).toBe(false);
    }
    expect(captured.device!()).toBe(false);
    const event = { preventDefault: vi.fn() };
    captured.download!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  it('blocks navigation, redirects, webviews and new windows; opens only safe links outside', () => {
    let created: ((event: unknown, contents: unknown) => void) | undefined;
    const app = { on: (name: string, h: typeof created) => name === 'web-contents-created' && (created = h) } as unknown as App;
    const shell = { openExternal: vi.fn(async () => undefined) } as unknown as Shell;
    hardenWebContents(app, shell, {});
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, h: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, h),
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    };
    created!({}, contents);
    for (const url of HOSTILE.filter((u) => u !== 'app://dossier/index.html')) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = { preventDefault: vi.fn() };
        listeners.get(name)!(event, url);
        expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalled();
      }
      expect(openHandler!({ url })).toEqual({ action: 'deny' });
    }
    const inside = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(inside, 'app://dossier/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(openHandler!({ url: 'https://www.hrw.org/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.hrw.org/');
  });
});
