import { expect, selectInReader, test } from './fixtures.ts';
import { selectAcross } from './select-across.ts';

const UYGHUR = `لاگېردىكى ھايات

ئۇ لاگېردا ھەر كۈنى ئۈچ موما بېرىلگەنلىكىنى ئېيتتى. بىز ھەر كۈنى خەنزۇچە ئۆگىنىشكە مەجبۇرلاندۇق.`;

/** A long document: 2,000 paragraphs, with the passage to find near the end. */
function longDocument(): string {
  const paragraphs = ['Collected testimonies, volume two'];
  for (let i = 1; i <= 2000; i++)
    paragraphs.push(`Paragraph ${i}. The witness described the daily routine in the facility, the roll calls and the classes.`);
  paragraphs[1900] = 'Paragraph 1900. She saw forty women sharing one cell without windows.';
  return paragraphs.join('\n\n');
}

test('the passages view opens a long document at the passage in the chosen pane; rendering stays virtual', async ({
  page,
  bridge,
  makeFiles,
  shot,
}) => {
  bridge.pickedFiles = makeFiles({
    'volume-two.txt': longDocument(),
    'short.txt': 'A short note\n\nNothing to see here about the cells.',
  });
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2');
  const library = page.getByRole('list', { name: 'Library' });
  await library.getByRole('button', { name: /Collected testimonies/ }).click();
  const left = page.getByRole('region', { name: 'Left pane' });
  // only the blocks in view are in the page
  expect(await left.locator('[data-start]').count()).toBeLessThan(80);

  // per-pane find: count, next, and the match scrolled into view far down
  const find = left.getByRole('searchbox', { name: 'Find in document' });
  await find.fill('forty women');
  await expect(left.getByText('1 of 1')).toBeVisible();
  await expect(left.locator('.find-hit.current')).toBeInViewport();
  await selectAcross(page, 'forty women sharing one cell', '[aria-label="Left pane"] .reader-body');
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await popover.getByRole('textbox', { name: 'Tag name' }).fill('Overcrowding');
  await popover.getByRole('textbox', { name: 'Tag name' }).press('Enter');
  await expect(popover).toBeHidden();
  await find.fill('roll calls');
  await expect(left.getByText('1 of 1999')).toBeVisible();
  await left.getByRole('button', { name: 'Previous match' }).click();
  await expect(left.getByText('1999 of 1999')).toBeVisible();
  await expect(left.locator('.find-hit.current')).toBeInViewport();
  await shot('01-find-in-long-document');
  await find.fill('');

  // open the short document on the left, then the passage from the passages view into the right pane
  await library.getByRole('button', { name: /A short note/ }).click();
  await page.getByRole('radio', { name: 'Right pane' }).check();
  await page
    .getByRole('list', { name: 'Codebook' })
    .getByRole('button', { name: /Overcrowding/ })
    .click();
  const view = page.getByRole('region', { name: 'Passages tagged Overcrowding' });
  await view.getByRole('button', { name: /forty women sharing one cell/ }).click();
  const right = page.getByRole('region', { name: 'Right pane' });
  await expect(right.getByRole('article')).toHaveAccessibleName('Document: Collected testimonies, volume two');
  await expect(right.locator('mark')).toHaveText('forty women sharing one cell');
  await expect(right.locator('mark')).toBeInViewport();
  await expect(left.getByRole('article')).toHaveAccessibleName('Document: A short note');
  await shot('02-passage-opened-in-right-pane');

  // the document's passages as a list: the keyboard way to a highlight's tags and note
  await right.getByText('1 passage', { exact: true }).click();
  await right
    .getByRole('list', { name: 'Passages in this document' })
    .getByRole('button', { name: /forty women/ })
    .press('Enter');
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await expect(editor.getByRole('list', { name: 'Tags of this passage' })).toContainText('Overcrowding');
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toBeHidden();

  // linked scrolling by paragraph: the same volume on both sides follows the pane being scrolled
  await page.getByRole('radio', { name: 'Left pane' }).check();
  await library.getByRole('button', { name: /Collected testimonies/ }).click();
  await page.keyboard.press('Control+f');
  await expect(left.getByRole('searchbox', { name: 'Find in document' })).toBeFocused();
  await page.getByRole('button', { name: 'Link scrolling' }).click();
  await expect(page.getByRole('button', { name: 'Link scrolling' })).toHaveAttribute('aria-pressed', 'true');
  await left.locator('.reader-body').hover();
  await page.mouse.wheel(0, 6000);
  const topParagraph = (pane: typeof left) =>
    pane.locator('.reader-body').evaluate((body) => {
      const top = body.getBoundingClientRect().top;
      const first = [...body.querySelectorAll('[data-start]')].find((el) => el.getBoundingClientRect().bottom > top + 2);
      return Number(/Paragraph (\d+)/.exec(first?.textContent ?? '')?.[1] ?? -1);
    });
  await expect.poll(() => topParagraph(left)).toBeGreaterThan(20);
  const leftTop = await topParagraph(left);
  await expect.poll(async () => Math.abs((await topParagraph(right)) - leftTop)).toBeLessThanOrEqual(1);
  await shot('03-linked-scrolling');
});

