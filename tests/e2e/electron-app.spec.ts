/**
 * The packaged shell itself, through Playwright's Electron support. It runs wherever the Electron
 * binary is installed (a developer's desktop); the build machines cannot download it (DESIGN.md, Testing).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DossierApi } from '../../src/shared/contract.ts';

const electronDir = path.resolve('node_modules/electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const hasBinary = binary !== null && existsSync(binary);

test.describe('Electron shell', () => {
  test.skip(!hasBinary, 'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD on build machines); this suite runs on desktops.');

  test('loads the UI from app://, sandboxed, with window.dossier and nothing of Node', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'dossier-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: [path.resolve('out/main/index.js'), `--user-data-dir=${userData}`] });
    try {
      const page = await app.firstWindow();
      // a fresh user-data folder starts on the start screen (issue 8): create an investigation from it
      await page.getByRole('textbox', { name: 'Name of the new investigation' }).fill('Electron check');
      await page.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByRole('searchbox', { name: 'Search documents' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/dossier\//);
      const exposed = await page.evaluate(() => ({
        api: typeof (window as { dossier?: { invoke?: unknown } }).dossier?.invoke,
        process: typeof (globalThis as { process?: unknown }).process,
        require: typeof (globalThis as { require?: unknown }).require,
      }));
      expect(exposed).toEqual({ api: 'function', process: 'undefined', require: 'undefined' });
      const stats = await page.evaluate(() => (window as unknown as { dossier: DossierApi }).dossier.invoke('workspace:stats', {}));
      expect(stats).toMatchObject({ ok: true, value: { documents: 0 } });
      const remote = await page.evaluate(() => fetch('https://example.org/').then(() => 'loaded', () => 'blocked'));
      expect(remote).toBe('blocked');
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
