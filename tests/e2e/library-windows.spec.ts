import { createHash } from 'node:crypto';
import { insertDocument } from '../../src/main/store/documents-repo.ts';
import { transaction } from '../../src/main/store/database.ts';
import { expect, test } from './fixtures.ts';

/** Issue 17: the library fetches windows of documents as it scrolls, in the order chosen, and keeps a selection by id. */
test('the library scrolls through 450 documents a window at a time, sorted by title with numbers in order, keeping the selection', async ({
  page,
  bridge,
  shot,
}) => {
  const { db } = bridge.app.workspace;
  transaction(db, () => {
    for (let i = 1; i <= 450; i++) {
      const text = `Record ${i} of the registry.`;
      const hash = createHash('sha256').update(text).digest('hex');
      insertDocument(
        db,
        `doc-${i}`,
        {
          title: `Record ${i}`,
          source: null,
          author: null,
          url: null,
          publishedAt: null,
          language: 'en',
          format: 'txt',
          text,
          blocks: [],
          pageStarts: null,
          meta: {},
          originalHtml: null,
          reviewFlags: [],
          contentHash: hash,
          originalHash: hash,
          originalName: `record-${i}.txt`,
          originalBytes: new TextEncoder().encode(text),
        },
        `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
      );
    }
  });
  await page.reload();
  const library = page.getByRole('list', { name: 'Library' });
  await expect(page.locator('.library-count')).toContainText('450 documents');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
  await expect(library.getByRole('button').first()).toContainText('Record 1');
  // Virtual: only the rows in view are in the page.
  expect(await library.getByRole('button').count()).toBeLessThan(60);
  await library.getByRole('checkbox', { name: 'Select Record 2', exact: true }).check();

  const scroller = page.locator('.library-scroll');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  // "Record 450" is the last by number (a plain text order would end on "Record 99"), from the fifth window.
  await expect(library.getByRole('button', { name: /^Record 450(?!\d)/ })).toBeInViewport();
  await expect(library.getByRole('button').last()).toContainText('Record 450');
  await shot('01-library-last-window');
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(library.getByRole('checkbox', { name: 'Select Record 2', exact: true })).toBeChecked();
  await expect(page.locator('.library-count')).toContainText('Delete 1');
});
