/**
 * Issue 19: a document's History panel shows a web capture's facts, then its chain of custody
 * newest first; an edit of its details appears at the top with the old and new values.
 */
import { articleHtml, buildMhtml, KAZAKH_TESTIMONY } from '../unit/importers/capture-fixtures.ts';
import { expect, test } from './fixtures.ts';

test('the History panel shows the capture facts and every custody entry, newest first', async ({ page, bridge, makeFiles, shot }) => {
  const mhtml = buildMhtml('https://kz.example.org/testimony', 'Mon, 30 Nov 2026 12:34:56 +0000', articleHtml(KAZAKH_TESTIMONY.title, KAZAKH_TESTIMONY.paragraphs, 'kk'), KAZAKH_TESTIMONY.title);
  bridge.pickedFiles = makeFiles({ 'testimony.mhtml': new TextDecoder().decode(mhtml) });
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1');
  await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: new RegExp(KAZAKH_TESTIMONY.title) }).click();
  const left = page.getByRole('region', { name: 'Left pane' });

  await left.getByRole('button', { name: 'Edit details' }).click();
  await left.getByRole('textbox', { name: 'Author' }).fill('Anonymous witness');
  await left.getByRole('button', { name: 'Save details' }).click();

  await left.getByRole('button', { name: 'History' }).click();
  const history = left.getByRole('region', { name: `History of ${KAZAKH_TESTIMONY.title}` });
  await expect(history.getByText('https://kz.example.org/testimony')).toBeVisible();
  await expect(history.getByText('2026-11-30T12:34:56.000Z')).toBeVisible();
  await expect(history.getByText('Chromium (Blink) MHTML')).toBeVisible();
  const events = history.getByRole('list', { name: 'Chain of custody, newest first' }).getByRole('listitem');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('Details edited');
  await expect(events.nth(0)).toContainText('author: (empty) → Anonymous witness');
  await expect(events.nth(1)).toContainText('Imported');
  await expect(events.nth(1)).toContainText(/testimony\.mhtml, \d+ bytes, SHA-256 [0-9a-f]{12}…/);
  await history.getByRole('button', { name: 'Check the chain' }).click();
  await expect(page.getByRole('status')).toContainText('The chain of custody is intact: 2 entries');
  await shot('01-history-panel');
});
