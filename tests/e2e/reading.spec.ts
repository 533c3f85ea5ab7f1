import type { Page } from '@playwright/test';
import { expect, selectInReader, test } from './fixtures.ts';
import { selectAcross } from './select-across.ts';

const TESTIMONY = `Testimony of a released detainee

He said the guards beat detainees at night in the basement of the camp.

They were given three steamed buns per day and forbidden to pray.`;

const REPORT = `NGO report on the Karamay facility

Satellite images show new walls and watchtowers around the facility.

Former detainees describe beatings at night and rations of steamed buns.`;

const LEFT = '[aria-label="Left pane"] .reader-body';
const RIGHT = '[aria-label="Right pane"] .reader-body';

async function tagSelection(page: Page, tagName: string, note = '') {
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await expect(popover).toBeVisible();
  await popover.getByRole('textbox', { name: 'Tag name' }).fill(tagName);
  if (note) await popover.getByRole('textbox', { name: 'Note' }).fill(note);
  await popover.getByRole('textbox', { name: 'Tag name' }).press('Enter');
  await expect(popover).toBeHidden();
}

async function importFiles(page: Page, bridge: { pickedFiles: string[] }, paths: string[]) {
  const count = paths.length;
  bridge.pickedFiles = paths;
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toContainText(`Imported ${count}`);
}

test('two documents side by side, a passage tagged in each pane, overlapping passages, a highlight edited', async ({
  page,
  bridge,
  makeFiles,
  shot,
}) => {
  await importFiles(page, bridge, makeFiles({ 'testimony.txt': TESTIMONY, 'report.txt': REPORT }));
  const library = page.getByRole('list', { name: 'Library' });
  await library.getByRole('button', { name: /Testimony of a released detainee/ }).click();
  await page.getByRole('radio', { name: 'Right pane' }).check();
  await library.getByRole('button', { name: /NGO report on the Karamay facility/ }).click();
  const left = page.getByRole('region', { name: 'Left pane' });
  const right = page.getByRole('region', { name: 'Right pane' });
  await expect(left.getByRole('article', { name: 'Document: Testimony of a released detainee' })).toBeVisible();
  await expect(right.getByRole('article', { name: 'Document: NGO report on the Karamay facility' })).toBeVisible();
  await shot('01-side-by-side');

  // a passage tagged in each pane
  await selectInReader(page, 'the guards beat detainees at night', LEFT);
  await tagSelection(page, 'Beatings', 'Corroborated by the NGO report');
  await selectInReader(page, 'describe beatings at night', RIGHT);
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await popover.getByRole('textbox', { name: 'Tag name' }).fill('beat');
  await expect(popover.getByRole('option', { name: 'Beatings' })).toHaveAttribute('aria-selected', 'true');
  await popover.getByRole('textbox', { name: 'Tag name' }).press('Enter');
  await expect(popover).toBeHidden();
  await expect(left.locator('mark')).toHaveText('the guards beat detainees at night');
  await expect(right.locator('mark')).toHaveText('describe beatings at night');
  const codebook = page.getByRole('list', { name: 'Codebook' });
  await expect(codebook.getByRole('button', { name: /Beatings/ })).toContainText('2');
  await shot('02-tagged-in-both-panes');

  // nested (inside the first) and crossing (over its end) passages in the left pane
  await selectInReader(page, 'beat detainees', LEFT);
  await tagSelection(page, 'Detainees');
  await selectAcross(page, 'at night in the basement', LEFT);
  await tagSelection(page, 'Places');
  const marks = left.locator('mark');
  await expect(marks).toHaveText(['the guards ', 'beat detainees', ' ', 'at night', ' in the basement']);
  await expect(marks.nth(1)).toHaveAttribute('data-passage-ids', /\S+ \S+/);
  await expect(marks.nth(3)).toHaveAttribute('data-passage-ids', /\S+ \S+/);
  // the second passage of a stretch shows as a band in its own tag's colour under the first one's background
  await expect(marks.nth(1)).toHaveCSS('box-shadow', /rgb\(111, 207, 151\).*inset/);
  await expect(marks.nth(3)).toHaveCSS('box-shadow', /rgb\(86, 204, 242\).*inset/);
  await expect(left.locator('[data-start]').nth(1)).toContainText(
    'He said the guards beat detainees at night in the basement of the camp.',
  );
  await shot('03-overlapping');

  // clicking a highlight shows its tags and note, to edit
  await marks.nth(0).click();
  const editor = page.getByRole('dialog', { name: 'Passage' });
  await expect(editor.getByRole('list', { name: 'Tags of this passage' })).toContainText('Beatings');
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('Corroborated by the NGO report');
  await shot('04-highlight-clicked');
  await editor.getByRole('textbox', { name: 'Note' }).fill('Same night beatings as in the Karamay report');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const passages = await bridge.app.handlers['passages:query']({ text: 'Karamay report' });
  expect(passages.map((p) => p.exact)).toEqual(['the guards beat detainees at night']);

  // the divider resizes the panes, by keyboard too
  const divider = page.getByRole('separator', { name: 'Resize panes' });
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '40');
  const [leftBox, rightBox] = [await left.boundingBox(), await right.boundingBox()];
  expect(leftBox!.width).toBeLessThan(rightBox!.width * 0.75);

  // swap, then close one pane
  await page.getByRole('button', { name: 'Swap panes' }).click();
  await expect(left.getByRole('article')).toHaveAccessibleName('Document: NGO report on the Karamay facility');
  await page.getByRole('button', { name: 'Close right pane' }).click();
  await expect(page.getByRole('region', { name: 'Right pane' })).toBeHidden();
  await expect(left.getByRole('article')).toHaveAccessibleName('Document: NGO report on the Karamay facility');
  await shot('05-swapped-and-closed');
});

