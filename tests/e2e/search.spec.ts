import type { Page } from '@playwright/test';
import type { Bridge } from './bridge.ts';
import { expect, test } from './fixtures.ts';

// Filler before the testimony's key sentence, so opening "at the snippet" has to scroll.
const FILLER = Array.from(
  { length: 40 },
  (_, i) => `Paragraph ${i + 1} of the interview covers the journey, the family left behind and the weeks of waiting for news.`,
).join('\n\n');

const FILES: Record<string, string> = {
  'testimony.txt': `Kazakh prisoner describes the camp

${FILLER}

A prisoner just released from a so-called political training center said that detainees inside were only allowed three steamed buns per day.

"We were forced to learn Chinese and sing the national anthem from dawn to dusk," he said.`,
  'summer.txt': `Summer camp for children opens by the lake

The summer camp welcomed two hundred children this year. The buns were steamed in the kitchen every morning and the
counsellors detained nobody: the camp is a holiday, with swimming, songs and games until the evening.`,
  'xinjiang-zh.txt': `新疆的再教育营

他说他们被关押在再教育营里，每天只能吃三个馒头。很多人被拘留了好几个月，家人不知道他们在哪里。`,
  'lager-ru.txt': `Лагерь в Синьцзяне

Бывший заключённый рассказал, что в лагере людей заставляли учить китайский язык и петь гимн. Его задержали
на границе и держали в лагере восемь месяцев без суда и без связи с семьёй.`,
  'insan-ug.txt': `ئىنسان ھوقۇقى توغرىسىدا گۇۋاھلىق

ئۇ لاگېردا ئىنسان ھوقۇقى دەپسەندە قىلىنغانلىقىنى سۆزلەپ بەردى. ئۇلار ھەر كۈنى خىتاي تىلى ئۆگىنىشكە مەجبۇرلانغان.`,
  'kuager-kk.txt': `Лагерьден шыққан куәгер

Куәгер лагерьде қытай тілін үйренуге мәжбүр болғанын айтты. Ол отбасымен сөйлесуге рұқсат болмағанын және тамақ аз берілгенін айтты.`,
};

const META: Record<string, { source: string; publishedAt: string }> = {
  'Kazakh prisoner describes the camp': { source: 'Radio Free Asia', publishedAt: '2019-03-10' },
  'Summer camp for children opens by the lake': { source: 'Lakeside Gazette', publishedAt: '2021-07-01' },
  新疆的再教育营: { source: 'Radio Free Asia', publishedAt: '2019-11-02' },
  'Лагерь в Синьцзяне': { source: 'Азаттык', publishedAt: '2020-05-05' },
  'ئىنسان ھوقۇقى توغرىسىدا گۇۋاھلىق': { source: 'Uyghur Human Rights Project', publishedAt: '2022-01-15' },
  'Лагерьден шыққан куәгер': { source: 'Азаттык', publishedAt: '2018-09-20' },
};

async function importAll(page: Page, bridge: Bridge, makeFiles: (files: Record<string, string>) => string[]) {
  bridge.pickedFiles = makeFiles(FILES);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 6');
  const h = bridge.app.handlers;
  for (const doc of await h['documents:list']({})) {
    await h['documents:updateMeta']({ id: doc.id, ...META[doc.title]! });
  }
  // A tagged passage inside the testimony, shown in its hit.
  const testimony = (await h['documents:list']({})).find((d) => d.title.startsWith('Kazakh prisoner'))!;
  const full = await h['documents:get']({ id: testimony.id });
  const quote = 'three steamed buns per day';
  const start = full.text.indexOf(quote);
  await h['passages:create']({ documentId: testimony.id, start, end: start + quote.length, tagNames: ['Starvation'] });
  await page.reload();
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('button')).toHaveCount(6);
}

const titles = (page: Page) => page.getByRole('region', { name: 'Search results' }).locator('.hit-title');

