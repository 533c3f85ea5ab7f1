import { expect, selectInReader, test } from './fixtures.ts';

const TESTIMONY = `Kazakh prisoner describes the camp

A prisoner just released from a so-called political training center said that people inside were only allowed three steamed buns per day.

"We were forced to learn Chinese and sing the national anthem from dawn to dusk," he said.`;

const CHINESE = `新疆的再教育营

他说他们被关押在再教育营里，每天只能吃三个馒头。`;

test('import, search, open, select, tag, and find the passage under its tag', async ({ page, bridge, makeFiles, shot }) => {
  bridge.pickedFiles = makeFiles({ 'testimony.txt': TESTIMONY, 'xinjiang-zh.txt': CHINESE });
  await expect(page.getByText('No documents yet')).toBeVisible();
  await shot('01-empty');

  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2');
  const library = page.getByRole('list', { name: 'Library' });
  await expect(library.getByRole('button')).toHaveCount(2);
  await shot('02-imported');

  await page.getByRole('searchbox', { name: 'Search documents' }).fill('关押');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.locator('mark').first()).toHaveText('关押');
  await expect(results.getByRole('button', { name: '新疆的再教育营' })).toBeVisible();
  await shot('03-search-chinese');

  await page.getByRole('searchbox', { name: 'Search documents' }).fill('steamed buns');
  await results.getByRole('button', { name: 'Kazakh prisoner describes the camp' }).click();
  await expect(page.getByRole('article')).toContainText('three steamed buns per day');
  await shot('04-open');

  await selectInReader(page, 'three steamed buns per day');
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await expect(popover).toBeVisible();
  await popover.getByRole('textbox', { name: 'Tag name' }).fill('Starvation');
  await expect(popover.getByRole('option', { name: 'Create tag “Starvation”' })).toBeVisible();
  await shot('05-tag-popover');
  await popover.getByRole('textbox', { name: 'Tag name' }).press('Enter');
  await expect(popover).toBeHidden();

  // One highlight, cut into pieces where the search's words are marked in it (issue 14, item 5).
  await expect(page.locator('.reader-body mark[data-passage-ids]')).toHaveText(['three ', 'steamed', ' ', 'buns', ' per day']);
  await expect(page.locator('.reader-body .find-hit')).toHaveText(['steamed', 'buns']);
  const codebook = page.getByRole('list', { name: 'Codebook' });
  await expect(codebook.getByRole('button', { name: /Starvation/ })).toContainText('1');
  await shot('06-tagged');

  // Open the other document, then come back through the tag's passage list.
  await library.getByRole('button', { name: /新疆的再教育营/ }).click();
  await expect(page.getByRole('article')).toContainText('馒头');
  await codebook.getByRole('button', { name: /Starvation/ }).click();
  const passages = page.getByRole('region', { name: 'Passages tagged Starvation' });
  await expect(passages.getByRole('button')).toHaveCount(1);
  await passages.getByRole('button', { name: /three steamed buns per day/ }).click();
  await expect(page.getByRole('article', { name: 'Document: Kazakh prisoner describes the camp' })).toBeVisible();
  await expect(page.locator('.reader-body mark').first()).toBeInViewport();
  await shot('07-passage-opened');

  const stats = await bridge.app.handlers['workspace:stats']({});
  expect(stats).toMatchObject({ documents: 2, passages: 1, tags: 1 });
});

test('import progress shows as a bar with the count and the file in the status bar, and gives way to the summary', async ({ page, bridge, shot }) => {
  // The events a long batch sends, delivered the way the bridge delivers the app's own.
  const emit = (payload: { done: number; total: number; currentFile: string }) =>
    page.evaluate((p) => (window as unknown as { __dossierEmit(e: string, p: unknown): void }).__dossierEmit('evt:import:progress', p), payload);
  expect(bridge.calls).not.toContain('documents:import');
  await expect(page.getByText('No documents yet')).toBeVisible();
  await emit({ done: 3, total: 8, currentFile: '/research/reports/witness-statement.pdf' });
  const status = page.getByRole('status');
  const bar = status.getByRole('progressbar');
  await expect(bar).toHaveAttribute('value', '3');
  await expect(bar).toHaveAttribute('max', '8');
  await expect(status).toContainText('Importing 4 of 8: /research/reports/witness-statement.pdf');
  await shot('01-import-progress');
  await emit({ done: 8, total: 8, currentFile: '' });
  await expect(bar).toHaveCount(0);
});

test('dropped files are imported one file per call, never all their bytes in one message (issue 12)', async ({ page, bridge }) => {
  await expect(page.getByText('No documents yet')).toBeVisible();
  await page.evaluate(
    ([a, b]) => {
      const data = new DataTransfer();
      data.items.add(new File([a], 'testimony.txt', { type: 'text/plain' }));
      data.items.add(new File([b], 'xinjiang-zh.txt', { type: 'text/plain' }));
      document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [TESTIMONY, CHINESE] as const,
  );
  await expect(page.getByRole('status')).toContainText('Imported 2');
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('button')).toHaveCount(2);
  // The e2e bridge knows no paths (as a browser would not): each file went in a call of its own.
  expect(bridge.calls.filter((c) => c === 'documents:importData')).toHaveLength(2);
});
