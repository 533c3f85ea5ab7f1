import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { call } from '../../src/main/dispatch.ts';
import { anchorQuote } from '../../src/main/service/tagging.ts';
import { mammothText, readDocx } from '../helpers/docx-read.ts';
import { expect, test } from './fixtures.ts';

const ARTICLE = `Former detainee describes camp in Xinjiang

Mihrigul Tursun, 29, said she was held from April 2017 to May 2018 in a facility outside Qaraqash county, Hotan prefecture.

"We were sixty women in a cell built for twenty," she told reporters in Istanbul on 12 March 2019.

She said guards woke prisoners at 5 a.m. and made them sing for their meals.

For corrections contact the newsroom: +86 10 1234 5678 or tips@example-news.org.`;

const CHINESE = `新疆拘留营的证词

她说：“我们每天只能吃两个馒头，晚上必须背诵政治口号。”`;

test('build a report from tags beside the reader: reorder, comment, remove, add, preview, review redactions', async ({ page, bridge, makeFiles, shot, tmp }) => {
  const h = bridge.app.handlers;
  const summary = await call(h, 'documents:import', { paths: makeFiles({ 'article.txt': ARTICLE, 'zh.txt': CHINESE }) });
  const tagQuote = async (id: string, quote: string, tag: string) => {
    const doc = await call(h, 'documents:get', { id });
    await call(h, 'passages:create', { documentId: id, ...anchorQuote(doc.text, quote), tagNames: [tag] });
  };
  const [article, zh] = summary.imported.map((i) => i.id) as [string, string];
  await tagQuote(article, 'We were sixty women in a cell built for twenty', 'Detention conditions');
  await tagQuote(zh, '我们每天只能吃两个馒头', 'Detention conditions');
  await tagQuote(article, 'made them sing for their meals', 'Indoctrination');
  await tagQuote(article, 'For corrections contact the newsroom: +86 10 1234 5678 or tips@example-news.org.', 'Publisher');
  await page.reload();

  // open a document in the reader, then the report pane beside it
  await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /Former detainee/ }).click();
  await expect(page.getByRole('article')).toContainText('sixty women');
  await page.getByRole('button', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'New report' }).click();
  await page.getByLabel('Title').fill('Conditions in the camps');
  await page.getByRole('checkbox', { name: /Detention conditions/ }).check();
  await page.getByRole('checkbox', { name: /Indoctrination/ }).check();
  await page.getByRole('button', { name: 'Create report' }).click();

  const headings = page.getByRole('textbox', { name: 'Section heading' });
  await expect(headings).toHaveCount(2);
  await expect(headings.nth(0)).toHaveValue('Detention conditions');
  await expect(page.locator('.report-item blockquote')).toHaveCount(3);
  await expect(page.getByRole('article')).toBeVisible();
  await shot('01-builder-beside-reader');

  // keyboard: move the second section up with Alt+ArrowUp
  await page.getByRole('button', { name: /Move section Indoctrination/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(headings.nth(0)).toHaveValue('Indoctrination');
  await expect(page.getByRole('button', { name: /Move section Indoctrination/ })).toBeFocused();
  // keyboard: swap the two quotes of "Detention conditions"
  const detention = page.locator('.report-section').nth(1);
  await expect(detention.locator('blockquote').first()).toContainText('sixty women');
  await detention.getByRole('button', { name: /Move quote 1 of Detention conditions/ }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(detention.locator('blockquote').first()).toContainText('馒头');

  // drag (the mouse, step by step, as a user drags): the Chinese quote back below the English one
  await detention.locator('.report-item').nth(1).scrollIntoViewIfNeeded();
  const from = (await detention.locator('.report-item').nth(0).locator('.handle').boundingBox())!;
  const to = (await detention.locator('.report-item').nth(1).locator('blockquote').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(detention.locator('blockquote').nth(0)).toContainText('sixty women');

  // commentary on a section and an item, then remove the Indoctrination quote and add the publisher's passage
  await detention.getByRole('textbox', { name: 'Commentary on Detention conditions' }).fill('Two witnesses describe overcrowding.');
  await detention.getByRole('textbox', { name: 'Commentary on this quote' }).first().fill('Confirmed by a second account.');
  await headings.nth(0).click();
  const indoctrination = page.locator('.report-section').nth(0);
  await indoctrination.getByRole('button', { name: 'Remove this quote' }).click();
  await expect(indoctrination.locator('.report-item')).toHaveCount(0);
  await indoctrination.getByRole('button', { name: '+ Add passages' }).click();
  await indoctrination.getByRole('button', { name: /For corrections contact the newsroom/ }).click();
  await indoctrination.getByRole('button', { name: 'Done' }).click();
  await expect(indoctrination.locator('blockquote')).toContainText('For corrections');
  await shot('02-builder-edited');

  const stored = (await call(h, 'reports:list', {}))[0]!;
  const report = await call(h, 'reports:get', { id: stored.id });
  expect(report.body.sections.map((s) => s.heading)).toEqual(['Indoctrination', 'Detention conditions']);
  expect(report.body.sections[1]!.commentary).toBe('Two witnesses describe overcrowding.');
  expect(report.body.sections[1]!.items[0]!.commentary).toBe('Confirmed by a second account.');

  // preview: the exported HTML in a sandboxed frame, phones and e-mails already gone
  await page.getByRole('tab', { name: 'Preview' }).click();
  const frame = page.frameLocator('iframe[title="Report preview"]');
  await expect(frame.locator('h1')).toHaveText('Conditions in the camps');
  await expect(frame.locator('body')).toContainText('Two witnesses describe overcrowding.');
  await expect(frame.locator('body')).not.toContainText('1234 5678');
  await expect(page.locator('iframe[title="Report preview"]')).toHaveAttribute('sandbox', '');
  await shot('03-preview');

  // redaction review: add a name, keep the newsroom's e-mail
  await page.getByRole('tab', { name: 'Redaction' }).click();
  await page.getByRole('textbox', { name: 'Names and terms to redact' }).fill('sixty women');
  await page.getByRole('checkbox', { name: 'E-mail addresses' }).focus();
  await expect(page.locator('.hit')).toHaveCount(3);
  await expect(page.getByRole('checkbox', { name: 'Redact term in quote 2' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Redact email in quote 1' }).uncheck();
  await expect(page.locator('.hit.keep')).toHaveCount(1);
  await shot('04-redaction-review');
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(frame.locator('body')).toContainText('tips@example-news.org');
  await expect(frame.locator('body')).not.toContainText('+86 10 1234 5678');
  await expect(frame.locator('body')).not.toContainText('sixty women');

  // issue 21: export as Word from the Export tab, with the redactions just reviewed
  await page.getByRole('tab', { name: 'Export' }).click();
  const saved = path.join(tmp, 'exports', 'camps.docx');
  bridge.savePath = saved;
  await page.getByRole('button', { name: 'Word document (.docx)…' }).click();
  await expect(page.locator('.export')).toContainText(/Saved .*camps\.docx \(\d+ redacted\)/);
  await shot('05-export-word');
  const word = new Uint8Array(readFileSync(saved));
  const { text } = await mammothText(word);
  expect(text).toContain('Conditions in the camps');
  expect(text).toContain('我们每天只能吃两个馒头');
  expect(text).toContain('tips@example-news.org');
  for (const [name, part] of Object.entries(readDocx(word).parts)) expect(strFromU8(part), name).not.toMatch(/sixty women|1234 5678/);

  // delete the report from the Export tab, after a confirmation
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete this report…' }).click();
  await expect(page.getByRole('button', { name: 'New report' })).toBeVisible();
  expect(await call(h, 'reports:list', {})).toEqual([]);
});
