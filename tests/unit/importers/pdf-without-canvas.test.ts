/**
 * Issue 12: PDF import is tested as the packaged app runs it, without pdfjs-dist's optional native
 * @napi-rs/canvas (electron-builder leaves it out). vitest.config.ts hides it from every test
 * process; this proves the hiding holds where pdf.js looks for it, in a worker thread as in the
 * test process, and that a PDF still imports.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/main/importers/index.ts';

const PDFJS = path.resolve('node_modules/pdfjs-dist/legacy/build/pdf.mjs');

describe('PDF import without the native canvas', () => {
  it('cannot load @napi-rs/canvas from where pdf.js requires it, in this process and in a worker thread', async () => {
    expect(() => createRequire(PDFJS)('@napi-rs/canvas')).toThrow(/Cannot find module/);
    const inWorker = await new Promise<string>((resolve, reject) => {
      // An ES-module worker, as the parse workers are (an eval'd CommonJS worker skips --import preloads).
      const source = `import { createRequire } from 'node:module';
         import { parentPort, workerData } from 'node:worker_threads';
         try { createRequire(workerData)('@napi-rs/canvas'); parentPort.postMessage('loaded'); }
         catch (e) { parentPort.postMessage(String(e.code)); }`;
      const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), { workerData: PDFJS });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(inWorker).toBe('MODULE_NOT_FOUND');
  });

  it('still imports a PDF with its text and pages', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('Detainees were held in Shawan county in 2017.', { x: 50, y: 700, size: 12, font });
    pdf.addPage().drawText('They were released in June 2018.', { x: 50, y: 700, size: 12, font });
    const {
      docs: [doc],
    } = await parseFile({ name: 'testimony.pdf', bytes: await pdf.save() });
    expect(doc!.text).toContain('Shawan county in 2017');
    expect(doc!.text).toContain('released in June 2018');
  });
});
