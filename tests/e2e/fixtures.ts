import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPage, serveRenderer, type Bridge } from './bridge.ts';

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
  bridge: async ({ page, tmp, rendererUrl }, use) => {
    const bridge = await connectPage(page, path.join(tmp, 'workspace'));
    await page.goto(rendererUrl);
    await use(bridge);
    bridge.app.close();
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

/** Selects the exact text `quote` inside the open reader, as a user's drag would, and releases the mouse. */
export async function selectInReader(page: Page, quote: string, paneSelector = '.reader-body'): Promise<void> {
  const found = await page.evaluate(
    ([q, sel]) => {
      const root = document.querySelector(sel);
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(q);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + q.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return true;
        }
      }
      return false;
    },
    [quote, paneSelector] as const,
  );
  if (!found) throw new Error(`"${quote}" is not in the reader`);
}