test('search as you type, operators, facets, date range, errors, help and opening a hit', async ({ page, bridge, makeFiles, shot }) => {
  await importAll(page, bridge, makeFiles);
  const box = page.getByRole('searchbox', { name: 'Search documents' });
  const results = page.getByRole('region', { name: 'Search results' });

  // Results follow the typing, without pressing Enter.
  await box.click();
  await box.pressSequentially('camp', { delay: 30 });
  await expect(titles(page)).toHaveCount(2);
  await box.pressSequentially(' -summer', { delay: 30 });
  await expect(titles(page)).toHaveText(['Kazakh prisoner describes the camp']);
  await expect(results.getByRole('list', { name: 'Tagged passages in Kazakh prisoner describes the camp' })).toContainText(
    'three steamed buns per day',
  );
  await expect(results.getByRole('list', { name: /Tagged passages/ })).toContainText('Starvation');
  await shot('01-exclusion-with-passage');

  // An exact phrase: the summer camp has "buns were steamed", not the phrase.
  await box.fill('"steamed buns"');
  await expect(titles(page)).toHaveText(['Kazakh prisoner describes the camp']);
  await expect(results.locator('mark').first()).toHaveText(/steamed/i);
  // A prefix: detainees and detained.
  await box.fill('detain*');
  await expect(titles(page)).toHaveCount(2);

  // Other scripts.
  await box.fill('再教育营');
  await expect(titles(page)).toHaveText(['新疆的再教育营']);
  await expect(results.locator('mark').first()).toHaveText('再教育营');
  await box.fill('ئىنسان');
  await expect(titles(page)).toHaveText(['ئىنسان ھوقۇقى توغرىسىدا گۇۋاھلىق']);
  await shot('02-uyghur');
  // Issue 15: лагерь also finds the Kazakh лагерьде and, through Uyghur Cyrillic, the Uyghur لاگېردا,
  // which ranks after the documents written in the query's own script; each hit says which form matched.
  await box.fill('лагерь');
  await expect(titles(page)).toHaveCount(3);
  await expect(titles(page).nth(2)).toHaveText('ئىنسان ھوقۇقى توغرىسىدا گۇۋاھلىق');
  await expect(results.getByText('matched Лагерьден, лагерьде for лагерь')).toBeVisible();
  await expect(results.getByText('matched لاگېردا for лагерь')).toBeVisible();
  await shot('03a-matched-forms');
  // An alias group made in the Names… panel: buns also finds 馒头.
  await page.getByRole('button', { name: 'Names…' }).click();
  const names = page.getByRole('dialog', { name: 'Alias groups' });
  await names.getByLabel('Names, one per line').fill('buns\n馒头');
  await names.getByRole('button', { name: 'Add group' }).click();
  await expect(names.getByRole('listitem')).toHaveText(/buns = 馒头/);
  await shot('03b-alias-panel');
  await names.getByRole('button', { name: 'Close' }).click();
  await box.fill('buns');
  await expect(titles(page)).toHaveCount(3);
  await expect(results.getByText('matched 馒头 for buns')).toBeVisible();
  await box.fill('лагер*');
  await expect(titles(page)).toHaveCount(2);
  await shot('03-cyrillic-prefix');

  // A facet click filters, its chip removes the filter.
  const facets = page.getByRole('complementary', { name: 'Filter results' });
  await facets.getByRole('button', { name: /^Language Kazakh \(kk\)/ }).click();
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips).toContainText('Language: Kazakh (kk)');
  await expect(titles(page)).toHaveText(['Лагерьден шыққан куәгер']);
  await shot('04-facet-filter');
  await chips.getByRole('button', { name: 'Remove filter Language: Kazakh (kk)' }).click();
  await expect(chips).toBeHidden();
  await expect(titles(page)).toHaveCount(2);

  // A date range.
  await box.fill('лагер*');
  await expect(titles(page)).toHaveCount(2);
  await facets.getByLabel('Published from').fill('2019-01-01');
  await expect(titles(page)).toHaveText(['Лагерь в Синьцзяне']);
  await expect(chips).toContainText('From: 2019-01-01');
  await facets.getByLabel('Published until').fill('2019-06-30');
  await expect(results.getByText('No documents match')).toBeVisible();
  await chips.getByRole('button', { name: 'Clear all' }).click();
  await expect(titles(page)).toHaveCount(2);
  await facets.getByRole('button', { name: /^Year 2018/ }).click();
  await expect(chips).toContainText('Year: 2018');
  await expect(titles(page)).toHaveText(['Лагерьден шыққан куәгер']);
  await shot('05-year');
  await chips.getByRole('button', { name: 'Remove filter Year: 2018' }).click();

  // A malformed query explains itself in place of the results.
  await box.fill('"steamed buns');
  await expect(results.getByRole('alert')).toContainText('quotation mark is not closed');
  await expect(titles(page)).toHaveCount(0);
  await shot('06-malformed');
  await box.fill('title:');
  await expect(results.getByRole('alert')).toContainText('needs a word after it');

  // The syntax help is one keystroke away, with examples in several scripts.
  await box.press('F1');
  const help = page.getByRole('dialog', { name: 'Search syntax' });
  await expect(help).toBeVisible();
  for (const example of ['"再教育营"', 'лагерь -летний', 'ئىنسان*', 'detain*', 'Urumqi~1', 'source:Reuters']) {
    await expect(help.getByRole('button', { name: example, exact: true })).toBeVisible();
  }
  await shot('07-help');
  await box.press('Escape');
  await expect(help).toBeHidden();
  await box.press('Control+/');
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: '"steamed buns"', exact: true }).click();
  await expect(help).toBeHidden();
  await expect(box).toHaveValue('"steamed buns"');
  await expect(box).toBeFocused();

  // Clicking a snippet opens the document at that spot.
  await results.getByRole('link', { name: /steamed buns/ }).click();
  await expect(page.getByRole('article', { name: 'Document: Kazakh prisoner describes the camp' })).toBeVisible();
  const flashed = page.locator('.reader-body .flash');
  await expect(flashed).toContainText('three steamed buns per day');
  await expect(flashed).toBeInViewport();
  await shot('08-opened-at-snippet');
});

