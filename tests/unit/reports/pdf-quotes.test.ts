import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { loadPdfjs } from '../../../src/main/importers/load-pdfjs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { createChromiumPrinter } from '../../../src/main/reports/pdf-chromium.ts';
import { createSearchEngine } from '../../../src/main/search/engine.ts';
import { createService } from '../../../src/main/service.ts';
import { anchorQuote } from '../../../src/main/service/tagging.ts';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';

const QUOTE = 'One Kazakh man said he was given three steamed buns per day';

/** A report's source as NGOs publish it: a preface numbered iii, iv, the testimony wrapped over lines on page iv. */
async function wrappedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Preface: how the interviews were done.', { x: 50, y: 760, size: 11, font });
  const page = doc.addPage([595, 842]);
  ['Testimony collected in Almaty. One', 'Kazakh man said he was given three steamed', 'buns per day and was beaten when he asked for more.'].forEach((line, i) =>
    page.drawText(line, { x: 50, y: 760 - i * 14, size: 11, font }),
  );
  const nums = doc.context.obj([0, doc.context.obj({ S: PDFName.of('r'), St: 3 })]);
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums }));
  return doc.save({ useObjectStreams: false });
}

/** The printed lines of a PDF, as pdf.js reads them back. */
async function printedLines(file: string): Promise<string[]> {
  const { getDocument } = await loadPdfjs();
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    for (const item of (await (await pdf.getPage(i)).getTextContent()).items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await pdf.destroy();
  return text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
}

describe('a report quoting a wrapped PDF paragraph (issue 16)', () => {
  let app: ReturnType<typeof tempApp>;
  let h: ReturnType<typeof createService>;
  let search: ReturnType<typeof createSearchEngine>;
  let reportId: string;
  const out = (name: string) => path.join(app.dir, 'exports', name);

  beforeAll(async () => {
    app = tempApp();
    search = createSearchEngine(app.workspace);
    h = createService({ workspace: app.workspace, search, printPdf: createChromiumPrinter() });
    const summary = await call(h, 'documents:import', { paths: [writeFiles(app.dir, { 'testimony.pdf': await wrappedPdf() })] });
    const id = summary.imported[0]!.id;
    const doc = await call(h, 'documents:get', { id });
    await call(h, 'passages:create', { documentId: id, ...anchorQuote(doc.text, QUOTE), tagNames: ['Detention conditions'] });
    const tags = await call(h, 'tags:list', {});
    reportId = (await call(h, 'reports:create', { title: 'Food in detention', fromTagIds: tags.map((t) => t.id) })).id;
  }, 120_000);
  afterAll(async () => {
    await search.close();
    app.cleanup();
  });

  it('prints the quote as one line of text in HTML, Markdown, CSV and PDF, cited at the printed page label', async () => {
    const html = readFileSync((await call(h, 'reports:export', { id: reportId, format: 'html', path: out('r.html') })).path!, 'utf8');
    expect(html).toMatch(new RegExp(`<blockquote[^>]*><p>${QUOTE}<sup`));
    expect(html).toContain('p. iv');
    // The verification appendix names the label, the PDF's own page number and the offsets.
    expect(html).toMatch(/characters \d+–\d+ \(code points \d+–\d+\) \(p\. iv, page 2 of the PDF\)/);

    const md = readFileSync((await call(h, 'reports:export', { id: reportId, format: 'md', path: out('r.md') })).path!, 'utf8');
    expect(md.split('\n')).toContain(`> ${QUOTE}[^1]`);
    expect(md).toMatch(/\[\^1\]: .*p\. iv\./);

    const csv = readFileSync((await call(h, 'reports:export', { id: reportId, format: 'csv', path: out('r.csv') })).path!, 'utf8');
    const row = csv.split('\r\n').find((l) => l.includes('Kazakh'))!;
    expect(row).toContain(QUOTE);
    expect(row).toContain('p. iv');

    const pdf = (await call(h, 'reports:export', { id: reportId, format: 'pdf', path: out('r.pdf') })).path!;
    const lines = await printedLines(pdf);
    const first = lines.find((l) => l.includes('Kazakh man said'));
    expect(first).toContain('buns per day');
    expect(lines).not.toContain('One');
  }, 120_000);
});
