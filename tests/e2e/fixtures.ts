import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPageSession, serveRenderer, type Bridge } from './bridge.ts';
import { selectAcross } from './select-across.ts';

export const SCREENSHOTS = path.resolve('test-results/screenshots');

interface TestFixtures {
  bridge: Bridge;
  tmp: string;
  /** Writes files into a fresh folder and returns their paths. */
  makeFiles(files: Record<string, string>): string[];
  shot(name: string): Promise<void>;
}

export const test = base.extend<TestFixtures, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  tmp: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // The app starts on the start screen (issue 8): the specs written for one workspace get a real
  // session with one investigation created and opened before the page loads, as a returning user has.
  bridge: async ({ page, tmp, rendererUrl }, use) => {
    const session = await connectPageSession(page, path.join(tmp, 'user-data'));
    session.session.create({ name: 'E2E investigation' });
    const bridge: Bridge = {
      get app() {
        return session.session.requireApp();
      },
      get pickedFiles() {
        return session.dialogs.pickedFiles;
      },
      set pickedFiles(files: string[]) {
        session.dialogs.pickedFiles = files;
      },
      calls: session.calls,
      get savePath() {
        return session.dialogs.savePath;
      },
      set savePath(file: string | null) {
        session.dialogs.savePath = file;
      },
    };
    await page.goto(rendererUrl);
    await use(bridge);
    session.session.dispose();
  },
  makeFiles: async ({ tmp }, use) => {
    await use((files) => {
      const folder = mkdtempSync(path.join(tmp, 'files-'));
      return Object.entries(files).map(([name, content]) => {
        const file = path.join(folder, name);
        writeFileSync(file, content);
        return file;
      });
    });
  },
  shot: async ({ page }, use, testInfo) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const prefix = testInfo.titlePath.slice(1).join(' ').replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60);
    await use(async (name) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${prefix}--${name}.png`) });
    });
  },
});

export { expect } from '@playwright/test';

/**
 * Selects the exact text `quote` inside the open reader, as a user's drag would, and releases the
 * mouse; waits until the text is rendered, and works when marked words cut it into pieces (issue 14).
 */
export async function selectInReader(page: Page, quote: string, paneSelector = '.reader-body'): Promise<void> {
  await selectAcross(page, quote, paneSelector);
}