test('an Uyghur document renders right to left in an Arabic-script font; the help sheet lists shortcuts', async ({
  page,
  bridge,
  makeFiles,
  shot,
}) => {
  bridge.pickedFiles = makeFiles({ 'uyghur.txt': UYGHUR });
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('article')).toContainText('موما');
  const block = page.locator('.reader-body [data-start]').nth(1);
  await expect(block).toHaveAttribute('dir', 'auto');
  expect(await block.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const font = await block.evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toMatch(/Noto (Naskh|Sans) Arabic/);
  // the text starts at the right edge of the pane
  const box = (await block.boundingBox())!;
  const range = await block.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    const rect = r.getClientRects()[0]!;
    return { right: rect.right, left: rect.left };
  });
  expect(box.x + box.width - range.right).toBeLessThan(4);
  await shot('01-uyghur-rtl');

  await selectInReader(page, 'ئۈچ موما', '.reader-body');
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await popover.getByRole('textbox', { name: 'Tag name' }).fill('يېمەك');
  await popover.getByRole('textbox', { name: 'Tag name' }).press('Enter');
  await expect(page.locator('.reader-body mark')).toHaveText('ئۈچ موما');
  await shot('02-uyghur-tagged');

  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Find in the active pane');
  await shot('03-help-sheet');
  await help.press('Escape');
  await expect(help).toBeHidden();
});

test('metadata edited in place; the original HTML shown in a frame that runs and loads nothing', async ({
  page,
  bridge,
  makeFiles,
  shot,
}) => {
  bridge.pickedFiles = makeFiles({ 'article.txt': 'Camp article\n\nThe article about the camp.' });
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('article')).toContainText('The article about the camp.');
  const [doc] = await bridge.app.handlers['documents:list']({});
  // what the HTML importer stores: a sanitised article (a script here would have been removed; the frame must not run it anyway)
  bridge.app.workspace.db
    .prepare("UPDATE documents SET format = 'html', original_html = ? WHERE id = ?")
    .run(
      '<h1>Camp article</h1><p>The article <b>about</b> the camp.</p><img src="https://tracker.example/pixel.gif"><script>document.title="ran"</script>',
      doc!.id,
    );
  // What reaches the network layer: Chromium may still report a request event for an image its CSP
  // then blocks, so the check is on what got past the page (the route aborts it either way).
  const requests: string[] = [];
  await page.route(
    (url) => url.hostname.endsWith('tracker.example'),
    (route) => {
      requests.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );

  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Document details' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Camp article, annotated');
  await form.getByRole('textbox', { name: 'Source' }).fill('Bitter Winter');
  await form.getByRole('textbox', { name: 'Date' }).fill('2018-08-03');
  await shot('01-editing-details');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('article')).toHaveAccessibleName('Document: Camp article, annotated');
  await expect(page.getByRole('article')).toContainText('Bitter Winter · 2018-08-03');
  await page
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /Camp article, annotated/ })
    .click();

  await page.getByRole('button', { name: 'Show original' }).click();
  const frame = page.locator('iframe.original-view');
  await expect(frame).toHaveAttribute('sandbox', '');
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
  expect(srcdoc).toContain('Content-Security-Policy" content="default-src \'none\'');
  // The stored HTML above holds a script and a remote image: the renderer's own DOMPurify pass
  // (purify-original.ts) removed both before the frame got it; the harmless markup stays.
  expect(srcdoc).toContain('<p>The article <b>about</b> the camp.</p>');
  expect(srcdoc).not.toMatch(/<script|document\.title|tracker\.example|<img/);
  await expect(page.frameLocator('iframe.original-view').locator('b')).toHaveText('about');
  await shot('02-original-view');
  expect(await page.title()).toBe('Dossier');
  expect(requests.filter((u) => u.includes('tracker.example'))).toEqual([]);

  // a bad date is refused with a sentence
  await page.getByRole('button', { name: 'Edit details' }).click();
  await form.getByRole('textbox', { name: 'Date' }).fill('August');
  await form.getByRole('button', { name: 'Save details' }).click();
  // issue 14: the sentence says what to type, beside the field and in the status bar
  await expect(page.getByRole('status')).toContainText('“August” is not a date Dossier can read. Type a date such as 2018-06-04');
});

