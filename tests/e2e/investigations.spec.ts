/**
 * Issue 8 in the browser against the real session: first run with the sample, search in Uyghur,
 * switching, archive export and re-import, a damaged archive, dark theme, the command palette,
 * settings and keyboard-only tagging.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { connectPageSession, type SessionBridge } from './bridge.ts';
import { expect, test as base } from './fixtures.ts';

const test = base.extend<{ session: SessionBridge }>({
  session: async ({ page, tmp, rendererUrl }, use) => {
    const session = await connectPageSession(page, path.join(tmp, 'user-data'));
    await page.goto(rendererUrl);
    await use(session);
    session.session.dispose();
  },
});

const SAMPLE = 'Sample: Universal Declaration of Human Rights';
const status = (page: Page) => page.getByRole('status');
const menu = (page: Page) => page.getByRole('button', { name: /^Investigation: / });

async function menuItem(page: Page, name: string | RegExp) {
  await menu(page).click();
  await page.getByRole('menu').getByRole('menuitem', { name }).click();
}

async function palette(page: Page, text: string) {
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: 'Commands' });
  await expect(box).toBeFocused();
  await box.fill(text);
  await page.keyboard.press('Enter');
  await expect(box).toHaveCount(0);
}

test('first run: the start screen, the sample investigation, a search in Uyghur, dark theme and settings', async ({ page, session, shot }) => {
  test.setTimeout(120_000);
  await expect(page.getByRole('heading', { name: 'Dossier', level: 1 })).toBeVisible();
  for (const step of ['1. Import', '2. Tag', '3. Export']) await expect(page.getByRole('heading', { name: step })).toBeVisible();
  await expect(page.getByText('No investigations yet.')).toBeVisible();
  await shot('01-start-screen');

  await page.getByRole('button', { name: 'Try the sample investigation' }).click();
  await expect(menu(page)).toHaveAccessibleName(`Investigation: ${SAMPLE}`, { timeout: 60_000 });
  const library = page.getByRole('list', { name: 'Library' });
  for (const language of ['English', 'Chinese', 'Uyghur', 'Kazakh', 'Russian', 'Arabic'])
    await expect(library.getByRole('button', { name: new RegExp(`\\(${language}\\)`) })).toBeVisible();
  await expect(status(page)).toContainText(SAMPLE);
  await expect(status(page)).toContainText('6 documents');
  await expect(status(page)).toContainText('Index: ready');
  const codebook = page.getByRole('list', { name: 'Codebook' });
  for (const tag of ['Liberty', 'Torture', 'Fair trial', 'Movement']) await expect(codebook.getByRole('button', { name: new RegExp(tag) })).toBeVisible();

  // a word of the Uyghur declaration ("human beings") finds the Uyghur document
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('ئىنسانلار');
  const results = page.getByRole('region', { name: 'Search results' });
  await results.getByRole('button', { name: /Universal Declaration of Human Rights \(Uyghur\)/ }).click();
  await expect(page.getByRole('article')).toHaveAccessibleName('Document: Universal Declaration of Human Rights (Uyghur)');
  await expect(page.getByRole('article')).toContainText('ئىنسان');
  await shot('02-sample-light');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

  // settings: dark theme and a larger reading font, applied at once and stored for the user
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await dialog.getByRole('spinbutton', { name: 'Reading font size (px)' }).fill('40');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Reading font size (px) must be a whole number from 12 to 28.');
  await dialog.getByRole('spinbutton', { name: 'Reading font size (px)' }).fill('20');
  await dialog.getByRole('combobox', { name: 'Default citation style' }).selectOption('author-date');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Settings saved.');
  await shot('03-settings-saved');
  expect(session.session.deps.settings.get().settings).toMatchObject({ theme: 'dark', readingFontSize: 20, citationStyle: 'author-date' });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const colors = await page.evaluate(() => ({
    page: getComputedStyle(document.documentElement).backgroundColor,
    sidebar: getComputedStyle(document.querySelector('.sidebar')!).backgroundColor,
    font: getComputedStyle(document.querySelector('.reader-body')!).fontSize,
  }));
  expect(colors).toEqual({ page: 'rgb(23, 24, 26)', sidebar: 'rgb(32, 34, 38)', font: '20px' });
  await shot('04-sample-dark');
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('liberty');
  await expect(page.getByRole('region', { name: 'Search results' })).toContainText('(English)');
  await shot('05-search-dark');
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('');

  // "follow the system": the page follows prefers-color-scheme
  await page.emulateMedia({ colorScheme: 'light' });
  await session.handlers['settings:update']({ theme: 'system' });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

  // a new report starts from the defaults chosen in Settings
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await page.getByRole('button', { name: 'New report' }).click();
  await page.getByLabel('Title').fill('Defaults check');
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect.poll(async () => (await session.handlers['reports:list']({})).length).toBe(2);
  const created = (await session.handlers['reports:list']({})).find((r) => r.title === 'Defaults check')!;
  expect((await session.handlers['reports:get']({ id: created.id })).settings.citationStyle).toBe('author-date');
});

test('two investigations: create, switch from the menu and the palette, each with its own documents', async ({ page, session, makeFiles, shot }) => {
  await page.getByRole('textbox', { name: 'Name of the new investigation' }).fill('Camps');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(menu(page)).toHaveAccessibleName('Investigation: Camps');
  session.dialogs.pickedFiles = makeFiles({ 'witness.txt': 'Witness statement\n\nThe police came at night.' });
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(status(page)).toContainText('Imported 1');

  await menuItem(page, 'New investigation…');
  const dialog = page.getByRole('dialog', { name: 'New investigation' });
  await dialog.getByRole('textbox').fill('Border crossings');
  await page.keyboard.press('Enter');
  await expect(menu(page)).toHaveAccessibleName('Investigation: Border crossings');
  await expect(status(page)).toContainText('0 documents');
  await expect(status(page)).toContainText('Index: ready');
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('button')).toHaveCount(0);

  await menu(page).click();
  await expect(page.getByRole('menuitem', { name: 'Camps' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'New investigation…' })).toBeFocused();
  await shot('01-investigation-menu');
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeFocused();
  await menuItem(page, 'Camps');
  await expect(menu(page)).toHaveAccessibleName('Investigation: Camps');
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /Witness statement/ })).toBeVisible();

  // the command palette switches too, and opens a document by its title
  await palette(page, 'switch border');
  await expect(menu(page)).toHaveAccessibleName('Investigation: Border crossings');
  await palette(page, 'switch camps');
  await expect(menu(page)).toHaveAccessibleName('Investigation: Camps');
  await palette(page, 'witness');
  await expect(page.getByRole('article')).toHaveAccessibleName('Document: Witness statement');

  // rename, reveal, close: the start screen lists both, most recent first
  await menuItem(page, 'Rename…');
  await page.getByRole('dialog', { name: 'Rename…' }).getByRole('textbox').fill('Camps in Xinjiang');
  await page.keyboard.press('Enter');
  await expect(menu(page)).toHaveAccessibleName('Investigation: Camps in Xinjiang');
  await menuItem(page, 'Show where it lives');
  await expect(status(page)).toContainText(`Camps in Xinjiang lives in ${path.join(session.session.deps.userDataDir, 'investigations')}`);
  expect(session.dialogs.revealed).toHaveLength(1);
  await menuItem(page, 'Close investigation');
  const recent = page.getByRole('region', { name: 'Recent investigations' });
  await expect(recent.getByRole('button', { name: /Camps in Xinjiang/ })).toBeVisible();
  await expect(recent.getByRole('button', { name: /Border crossings/ })).toBeVisible();
});

test('an investigation exported as an archive and imported again keeps its passages and report; a damaged archive is refused', async ({
  page,
  session,
  tmp,
}) => {
  test.setTimeout(120_000);
  await page.getByRole('button', { name: 'Try the sample investigation' }).click();
  await expect(menu(page)).toHaveAccessibleName(`Investigation: ${SAMPLE}`, { timeout: 60_000 });
  // the sample opens first, then fills: wait until its report (the last step) is there
  await expect.poll(async () => (await session.handlers['reports:list']({})).length, { timeout: 60_000 }).toBe(1);
  const before = await session.handlers['passages:list']({});
  expect(before.length).toBe(16);

  session.dialogs.exportPath = path.join(tmp, 'udhr.dossier');
  await menuItem(page, 'Export as archive…');
  await expect(status(page)).toContainText(`Exported ${SAMPLE} to ${session.dialogs.exportPath}`);

  // the sample is deleted like any investigation (after a question)
  await menuItem(page, 'Delete investigation…');
  const confirm = page.getByRole('alertdialog', { name: `Delete "${SAMPLE}"?` });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Dossier', level: 1 })).toBeVisible();
  await expect(status(page)).toContainText(`"${SAMPLE}" was deleted.`);
  await expect(page.getByText('No investigations yet.')).toBeVisible();

  // a damaged archive: refused with its sentence, nothing listed
  const broken = path.join(tmp, 'broken.dossier');
  writeFileSync(broken, 'PK\u0003\u0004 this is not really a zip archive at all');
  session.dialogs.archive = broken;
  await page.getByRole('button', { name: 'Import an archive…' }).click();
  await expect(status(page)).toContainText('broken.dossier was not imported:');
  await expect(status(page)).toContainText('Nothing was written.');
  await expect(page.getByText('No investigations yet.')).toBeVisible();

  session.dialogs.archive = session.dialogs.exportPath;
  await page.getByRole('button', { name: 'Import an archive…' }).click();
  await expect(menu(page)).toHaveAccessibleName(`Investigation: ${SAMPLE}`);
  await expect(status(page)).toContainText(`Imported ${SAMPLE}.`);
  const after = await session.handlers['passages:list']({});
  expect(after.map((p) => [p.exact, p.tagIds])).toEqual(before.map((p) => [p.exact, p.tagIds]));
  await expect(page.getByRole('list', { name: 'Codebook' }).getByRole('button', { name: /Liberty/ })).toBeVisible();
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(page.getByText('Sample report: rights to liberty and fair trial')).toBeVisible();
});

test('keyboard only: the palette imports, opens a document, and a paragraph is selected and tagged without the mouse', async ({
  page,
  session,
  makeFiles,
  shot,
}) => {
  await page.getByRole('textbox', { name: 'Name of the new investigation' }).focus();
  await page.keyboard.type('Testimony');
  await page.keyboard.press('Enter');
  await expect(menu(page)).toHaveAccessibleName('Investigation: Testimony');

  session.dialogs.pickedFiles = makeFiles({ 'witness.txt': 'Witness statement\n\nThe police came at night.\n\nThey took my brother to the camp.' });
  await palette(page, 'import files');
  await expect(status(page)).toContainText('Imported 1');
  await expect(page.getByRole('article')).toHaveAccessibleName('Document: Witness statement');

  // the palette lists every action; Escape closes it
  await page.keyboard.press('Control+K');
  await page.keyboard.type('open');
  await shot('01-command-palette');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('zzzz');
  await expect(page.getByText('Nothing matches "zzzz".')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toHaveCount(0);

  // Tab to the text of the document, with a visible focus ring
  const text = page.getByRole('document', { name: 'Text of Witness statement' });
  for (let i = 0; i < 60 && !(await text.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(text).toBeFocused();
  expect(await text.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

  // Alt+↓ selects the paragraph at the top, then the next ones; the tag popover takes the keyboard, Escape gives it back
  const tagName = page.getByRole('textbox', { name: 'Tag name', exact: true });
  for (const paragraph of ['Witness statement', 'The police came at night.']) {
    await page.keyboard.press('Alt+ArrowDown');
    await expect(tagName).toBeFocused();
    await expect(page.locator('.tag-popover .quote')).toContainText(paragraph);
    await page.keyboard.press('Escape');
    await expect(text).toBeFocused();
  }
  await page.keyboard.press('Alt+ArrowDown');
  await expect(tagName).toBeFocused();
  await expect(page.locator('.tag-popover .quote')).toContainText('They took my brother to the camp.');
  await page.keyboard.type('Detention');
  await page.keyboard.press('Enter');
  await expect(tagName).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Codebook' }).getByRole('button', { name: /Detention/ })).toContainText('1');
  const passages = await session.handlers['passages:list']({});
  expect(passages.map((p) => p.exact)).toEqual(['They took my brother to the camp.']);
});

test('About shows the versions present in this runtime', async ({ page, session }) => {
  await expect(page.getByRole('heading', { name: 'Dossier', level: 1 })).toBeVisible();
  expect(session.calls).toContain('investigations:current');
  await palette(page, 'about');
  const about = page.getByRole('dialog', { name: 'About Dossier' });
  await expect(about).toContainText('Dossier');
  await expect(about).toContainText(`Node${process.versions.node}`);
  await expect(about).not.toContainText('Electron');
  await page.keyboard.press('Escape');
  await expect(about).toHaveCount(0);
});
