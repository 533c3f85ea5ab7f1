import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { call } from '../../src/main/dispatch.ts';
import { openPagePrinter } from '../helpers/chromium-pages.ts';
import { imageOnlyPdf, OCR_SAMPLES, sampleHtml } from '../helpers/ocr-samples.ts';
import { expect, test } from './fixtures.ts';

/** A two-page report whose testimony wraps over lines on page 2. */
async function textPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Field report on detention in Xinjiang', { x: 50, y: 760, size: 18, font });
  const page = doc.addPage([595, 842]);
  ['Testimony collected in Almaty. One Kazakh man said he', 'was given three steamed buns per day and was beaten', 'when he asked for more.'].forEach((line, i) =>
    page.drawText(line, { x: 50, y: 760 - i * 16, size: 12, font }),
  );
  doc.setTitle('Field report on detention in Xinjiang');
  return doc.save({ useObjectStreams: false });
}

/** Drags across the page view's word layer from one word to another, as a user selects on the page. */
async function dragWords(page: Page, from: string, to: string) {
  const words = page.locator('.pv-word');
  const a = (await words.filter({ hasText: new RegExp(`^${from}$`) }).first().boundingBox())!;
  const b = (await words.filter({ hasText: new RegExp(`^${to}$`) }).first().boundingBox())!;
  await page.mouse.move(a.x + 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.move(b.x + b.width - 2, b.y + b.height / 2);
  await page.mouse.up();
}

test('a text PDF shown as pages beside its text: page breaks in the text, a passage selected on the page highlighted in both views, the passages view, opened from a report at its page', async ({
  page,
  bridge,
  tmp,
  shot,
}) => {
  const file = path.join(tmp, 'field-report.pdf');
  writeFileSync(file, await textPdf());
  bridge.pickedFiles = [file];
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1');
  await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /Field report on detention/ }).click();
  const reader = page.getByRole('article', { name: 'Document: Field report on detention in Xinjiang' });
  await expect(reader.locator('.block-row.page-start[data-page-label="p. 2"]')).toBeAttached();
  await reader.getByRole('button', { name: 'Show pages' }).click();
  const pages = reader.getByRole('region', { name: 'Pages of Field report on detention in Xinjiang' });
  await expect(pages.locator('[data-page="0"] canvas')).toHaveAttribute('data-drawn', 'true');
  await pages.locator('[data-page="1"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(pages.locator('[data-page="1"] canvas')).toHaveAttribute('data-drawn', 'true');
  await shot('pages-01-text-pdf-beside-text');

  await dragWords(page, 'One', 'day');
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await expect(popover).toContainText('One Kazakh man said he was given three steamed buns per day');
  await popover.getByRole('textbox', { name: 'Tag name' }).fill('Food');
  await popover.getByRole('textbox', { name: 'Tag name' }).press('Enter');
  await expect(popover).toBeHidden();
  // Highlighted in the text (one line: the PDF's wraps are joined) and on the page.
  await expect(reader.locator('.reader-body mark')).toHaveText('One Kazakh man said he was given three steamed buns per day');
  await expect(pages.locator('.pv-word.tagged')).toHaveCount(12);
  await shot('pages-02-passage-in-both-views');

  await page.getByRole('list', { name: 'Codebook' }).getByRole('button', { name: /Food/ }).click();
  const view = page.getByRole('region', { name: 'Passages tagged Food' });
  await expect(view.getByRole('button', { name: /One Kazakh man said he was given three steamed buns per day/ })).toBeVisible();
  await shot('pages-03-passages-view');

  // From a report: "Open at page" opens the source at the quote with its pages shown, at its page.
  await reader.getByRole('button', { name: 'Hide pages' }).click();
  await expect(pages).toBeHidden();
  const tags = await call(bridge.app.handlers, 'tags:list', {});
  await call(bridge.app.handlers, 'reports:create', { title: 'Food in detention', fromTagIds: tags.map((tag) => tag.id) });
  await page.getByRole('button', { name: 'Reports' }).click();
  await page.getByRole('button', { name: /Food in detention/ }).click();
  await page.getByRole('button', { name: 'Open at page' }).click();
  await expect(pages.locator('[data-page="1"] .pv-word.tagged').first()).toBeInViewport();
  await expect(reader.locator('.reader-body mark')).toBeInViewport();
  await shot('pages-04-opened-from-report-at-its-page');
});

test('an Uyghur scan: recognised offline, its word layer over the scan in reading order', async ({ page, bridge, tmp, shot }) => {
  const printer = await openPagePrinter();
  const png = await printer.png(sampleHtml('ug', { lines: OCR_SAMPLES.ug.slice(0, 2) }), 150, 45);
  await printer.close();
  const file = path.join(tmp, 'scan-ug.pdf');
  writeFileSync(file, await imageOnlyPdf([png]));
  // Imported as a user who chose Uyghur for the file (the guess is covered by the OCR unit test).
  const summary = await call(bridge.app.handlers, 'documents:import', { paths: [file], ocrLanguages: ['ug'] });
  expect(summary.failed).toEqual([]);
  const id = summary.imported[0]!.id;
  const doc = await call(bridge.app.handlers, 'documents:get', { id });
  await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: new RegExp(doc.title.slice(0, 10)) }).click();
  const reader = page.getByRole('article', { name: `Document: ${doc.title}` });
  await reader.getByRole('button', { name: 'Show pages' }).click();
  const layer = reader.locator('[data-page="0"] .pv-word');
  await expect(reader.locator('[data-page="0"] canvas')).toHaveAttribute('data-drawn', 'true');
  await expect(layer.first()).toBeAttached();
  // The layer's words, in document order, are the text in reading order, and run right to left on the page.
  const words = await layer.allTextContents();
  expect(words.join(' ')).toBe(doc.text.split(/\s+/).join(' '));
  const first = (await layer.nth(0).boundingBox())!;
  const second = (await layer.nth(1).boundingBox())!;
  expect(first.x).toBeGreaterThan(second.x);
  await shot('pages-05-uyghur-scan-overlay');
});
