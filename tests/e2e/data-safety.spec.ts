/**
 * Issue 14 (items 2, 7, 12): what the user sees of a document's flagged details, a typed date, a
 * deletion that names the report quoting the document, and undo/redo of it from the keyboard.
 */
import { expect, test } from './fixtures.ts';

const TESTIMONY = `Testimony of a released detainee

They were given three steamed buns per day and forbidden to pray.`;

test('details show the file’s own fields and clear the review flag; dates typed in words; deletion names its report and is undone by Ctrl+Z', async ({
  page,
  bridge,
  makeFiles,
  shot,
}) => {
  bridge.pickedFiles = makeFiles({ 'testimony.txt': TESTIMONY });
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('article')).toContainText('three steamed buns');
  const h = bridge.app.handlers;
  const [doc] = await h['documents:list']({});
  const quote = 'three steamed buns per day';
  const passage = await h['passages:create']({ documentId: doc!.id, start: TESTIMONY.indexOf(quote), end: TESTIMONY.indexOf(quote) + quote.length, tagNames: ['Food'] });
  await h['reports:create']({ title: 'Food in the camps', fromTagIds: passage.tagIds });
  // what the PDF importer stores for a file whose own title and author fields disagree with its text
  bridge.app.workspace.db
    .prepare('UPDATE documents SET review_flags = ?, meta = ? WHERE id = ?')
    .run(
      JSON.stringify(["The PDF's own title and author fields are shown in its details; check them before relying on them."]),
      JSON.stringify({ pdfInfo: { Title: 'Microsoft Word - draft3.docx', Author: 'Someone Unconfirmed' } }),
      doc!.id,
    );
  await page.reload();
  await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /Testimony of a released detainee/ }).click();

  const header = page.locator('.reader-header');
  await expect(header).toContainText('The PDF file says: title “Microsoft Word - draft3.docx” · author “Someone Unconfirmed”');
  await expect(header).toContainText('needs review');
  await header.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(header).not.toContainText('needs review');
  await expect(header.getByRole('button', { name: 'Mark reviewed' })).toHaveCount(0);

  await header.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Document details' });
  const date = form.getByRole('textbox', { name: 'Date' });
  await expect(date).toHaveAccessibleDescription(/For example 2018-06-04, 4 June 2018/);
  await date.fill('sometime last June');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form.getByRole('alert')).toContainText('is not a date Dossier can read. Type a date such as');
  await shot('01-date-refused');
  await date.fill('4 июня 2018');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form).toBeHidden();
  await expect(header).toContainText('2018-06-04');
  await expect(page.getByRole('status')).toContainText('Details saved.');

  await page.getByRole('checkbox', { name: 'Select Testimony of a released detainee' }).check();
  await page.getByRole('button', { name: 'Delete 1 selected…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 1 document?' });
  await expect(dialog).toContainText('1 tagged passage');
  await expect(dialog).toContainText('marked as from a deleted source');
  await expect(dialog.getByRole('listitem')).toHaveText(['“Food in the camps”: 1 quote']);
  await shot('02-delete-names-report');
  await dialog.getByRole('button', { name: 'Delete documents' }).click();
  await expect(page.getByRole('status')).toContainText('1 quote stays in reports, marked as from a deleted source.');
  await expect(page.getByRole('list', { name: 'Library' })).toHaveCount(0);

  await page.locator('body').press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undid the deletion of document “Testimony of a released detainee”.');
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /Testimony of a released detainee/ })).toBeVisible();
  await page.locator('body').press('Control+Shift+z');
  await expect(page.getByRole('status')).toContainText('Redid the deletion of document');
  await expect(page.getByRole('list', { name: 'Library' })).toHaveCount(0);
  // Ctrl+Y redoes too (Windows' habit)
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /Testimony of a released detainee/ })).toBeVisible();
  await page.locator('body').press('Control+y');
  await expect(page.getByRole('list', { name: 'Library' })).toHaveCount(0);
});
