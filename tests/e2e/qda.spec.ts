import { call } from '../../src/main/dispatch.ts';
import { anchorQuote } from '../../src/main/service/tagging.ts';
import { expect, test } from './fixtures.ts';

const TESTIMONY = `Guards beat the detainees every night.

Food was scarce and the guards mocked them.`;
const LETTER = 'Detainees were beaten at night and starved.';

test('memos found by search, an attribute table used as a facet, a co-occurrence cell opening its passages', async ({ page, bridge, makeFiles, shot }) => {
  const h = bridge.app.handlers;
  const summary = await call(h, 'documents:import', { paths: makeFiles({ 'testimony.txt': TESTIMONY, 'letter.txt': LETTER }) });
  const id = (name: string) => summary.imported.find((i) => i.path.endsWith(name))!.id;
  const tag = async (documentId: string, quote: string, tagNames: string[]) => {
    const doc = await call(h, 'documents:get', { id: documentId });
    await call(h, 'passages:create', { documentId, ...anchorQuote(doc.text, quote), tagNames });
  };
  await tag(id('testimony.txt'), 'beat the detainees', ['Violence']);
  await tag(id('testimony.txt'), 'the detainees every night', ['Night']);
  await tag(id('letter.txt'), 'beaten at night', ['Violence', 'Night']);
  await page.reload();

  // A memo on the open document, written in Markdown and previewed.
  await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /Guards beat/ }).click();
  await expect(page.getByRole('article')).toContainText('every night');
  await page.getByRole('button', { name: 'Memo', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Memo: Guards beat the detainees every night.' });
  await editor.getByRole('textbox', { name: /Memo text/ }).fill('# Reliability\n\n- names the **guards** of the Hotan camp\n- dates agree with the letter');
  await editor.getByRole('button', { name: 'Save memo' }).click();
  await expect(page.getByText('Memo saved.')).toBeVisible();
  await editor.getByRole('button', { name: 'Preview' }).click();
  await expect(editor.getByRole('heading', { name: 'Reliability' })).toBeVisible();
  await expect(editor.getByRole('listitem')).toHaveCount(2);
  await shot('01-document-memo');

  // The search box finds the memo by a word only the memo has.
  const box = page.getByRole('searchbox', { name: 'Search documents' });
  await box.fill('Hotan');
  const memoHits = page.getByRole('region', { name: /^Memos/ });
  await expect(memoHits).toContainText('1 memo matches');
  await expect(memoHits.locator('mark')).toHaveText('Hotan');
  await shot('02-memo-found-by-search');

  // The attribute table: a choice attribute, one value set in its cell, the other by a bulk edit of a selection.
  await page.getByRole('tab', { name: 'Attributes' }).click();
  const attributes = page.getByRole('tabpanel', { name: 'Attributes' });
  await attributes.getByRole('textbox', { name: 'Attribute name' }).fill('Camp');
  await attributes.getByRole('combobox', { name: 'Attribute type' }).selectOption('choice');
  await attributes.getByRole('textbox', { name: 'Values (comma-separated)' }).fill('Kashgar, Hotan');
  await attributes.getByRole('button', { name: 'Add', exact: true }).click();
  await attributes.getByRole('combobox', { name: 'Camp of Guards beat the detainees every night.' }).selectOption('Hotan');
  await attributes.getByRole('checkbox', { name: 'Select Detainees were beaten at night and starved.' }).check();
  await attributes.getByRole('combobox', { name: 'Attribute to set' }).selectOption({ label: 'Camp' });
  await attributes.getByRole('combobox', { name: 'Value for the selection' }).selectOption('Kashgar');
  await attributes.getByRole('button', { name: 'Set for selection' }).click();
  await expect(attributes.getByRole('combobox', { name: 'Camp of Detainees were beaten at night and starved.' })).toHaveValue('Kashgar');
  await expect(attributes.getByRole('combobox', { name: 'Camp of Guards beat the detainees every night.' })).toHaveValue('Hotan');
  await shot('03-attribute-table');

  // The attribute as a facet of a search: Hotan leaves one document.
  await box.fill('detainees');
  const results = page.getByRole('region', { name: 'Search results' });
  const hotan = results.getByRole('button', { name: 'Camp Hotan: 1 document' });
  await expect(results.getByRole('button', { name: 'Camp Kashgar: 1 document' })).toBeVisible();
  await hotan.click();
  await expect(hotan).toHaveAttribute('aria-pressed', 'true');
  await expect(results.getByText('Camp: Hotan')).toBeVisible();
  const matching = results.getByRole('list', { name: 'Matching documents' });
  await expect(matching.getByRole('listitem', { name: 'Guards beat the detainees every night.' })).toBeVisible();
  await expect(matching.getByRole('listitem', { name: 'Detainees were beaten at night and starved.' })).toHaveCount(0);
  await shot('04-attribute-facet');

  // The co-occurrence table: Violence and Night overlap twice (in the testimony and in the letter); the cell lists those passages.
  await page.getByRole('tab', { name: 'Tables' }).click();
  const cell = page.getByRole('tabpanel', { name: 'Tables' }).getByRole('button', { name: 'Violence × Night: 2' });
  await cell.click();
  const list = page.getByRole('region', { name: 'Passages of Violence × Night' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await shot('05-cooccurrence-cell');
  await list.getByRole('button', { name: /beaten at night/ }).click();
  await expect(page.getByRole('article').filter({ hasText: 'starved' })).toBeVisible();
  await shot('06-cell-passage-in-reader');
});
