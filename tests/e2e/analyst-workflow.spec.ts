/**
 * Issue 14 (what a first-time analyst hit), the interface's part, on one page shared by the
 * steps (one investigation, one import): focus after creating and importing, folder import from
 * the toolbar, a search kept while reading its hit with every matched word marked, keyboard-only
 * tagging with the word cursor, the passage editor, paragraph numbers as citations count them,
 * the layout at 1024x700 and 1920x1080 in light and dark, the palette's key and ISO date fields.
 * Items: 5, 6, 10, 11, 12 (their numbers are in the test names).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { connectPageSession, type SessionBridge } from './bridge.ts';
import { expect, SCREENSHOTS, test } from './fixtures.ts';

test.describe.configure({ mode: 'serial' });

/** A PDF of one page per entry, each line of text a line on the page (Helvetica, no embedded font). */
function pdf(pages: string[][]): string {
  const objects: string[] = [];
  const kids: number[] = [];
  const fontId = 3 + pages.length * 2;
  pages.forEach((lines, i) => {
    const pageId = 3 + i * 2;
    kids.push(pageId);
    const text = lines.map((line, j) => `${j === 0 ? '72 760 Td' : '0 -28 Td'} (${line}) Tj`).join(' ');
    const stream = lines.length ? `BT /F1 12 Tf ${text} ET` : '';
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  objects[fontId] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  return `${out}trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

const FILLER = Array.from({ length: 28 }, (_, i) => `Paragraph ${i + 3} of the interview covers the journey, the family left behind and the weeks of waiting.`);
const TESTIMONY_TITLE = 'Testimony of a released prisoner';
const TESTIMONY = [
  TESTIMONY_TITLE,
  'He was detained in March at the border crossing. The guards took his passport and his phone. Nobody told his family where he was.',
  ...FILLER,
  'In the last month the detainees were made to sing every morning before the roll call.',
].join('\n\n');

// Markdown with headings: the margin must skip them exactly as citations do.
const ARTICLES = Array.from({ length: 20 }, (_, i) =>
  i === 15 ? 'Everyone has the right to freedom of movement and residence within the borders of each State.' : `Article text number ${i + 1} of the declaration, on the rights of every person.`,
);
const DECLARATION = [
  '# Universal Declaration of Human Rights (English translation, adopted in Paris in 1948)',
  '## Preamble',
  ...ARTICLES.slice(0, 5),
  '## Articles 1 to 10',
  ...ARTICLES.slice(5, 12),
  '## Articles 11 to 20',
  ...ARTICLES.slice(12),
].join('\n\n');

const FILES: Record<string, string> = {
  'testimony.txt': TESTIMONY,
  'declaration-en.md': DECLARATION,
  'declaration-kk.txt': 'Universal Declaration of Human Rights (Kazakh translation) Адам құқықтарының жалпыға бірдей декларациясы\n\nӘрбір адамның еркін жүріп-тұруға құқығы бар.',
  'declaration-ru.txt': 'Universal Declaration of Human Rights (Russian translation) Всеобщая декларация прав человека\n\nКаждый человек имеет право свободно передвигаться.',
  'ngo-report.pdf': pdf([
    ['NGO report on the Karamay facility', 'Satellite images show new walls around the facility.'],
    ['Former detainees describe rations of steamed buns.', 'The report ends with recommendations.'],
  ]),
  'scan.pdf': pdf([[]]),
};

let page: Page;
let session: SessionBridge;
let tmp: string;

async function shot(name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `issue-14--${name}.png`) });
}

const box = (l: Locator) => l.boundingBox().then((b) => b ?? { x: 0, y: 0, width: 0, height: 0 });
const library = () => page.getByRole('list', { name: 'Library' });
const searchBox = () => page.getByRole('searchbox', { name: 'Search documents' });
const leftPane = () => page.getByRole('region', { name: 'Left pane' });
const rightPane = () => page.getByRole('region', { name: 'Right pane' });
const leftText = () => leftPane().getByRole('document');
/** What shows as selected in the left pane's text (it may span several pieces: a find mark, a highlight). */
const selectedText = () => leftText().locator('.pending-selection').allTextContents().then((parts) => parts.join(''));

test.beforeAll(async ({ browser, rendererUrl }) => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-14-'));
  // A German browser: date fields must still read and write YYYY-MM-DD.
  page = await browser.newPage({ viewport: { width: 1024, height: 700 }, locale: 'de-DE' });
  session = await connectPageSession(page, path.join(tmp, 'user-data'));
  await page.goto(rendererUrl);
});

test.afterAll(async () => {
  await page.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('items 10 and 12: a new investigation focuses Import; a folder imports from the toolbar, one full stop a sentence, focus on the library', async () => {
  await page.getByRole('textbox', { name: 'Name of the new investigation' }).fill('Karamay');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const importButton = page.getByRole('button', { name: 'Import…', exact: true });
  await expect(importButton).toBeFocused();

  const folder = path.join(tmp, 'research');
  mkdirSync(folder);
  for (const [name, content] of Object.entries(FILES)) writeFileSync(path.join(folder, name), content);
  session.dialogs.pickedFiles = [folder];
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('Imported 5; 1 failed: scan.pdf has no readable text (its pages hold neither text nor images to recognise).');
  await expect(status).not.toContainText('..');
  expect(session.dialogs.pickedFolders).toBe(true);
  await expect(library().getByRole('button')).toHaveCount(5);
  // Several documents came in: the focus is on the library, where one is chosen next.
  await expect(page.locator('.doc-list button:focus')).toHaveCount(1);
});

test('item 5: opening a hit keeps the query and the results one key away, and marks every matched word with next/previous', async () => {
  await searchBox().fill('detain*');
  const results = page.getByRole('region', { name: 'Search results' });
  const hit = results.getByRole('listitem', { name: TESTIMONY_TITLE });
  await expect(hit).toBeVisible();
  const rows = results.getByRole('list', { name: 'Matching documents' }).getByRole('listitem');
  const index = Number(await hit.getAttribute('data-index'));
  await searchBox().press('ArrowDown');
  await expect(rows.nth(0)).toBeFocused();
  for (let i = 1; i <= index; i++) {
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(i)).toBeFocused();
  }
  await expect(hit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(leftPane().getByRole('article', { name: `Document: ${TESTIMONY_TITLE}` })).toBeVisible();
  await expect(searchBox()).toHaveValue('detain*');
  await expect(leftText()).toBeFocused();
  const count = leftPane().locator('.find-count');
  // "detained" (opened there) and "detainees", 28 paragraphs further down, far past any snippet.
  await expect(count).toHaveText('1 of 2');
  await expect(leftPane().getByRole('button', { name: 'Stop marking the words of “detain*”' })).toBeVisible();
  await expect(leftPane().locator('.find-hit.current')).toHaveText('detained');
  await leftPane().getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText('2 of 2');
  await expect(leftPane().locator('.find-hit.current')).toHaveText('detainees');
  await expect(leftPane().locator('.find-hit.current')).toBeInViewport();
  await shot('05-hit-opened-words-marked-1024');
  await leftPane().getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText('1 of 2');

  // One key back: the same results, the hit that was opened focused.
  await leftText().press('Alt+ArrowLeft');
  await expect(hit).toBeFocused();
  await expect(searchBox()).toHaveValue('detain*');
  await page.getByRole('button', { name: '← Results for “detain*”' }).waitFor({ state: 'hidden' });
});

test('item 10: a sentence selected and tagged with the keyboard only; the passage editor closes on Escape and on a click elsewhere, inside its pane', async () => {
  // Enter on the focused hit opens it again with the word cursor at the hit, in "He was detained…".
  await page.keyboard.press('Enter');
  await expect(leftText()).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(selectedText).toBe('He was detained');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(selectedText).toBe('He was detained in March at the border crossing.');
  // A screen reader hears what is selected.
  await expect(leftPane().locator('[aria-live="polite"].visually-hidden')).toHaveText('Selected: “He was detained in March at the border crossing.” (Enter tags it)');
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await expect(popover).toContainText('“He was detained in March at the border crossing.”');
  await page.keyboard.type('Arrest');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  await expect.poll(() => leftText().locator('mark').allTextContents().then((parts) => parts.join(''))).toBe('He was detained in March at the border crossing.');
  const stored = (await session.handlers['passages:list']({})).map((p) => [p.exact, p.tagIds.length]);
  expect(stored).toEqual([['He was detained in March at the border crossing.', 1]]);
  await expect(leftText()).toBeFocused();
  // The help sheet lists what the keys do.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Shift+← / Shift+→, Shift+↑ / Shift+↓');
  await expect(help).toContainText('move the word cursor');
  await page.keyboard.press('Escape');

  // A second document in the right pane; the editor of a left highlight stays in the left pane.
  await page.getByRole('radio', { name: 'Right pane' }).check();
  await library().getByRole('button', { name: /Universal Declaration of Human Rights \(English/ }).click();
  await expect(rightPane().getByRole('article')).toBeVisible();
  const mark = leftText().locator('mark').last();
  await mark.click({ position: { x: (await box(mark)).width - 4, y: 6 } });
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
  const [e, l] = [await box(editor), await box(leftPane())];
  expect(e.x).toBeGreaterThanOrEqual(l.x);
  expect(e.x + e.width).toBeLessThanOrEqual(l.x + l.width + 1);
  await shot('10-passage-editor-in-its-pane-1024');
  await page.keyboard.type('Seen by his brother');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(leftText()).toBeFocused();
  await mark.click();
  await expect(editor).toBeVisible();
  await page.getByRole('heading', { name: 'Codebook' }).click();
  await expect(editor).toBeHidden();
});

test('item 6: the margin numbers paragraphs as the citations count them, and shows where PDF pages begin', async () => {
  const h = session.handlers;
  const docs = await h['documents:list']({});
  const declaration = docs.find((d) => d.title.startsWith('Universal Declaration of Human Rights (English'))!;
  const ngo = docs.find((d) => d.format === 'pdf')!;
  const cite = async (documentId: string, quote: string) => {
    const full = await h['documents:get']({ id: documentId });
    const start = full.text.indexOf(quote);
    await h['passages:create']({ documentId, start, end: start + quote.length, tagNames: ['Movement'] });
  };
  await cite(declaration.id, 'freedom of movement and residence');
  await cite(ngo.id, 'rations of steamed buns');
  const tag = (await h['tags:list']({})).find((t) => t.name === 'Movement')!;
  const report = await h['reports:create']({ title: 'Movement', fromTagIds: [tag.id] });
  const { html } = await h['reports:preview']({ id: report.id });
  expect(html).toContain('para. 16');
  expect(html).toContain('p. 2');

  // The declaration is in the right pane: find the quote, its row's margin says 16.
  const right = rightPane();
  const find = right.getByRole('searchbox', { name: 'Find in document' });
  await find.fill('freedom of movement and residence');
  const row = right.locator('.block-row', { has: page.locator('.find-hit') });
  await expect(row).toHaveAttribute('data-para', '16');
  expect(await row.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"16"');
  // Headings carry no number: the four above do not shift the count.
  await expect(right.locator('.block-row', { has: page.locator('h2, h3') }).first()).not.toHaveAttribute('data-para');
  await expect(right.locator('.block-row[data-para="15"]')).toContainText('Article text number 15 of');
  await shot('06-paragraph-numbers-1024');

  // The PDF: its second page begins in the margin as "p. 2", where the quote cited "p. 2" is.
  await library().getByRole('button', { name: /NGO report on the Karamay facility/ }).click();
  const page2 = right.locator('.block-row.page-start[data-page-label="p. 2"]');
  await expect(page2).toBeVisible();
  const rows = right.locator('.block-row');
  await find.fill('rations of steamed buns');
  const quoteRow = right.locator('.block-row', { has: page.locator('.find-hit') });
  const [p2, q] = [await box(page2), await box(quoteRow)];
  expect(q.y).toBeGreaterThanOrEqual(p2.y - 1);
  await expect(rows.first()).toHaveAttribute('data-page-label', 'p. 1');
});

async function expectToolbarWhole(width: number) {
  const parts = await page.locator('.toolbar > *').evaluateAll((els) =>
    els.filter((el) => getComputedStyle(el).display !== 'none').map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.getAttribute('aria-label') ?? el.className ?? el.tagName, left: r.left, right: r.right };
    }),
  );
  for (const [i, part] of parts.entries()) {
    expect(part.right, `${part.name} inside the window`).toBeLessThanOrEqual(width);
    const next = parts[i + 1];
    if (next) expect(part.right, `${part.name} does not overlap ${next.name}`).toBeLessThanOrEqual(next.left + 0.5);
  }
}

async function setTheme(theme: 'light' | 'dark') {
  await session.handlers['settings:update']({ theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('item 11: at 1024x700 and 1920x1080, light and dark, the layout is whole: toolbar, readable titles, a resizable side column, reports that never crush the reader', async () => {
  await expectToolbarWhole(1024);
  await expect(page.getByRole('button', { name: 'Settings' })).toBeInViewport({ ratio: 1 });

  // Library titles: two lines and the whole title as a tooltip.
  const long = library().getByRole('button', { name: /Kazakh translation/ });
  await expect(long).toHaveAttribute('title', 'Universal Declaration of Human Rights (Kazakh translation) Адам құқықтарының жалпыға бірдей декларациясы');
  const lines = await long.locator('.title').evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBe(2);

  // The side column: wider from the keyboard, hidden and shown again.
  const sidebar = page.locator('.sidebar');
  const before = (await box(sidebar)).width;
  await page.getByRole('separator', { name: 'Resize the side column' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await box(sidebar)).width).toBeGreaterThanOrEqual(before + 59);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await box(sidebar)).width).toBeCloseTo(before, 0);
  const paneWithSidebar = (await box(leftPane())).width;
  await page.getByRole('button', { name: 'Hide the library and codebook' }).click();
  await expect(sidebar).toHaveCount(0);
  await expect.poll(async () => (await box(leftPane())).width).toBeGreaterThan(paneWithSidebar + 80);
  await page.getByRole('button', { name: 'Show the library and codebook' }).click();
  await expect(sidebar).toBeVisible();

  // A tag added in the codebook (the list then also shows "Movement", made through the service above).
  await page.getByRole('textbox', { name: 'New tag name' }).fill('Conditions of detention');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('list', { name: 'Codebook' }).getByRole('button')).toHaveCount(3);

  // Reports over the reading area's end: the reader keeps its width.
  const leftBefore = (await box(leftPane())).width;
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  const reports = page.locator('.reports-drawer');
  await expect(reports).toBeVisible();
  expect((await box(leftPane())).width).toBeCloseTo(leftBefore, 0);
  await reports.getByRole('button', { name: 'New report' }).click();
  const choices = reports.locator('label.tag-choice');
  await expect(choices).toHaveCount(3);
  const boxes = await choices.evaluateAll((els) => els.map((el) => ({ left: el.getBoundingClientRect().left, height: el.getBoundingClientRect().height })));
  // One tag a row, checkbox and name on one line, all starting at the same place.
  expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBe(1);
  for (const b of boxes) expect(b.height).toBeLessThan(30);
  await shot('11-1024x700-light-reports');
  await setTheme('dark');
  await shot('11-1024x700-dark-reports');
  await reports.getByRole('button', { name: 'Close the reports' }).click();
  await expect(reports).toBeHidden();
  await shot('11-1024x700-dark');
  await setTheme('light');
  await shot('11-1024x700-light');

  // 1920x1080: the reports are a third column; both reading panes stay wide.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectToolbarWhole(1920);
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(reports).toBeVisible();
  const [left, right, drawer] = [await box(leftPane()), await box(rightPane()), await box(reports)];
  expect(left.width).toBeGreaterThan(500);
  expect(right.x + right.width).toBeLessThanOrEqual(drawer.x + 1);
  await shot('11-1920x1080-light-reports');
  await setTheme('dark');
  await shot('11-1920x1080-dark-reports');
  await reports.getByRole('button', { name: 'Close the reports' }).click();
  await shot('11-1920x1080-dark');
  await setTheme('light');
  await shot('11-1920x1080-light');
  await page.setViewportSize({ width: 1024, height: 700 });
});

test('item 12: the palette key reads Ctrl+K here and offers folder import; date fields write YYYY-MM-DD in a German browser', async () => {
  const paletteButton = page.getByRole('button', { name: 'Commands (Ctrl+K)' });
  await expect(paletteButton).toHaveText('Ctrl+K');
  await paletteButton.click();
  await page.getByRole('combobox', { name: 'Commands' }).fill('folder');
  await expect(page.getByRole('option', { name: 'Import a folder…' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The same query again: Enter brings its results back.
  await searchBox().fill('detain*');
  await searchBox().press('Enter');
  const facets = page.getByRole('complementary', { name: 'Filter results' });
  const from = facets.getByRole('textbox', { name: 'Published from' });
  await from.fill('10.03.2019');
  await expect(facets.getByRole('alert')).toHaveText('Type the date as YYYY-MM-DD, e.g. 2019-03-10.');
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await from.fill('2019-03-10');
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('From: 2019-03-10');
  await expect(from).toHaveValue('2019-03-10');
  await expect(facets.getByRole('alert')).toHaveCount(0);
});