test('the keyboard moves through the hits and Enter opens one at its snippet', async ({ page, bridge, makeFiles, shot }) => {
  await importAll(page, bridge, makeFiles);
  const box = page.getByRole('searchbox', { name: 'Search documents' });
  await box.fill('detain*');
  await expect(titles(page)).toHaveCount(2);
  await box.press('ArrowDown');
  const hits = page.getByRole('list', { name: 'Matching documents' }).getByRole('listitem');
  await expect(hits.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
  await box.press('ArrowDown');
  const first = await hits.nth(0).getAttribute('aria-label');
  await shot('01-focused-hit');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: `Document: ${first}` })).toBeVisible();
  await expect(page.locator('.reader-body .flash')).toContainText(/detain/i);

  // A tagged passage in a hit opens the document at the passage.
  await box.fill('"political training"');
  const passage = page.getByRole('list', { name: 'Tagged passages in Kazakh prisoner describes the camp' }).getByRole('button');
  await expect(passage).toContainText('Starvation');
  await passage.click();
  await expect(page.getByRole('article', { name: 'Document: Kazakh prisoner describes the camp' })).toBeVisible();
  await expect(page.locator('.reader-body .flash')).toContainText('three steamed buns per day');
  await expect(page.locator('.reader-body .flash')).toBeInViewport();
});

test('thousands of hits stay a short DOM and load more while scrolling', async ({ page, bridge, shot }) => {
  const files = Array.from({ length: 1200 }, (_, i) => ({
    name: `report-${i}.txt`,
    data: new TextEncoder().encode(`Report number ${i} on detention\n\nWitness ${i} described the detention centre and the guards.`),
  }));
  await bridge.app.handlers['documents:importData']({ files });
  await page.reload();
  const box = page.getByRole('searchbox', { name: 'Search documents' });
  await box.fill('detention');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results).toContainText('1200 documents match');
  // Only the rows in view are rendered.
  expect(await results.locator('.hit').count()).toBeLessThan(40);
  await box.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(results).toContainText('showing 200');
  await shot('01-scrolled');
});
