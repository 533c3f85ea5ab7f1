/**
 * A launch of the real shell without Electron (issue 12). The Electron binary cannot be downloaded
 * on the build machines, so nothing here can open the window; instead the BUILT main process
 * (out/main/index.js, exactly what `npm start` and the installers run) is started in Node with a
 * recording stand-in for the `electron` module (tests/helpers/electron-stand-in), and what the
 * launch did is asserted: schemes registered before ready, the secure window preferences, the
 * preload and renderer files it points at exist, app:// serves index.html with the CSP and refuses
 * traversal, every contract channel is registered for IPC (and refuses a foreign frame), the
 * printer's session and the quit flush are wired, and a failing start shows its dialog and exits.
 *
 * What it cannot prove: that Electron itself honours these settings (sandboxing, the CSP header,
 * the preload really loading in a sandboxed renderer), how the window looks, or anything that
 * depends on Chromium's process model. The Playwright suites cover the renderer in Chromium, and
 * tests/e2e/electron-app.spec.ts covers the real binary wherever it can be downloaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/contract.ts';
import { APP_CSP } from '../../../src/main/electron/security.ts';
import { ensureBuilt } from '../../helpers/build.ts';

const ROOT = process.cwd();
const MAIN = path.join(ROOT, 'out/main/index.js');
const REGISTER = path.join(ROOT, 'tests/helpers/electron-stand-in/register.mjs');

interface Report {
  calls: { name: string; args: unknown[] }[];
  schemesBeforeReady: boolean | null;
  ready: boolean;
  windows: { options: { webPreferences: Record<string, unknown>; show?: boolean; icon?: string }; loaded: string[] }[];
  ipcChannels: string[];
  probes: {
    index?: { status: number; csp: string | null; hasRoot: boolean } | null;
    traversal?: ({ status: number } | null)[];
    ipcTrusted?: { ok: boolean; value?: { appVersion: string; osSandbox?: boolean } } | null;
    ipcForeign?: { ok: boolean; error?: { code: string } } | null;
    printFilter?: { remote: boolean; data: boolean } | null;
    defaultFilter?: { remote: boolean; app: boolean } | null;
    quit?: { prevented: boolean; quitAfterFlush: boolean };
  };
  exitCode: number | null;
}

const dirs: string[] = [];
function launch(env: Record<string, string> = {}): { report: Report; status: number | null; stderr: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-launch-'));
  dirs.push(dir);
  const reportFile = path.join(dir, 'report.json');
  const result = spawnSync(process.execPath, ['--import', REGISTER, MAIN], {
    cwd: ROOT,
    env: { ...process.env, DOSSIER_STAND_IN_REPORT: reportFile, DOSSIER_STAND_IN_USER_DATA: path.join(dir, 'user-data'), ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (!existsSync(reportFile)) throw new Error(`the built main process wrote no report (exit ${result.status}): ${result.stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report, status: result.status, stderr: result.stderr };
}

let normal: ReturnType<typeof launch>;
beforeAll(() => {
  ensureBuilt();
  normal = launch();
}, 300_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a launch of the built main process (out/main/index.js) against a recording electron', () => {
  it('starts and settles without an error', () => {
    expect(normal.report.exitCode).toBe(0);
    expect(normal.status).toBe(0);
    expect(normal.report.calls.map((c) => c.name)).not.toContain('dialog.showErrorBox');
  });

  it('registers the app:// scheme as privileged before the app is ready, and asks for the single-instance lock', () => {
    expect(normal.report.schemesBeforeReady).toBe(true);
    const schemes = normal.report.calls.find((c) => c.name === 'protocol.registerSchemesAsPrivileged')!.args[0] as { scheme: string }[];
    expect(schemes.map((s) => s.scheme)).toEqual(['app']);
    expect(normal.report.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['app.enableSandbox', 'app.requestSingleInstanceLock']));
  });

  it('opens one window with the secure preferences, loading app://, with a preload and renderer that exist in out/', () => {
    const [window, ...others] = normal.report.windows;
    expect(others).toEqual([]);
    expect(window!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(window!.options.show).toBe(false);
    expect(window!.loaded).toEqual(['app://dossier/index.html']);
    const preload = window!.options.webPreferences.preload as string;
    expect(preload).toBe(path.join(ROOT, 'out/preload/index.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(existsSync(path.join(ROOT, 'out/renderer/index.html'))).toBe(true);
    expect(existsSync(window!.options.icon!)).toBe(true);
  });

  it('serves index.html over app:// with the CSP, and refuses traversal and other hosts', () => {
    expect(normal.report.probes.index).toEqual({ status: 200, csp: APP_CSP, hasRoot: true });
    expect(normal.report.probes.traversal!.map((r) => r?.status)).toEqual([404, 404, 404, 404]);
  });

  it('registers every contract channel for IPC, answering the app frame and refusing a foreign one', () => {
    expect([...normal.report.ipcChannels].sort()).toEqual([...CHANNELS].sort());
    expect(normal.report.probes.ipcTrusted).toMatchObject({ ok: true, value: { appVersion: '0.0.0-stand-in', osSandbox: true } });
    expect(normal.report.probes.ipcForeign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('cancels every remote request, in the app and in the printer session it wires', () => {
    expect(normal.report.probes.defaultFilter).toEqual({ remote: true, app: false });
    expect(normal.report.probes.printFilter).toEqual({ remote: true, data: false });
  });

  it('holds the first quit until pending writes are flushed, then quits', () => {
    expect(normal.report.probes.quit).toEqual({ prevented: true, quitAfterFlush: true });
  });

  it('gives the native About panel the runtime versions and builds the menu', () => {
    const about = normal.report.calls.find((c) => c.name === 'app.setAboutPanelOptions')!.args[0] as Record<string, string>;
    expect(JSON.stringify(about)).toContain(`Node ${process.versions.node}`);
    expect(normal.report.calls.find((c) => c.name === 'Menu.setApplicationMenu')!.args[0]).toEqual(expect.arrayContaining(['File', 'View']));
  });

  it('tells the window when it runs without the OS sandbox', () => {
    const { report } = launch({ DOSSIER_STAND_IN_NO_SANDBOX: '1' });
    expect(report.probes.ipcTrusted).toMatchObject({ ok: true, value: { osSandbox: false } });
  });

  it('shows a dialog with a sentence and exits non-zero when start-up throws', () => {
    const { report, status } = launch({ DOSSIER_STAND_IN_FAIL: 'getPath' });
    const shown = report.calls.find((c) => c.name === 'dialog.showErrorBox');
    expect(shown?.args[0]).toBe('Dossier could not start');
    expect(shown?.args[1]).toMatch(/the user-data folder is on a disk that is not mounted.*investigations are unchanged/);
    expect(report.exitCode).toBe(1);
    expect(status).toBe(1);
    expect(report.windows).toEqual([]);
  });
});

describe('the built renderer keeps the strict CSP; only the dev server relaxes it', () => {
  it('has no unsafe-inline script in out/renderer/index.html', () => {
    const html = readFileSync(path.join(ROOT, 'out/renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
  });

  it('serves the dev page with an inline-script and WebSocket allowance (the React Refresh preamble)', async () => {
    const { withDevServerCsp } = await import('../../../src/main/electron/dev-csp.ts');
    const source = readFileSync(path.join(ROOT, 'src/renderer/index.html'), 'utf8');
    const dev = withDevServerCsp(source);
    const directive = (html: string, name: string) =>
      (/content="([^"]*)"/.exec(html)?.[1] ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith(name)) ?? '';
    expect(directive(dev, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(dev, 'connect-src')).toContain('ws://localhost:*');
    expect(directive(source, 'script-src')).toBe("script-src 'self'");
    // The plugin applies to the dev server only, never to `electron-vite build`.
    const config = readFileSync(path.join(ROOT, 'electron.vite.config.ts'), 'utf8');
    expect(config).toMatch(/apply: 'serve', transformIndexHtml/);
  });
});