test('the passages view stays virtual with thousands of passages and opens the last one at its spot', async ({
  page,
  bridge,
  makeFiles,
  shot,
}) => {
  bridge.pickedFiles = makeFiles({ 'volume-two.txt': longDocument() });
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1');
  const [doc] = await bridge.app.handlers['documents:list']({});
  const full = await bridge.app.handlers['documents:get']({ id: doc!.id });
  const tag = await bridge.app.handlers['tags:create']({ name: 'Routine' });
  for (const block of full.blocks.slice(1)) {
    const at = full.text.indexOf('roll calls', block.start);
    if (at < 0 || at > block.end) continue;
    await bridge.app.handlers['passages:create']({
      documentId: doc!.id,
      start: at,
      end: at + 'roll calls'.length,
      tagIds: [tag.id],
    });
  }
  await page.reload();
  await page
    .getByRole('list', { name: 'Codebook' })
    .getByRole('button', { name: /Routine/ })
    .click();
  const view = page.getByRole('region', { name: 'Passages tagged Routine' });
  await expect(view.getByRole('heading')).toContainText('(1999)');
  expect(await view.getByRole('button').count()).toBeLessThan(60);
  await view.locator('.passage-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = view.getByRole('button').last();
  await expect(last).toBeInViewport();
  await shot('01-thousands-of-passages');
  await last.click();
  const left = page.getByRole('region', { name: 'Left pane' });
  await expect(left.getByText('Paragraph 2000.')).toBeInViewport();
  await expect(left.locator('.flash')).toContainText('Paragraph 2000.');
  await shot('02-last-passage-opened');
});

test('the original view sanitises stored HTML again before showing it', async ({ page, bridge, makeFiles }) => {
  // Two files, so that the import opens neither: the reader must fetch the document after the change below.
  bridge.pickedFiles = makeFiles({
    'notice.html': '<html><body><article><h1>County notice</h1><p>Residents must report every week.</p></article></body></html>',
    'other.txt': 'Another document.',
  });
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2');
  // As if an older version, or a hand-edited store, had kept hostile markup.
  bridge.app.workspace.db
    .prepare("UPDATE documents SET original_html = ? WHERE original_name = 'notice.html'")
    .run(
      '<p>Residents must report every week.</p><img src="https://tracker.example/p.png" onerror="parent.hacked=1"><a href="javascript:parent.hacked=1">details</a><svg><script>parent.hacked=1</script></svg><form action="https://evil.example"><input name="q"></form>',
    );
  await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /County notice/ }).click();
  await page.getByRole('button', { name: 'Show original' }).click();
  const frame = page.locator('iframe.original-view');
  await expect(page.frameLocator('iframe.original-view').getByText('every week')).toBeVisible();
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
  for (const forbidden of ['onerror', 'javascript:', '<script', '<svg', '<form', '<input', 'tracker.example', 'evil.example']) expect(srcdoc).not.toContain(forbidden);
  await expect(page.frameLocator('iframe.original-view').getByText('details')).toBeVisible();
});
