/**
 * The packaged shell itself, through Playwright's Electron support. It fetches the Electron binary
 * the way `npm start` does (scripts/ensure-electron.ts) and runs wherever that works (a developer's
 * desktop); where it cannot be had (the build machines, which cannot download it: DESIGN.md,
 * Testing) the suite is skipped with the download's own sentence.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureElectron } from '../../scripts/ensure-electron.ts';
import type { DossierApi } from '../../src/shared/contract.ts';

test.describe('Electron shell', () => {
  let binary: string | undefined;
  let unavailable = '';
  test.beforeAll(async () => {
    const result = await ensureElectron();
    binary = result.binary;
    unavailable = result.message ?? '';
  });

  test('loads the UI from app://, sandboxed, with window.dossier and nothing of Node', async () => {
    test.skip(!binary, `The Electron binary could not be had here, so the real shell is not launched: ${unavailable}`);
    const userData = mkdtempSync(path.join(os.tmpdir(), 'dossier-electron-'));
    const app = await electron.launch({ executablePath: binary, args: [path.resolve('out/main/index.js'), `--user-data-dir=${userData}`] });
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
