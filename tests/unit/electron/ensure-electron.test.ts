/**
 * `npm start` / `npm run dev` fetch the Electron binary first (issue 12). Tested on copies of the
 * electron package in temporary folders, with the package's real installer and @electron/get, and
 * a mirror that cannot be reached: what a user offline sees.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectron, installedElectron } from '../../../scripts/ensure-electron.ts';

const REAL = path.resolve('node_modules/electron');
const VERSION = (JSON.parse(readFileSync(path.join(REAL, 'package.json'), 'utf8')) as { version: string }).version;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** node_modules/electron without its binary: the package files, and its dependencies reachable. */
function packageCopy(): { root: string; electronDir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-electron-pkg-'));
  dirs.push(root);
  const electronDir = path.join(root, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json']) copyFileSync(path.join(REAL, file), path.join(electronDir, file));
  symlinkSync(path.resolve('node_modules/@electron'), path.join(root, 'node_modules', '@electron'), 'junction');
  return { root, electronDir };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const offlineEnv = (root: string, mirror: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  ELECTRON_MIRROR: mirror,
  electron_config_cache: path.join(root, 'cache'),
});

describe('ensure-electron', () => {
  it('returns the installed binary at once when path.txt, dist/version and the file agree', async () => {
    const { electronDir } = packageCopy();
    mkdirSync(path.join(electronDir, 'dist'));
    writeFileSync(path.join(electronDir, 'dist', 'version'), VERSION);
    writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    writeFileSync(path.join(electronDir, 'dist', 'electron'), '');
    expect(installedElectron(electronDir)).toBe(path.join(electronDir, 'dist', 'electron'));
    // No network: a fetch would fail, so success proves nothing was fetched.
    await expect(ensureElectron({ electronDir, env: offlineEnv(electronDir, 'http://127.0.0.1:9/') })).resolves.toEqual({
      ok: true,
      binary: path.join(electronDir, 'dist', 'electron'),
    });
  });

  it('offline: fails with one sentence saying the binary could not be downloaded and how to provide it', async () => {
    const { root, electronDir } = packageCopy();
    const result = await ensureElectron({ electronDir, env: offlineEnv(root, `http://127.0.0.1:${await closedPort()}/`) });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(new RegExp(`^Dossier could not download the Electron ${VERSION.replace(/\./g, '\\.')} binary`));
    expect(result.message).toMatch(/HTTPS_PROXY.*ELECTRON_MIRROR.*ELECTRON_EXEC_PATH/);
    expect(result.message).not.toMatch(/uninstall|\n| {4}at /);
    expect(installedElectron(electronDir)).toBeNull();
  });

  it('gives up on a mirror that never answers, with the same sentence', async () => {
    const { root, electronDir } = packageCopy();
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const result = await ensureElectron({ electronDir, env: offlineEnv(root, `http://127.0.0.1:${port}/`), timeoutMs: 1500 });
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/could not download the Electron .* binary it runs on \(no answer within 2 s\)/);
    } finally {
      silent.close();
    }
  });

  it('uses ELECTRON_EXEC_PATH as electron-vite does, and says so when it names nothing', async () => {
    const { electronDir } = packageCopy();
    const missing = path.join(electronDir, 'no-such-electron');
    const result = await ensureElectron({ electronDir, env: { ELECTRON_EXEC_PATH: missing } });
    expect(result).toEqual({ ok: false, message: `Dossier cannot start: ELECTRON_EXEC_PATH names ${missing}, which does not exist.` });
  });

  it('runs before npm start and npm run dev; nothing in package.json still pretends to install Electron', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; allowScripts?: Record<string, boolean> };
    expect(pkg.scripts.prestart).toBe('node scripts/ensure-electron.ts install-electron');
    expect(pkg.scripts.predev).toBe('node scripts/ensure-electron.ts install-electron');
    expect(pkg.allowScripts?.electron).toBeUndefined();
    expect(readFileSync('.ci/run', 'utf8')).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });
});