test('codebook: rename, merge and delete with counts, undo of the deletion, library filtered by tag', async ({
  page,
  bridge,
  makeFiles,
  shot,
}) => {
  await importFiles(page, bridge, makeFiles({ 'testimony.txt': TESTIMONY, 'report.txt': REPORT }));
  const library = page.getByRole('list', { name: 'Library' });
  await library.getByRole('button', { name: /Testimony/ }).click();
  await selectInReader(page, 'beat detainees', LEFT);
  await tagSelection(page, 'Beating');
  await selectInReader(page, 'forbidden to pray', LEFT);
  await tagSelection(page, 'Religion');
  await selectInReader(page, 'three steamed buns per day', LEFT);
  await tagSelection(page, 'Food');
  await page.getByRole('radio', { name: 'Right pane' }).check();
  await library.getByRole('button', { name: /NGO report/ }).click();
  await selectInReader(page, 'beatings at night', RIGHT);
  await tagSelection(page, 'Violence');
  await selectInReader(page, 'rations of steamed buns', RIGHT);
  await tagSelection(page, 'Food');
  const codebook = page.getByRole('list', { name: 'Codebook' });
  const tagButton = (name: string) => codebook.getByRole('button', { name: new RegExp(`^${name}`) });
  await expect(tagButton('Food')).toContainText('2');
  await shot('01-codebook');

  // rename
  await tagButton('Beating').click();
  const editorOf = (name: string) => page.getByRole('form', { name: `Edit tag ${name}` });
  await editorOf('Beating').getByRole('textbox', { name: 'Name' }).fill('Physical abuse');
  await editorOf('Beating').getByRole('button', { name: 'Save tag' }).click();
  await expect(tagButton('Physical abuse')).toContainText('1');
  await expect(tagButton('Beating')).toHaveCount(0);
  await shot('02-renamed');

  // merge "Violence" into "Physical abuse": the count becomes 2
  await tagButton('Violence').click();
  await editorOf('Violence').getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Physical abuse' });
  await editorOf('Violence').getByRole('button', { name: 'Merge…' }).click();
  const mergeDialog = page.getByRole('alertdialog', { name: 'Merge “Violence” into “Physical abuse”?' });
  await expect(mergeDialog).toContainText('The 1 passage tagged “Violence” will be tagged “Physical abuse”');
  await shot('03-merge-confirm');
  await mergeDialog.getByRole('button', { name: 'Merge' }).click();
  await expect(tagButton('Violence')).toHaveCount(0);
  await expect(tagButton('Physical abuse')).toContainText('2');
  await expect(page.getByRole('status')).toContainText('Merged “Violence” into “Physical abuse”, which now has 2 passages.');
  await shot('04-merged');

  // library filtered by tag
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'Religion' });
  await expect(library.getByRole('button')).toHaveCount(1);
  await expect(library.getByRole('button')).toContainText('Testimony of a released detainee');
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'Any tag' });
  await expect(library.getByRole('button')).toHaveCount(2);

  // delete asks, saying how many passages lose the tag
  await tagButton('Food').click();
  await editorOf('Food').getByRole('button', { name: 'Delete tag…' }).click();
  const deleteDialog = page.getByRole('alertdialog', { name: 'Delete tag “Food”?' });
  await expect(deleteDialog).toContainText('2 passages will lose the tag “Food”');
  await shot('05-delete-confirm');
  await deleteDialog.getByRole('button', { name: 'Delete tag' }).click();
  await expect(tagButton('Food')).toHaveCount(0);
  await expect(page.locator(`${LEFT} mark`)).toHaveCount(3);
  await shot('06-deleted');

  // undo brings the tag back with its passages
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undid the deletion of tag “Food”.');
  await expect(tagButton('Food')).toContainText('2');
  expect((await bridge.app.handlers['tags:list']({})).map((t) => [t.name, t.passageCount])).toEqual([
    ['Physical abuse', 2],
    ['Religion', 1],
    ['Food', 2],
  ]);
  await shot('07-undone');

  // a passage deleted from its highlight comes back with undo
  await page.locator(`${RIGHT} mark`, { hasText: 'rations of steamed buns' }).click();
  await page.getByRole('dialog', { name: 'Passage' }).getByRole('button', { name: 'Delete passage' }).click();
  await expect(page.locator(`${RIGHT} mark`, { hasText: 'rations of steamed buns' })).toHaveCount(0);
  await expect(tagButton('Food')).toContainText('1');
  await page.keyboard.press('Control+z');
  await expect(page.locator(`${RIGHT} mark`, { hasText: 'rations of steamed buns' })).toHaveCount(1);
  await expect(tagButton('Food')).toContainText('2');

  // multi-select delete says how many passages go with the documents
  await library.getByRole('checkbox', { name: /Select Testimony/ }).check();
  await library.getByRole('checkbox', { name: /Select NGO report/ }).check();
  await page.getByRole('button', { name: 'Delete 2 selected…' }).click();
  const confirmDelete = page.getByRole('alertdialog', { name: 'Delete 2 documents?' });
  await expect(confirmDelete).toContainText('2 documents and 5 tagged passages in them will be deleted');
  await shot('08-delete-documents-confirm');
  await confirmDelete.getByRole('button', { name: 'Delete documents' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted 2 documents and 5 passages.');
  await expect(page.getByText('No documents yet')).toBeVisible();
  // the panes that showed them close
  await expect(page.getByRole('article')).toHaveCount(0);
  await shot('09-documents-deleted');
});
