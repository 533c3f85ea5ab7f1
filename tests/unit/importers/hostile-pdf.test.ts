import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { tempApps } from '../../helpers/temp-apps.ts';
import { importFiles } from './import-helper.ts';

// Issue 13, item 9: JavaScript inside a compressed object stream is flagged, found through pdf.js's parsed objects.
const newApp = tempApps();

type Hiding = 'page-open' | 'form-field' | 'link' | 'bookmark' | 'none';

/** A two-page PDF whose every dictionary (the script's too) is written by pdf-lib into compressed object streams. */
async function pdfWithScript(where: Hiding): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [doc.addPage([595, 842]), doc.addPage([595, 842])];
  // Different words on each page: a line repeated at the same place on every page is a running header, left out of the text.
  const bodies = ['Detainees describe the conditions of the camp.', 'Families were not told where they were held.'];
  pages.forEach((page, i) => page.drawText(`${bodies[i]} (${where})`, { x: 50, y: 700 - i * 120, size: 12, font }));
  const script = (js: string) => doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(js) });
  if (where === 'page-open') {
    pages[1]!.node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.register(script('app.alert("page opened")')) }));
  }
  if (where === 'form-field') {
    const widget = doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Tx',
        T: PDFString.of('name'),
        Rect: [50, 600, 300, 620],
        P: pages[0]!.ref,
        AA: { K: script('event.value = event.value.toUpperCase();') },
      }),
    );
    pages[0]!.node.set(PDFName.of('Annots'), doc.context.obj([widget]));
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [widget] }));
  }
  if (where === 'link') {
    // A link whose action is a script: pdf.js follows no such target and keeps no trace of it.
    const link = doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [50, 500, 300, 520], Border: [0, 0, 0], A: script('app.launchURL("https://evil.example/")') }),
    );
    pages[0]!.node.set(PDFName.of('Annots'), doc.context.obj([link]));
  }
  if (where === 'bookmark') {
    const outlines = doc.context.nextRef();
    const item = doc.context.register(doc.context.obj({ Title: PDFString.of('Summary'), Parent: outlines, A: script('this.print()') }));
    doc.context.assign(outlines, doc.context.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
    doc.catalog.set(PDFName.of('Outlines'), outlines);
  }
  return doc.save({ useObjectStreams: true });
}

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

describe('PDF JavaScript in compressed object streams', () => {
  it('flags a page-open script and a form field script that the raw bytes do not show, and nothing in a clean PDF', async () => {
    const files = { 'page.pdf': await pdfWithScript('page-open'), 'field.pdf': await pdfWithScript('form-field'), 'clean.pdf': await pdfWithScript('none') };
    // The fixtures hide their scripts: no "/JS" or "/JavaScript" anywhere in the file's bytes.
    for (const bytes of Object.values(files)) expect(latin1(bytes)).not.toMatch(/\/JS\b|\/JavaScript\b/);
    const { summary, doc } = await importFiles(newApp(), files);
    expect(summary.failed).toEqual([]);
    expect(doc('page.pdf').reviewFlags).toContain('page.pdf contains JavaScript (in page 2); Dossier did not run it and kept only the text.');
    expect(doc('page.pdf').meta.containedJavaScript).toBe(true);
    expect(doc('field.pdf').reviewFlags.join(' ')).toMatch(/field\.pdf contains JavaScript \(in its form fields, page 1\)/);
    expect(doc('clean.pdf').reviewFlags.join(' ')).not.toMatch(/JavaScript/);
    expect(doc('clean.pdf').meta.containedJavaScript).toBeUndefined();
    expect(doc('page.pdf').text).toContain('Families were not told where they were held. (page-open)');
  });

  it('flags a script behind a link or a bookmark, packed in an object stream, that pdf.js does not report', async () => {
    const files = { 'link.pdf': await pdfWithScript('link'), 'bookmark.pdf': await pdfWithScript('bookmark') };
    for (const bytes of Object.values(files)) expect(latin1(bytes)).not.toMatch(/\/JS\b|\/JavaScript\b/);
    const { summary, doc } = await importFiles(newApp(), files);
    expect(summary.failed).toEqual([]);
    for (const name of Object.keys(files)) {
      expect(doc(name).reviewFlags).toContain(`${name} contains JavaScript (in a link or bookmark); Dossier did not run it and kept only the text.`);
    }
  });
});
