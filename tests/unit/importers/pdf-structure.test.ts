import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../../../src/main/importers/pdf.ts';
import { layoutOf, wordAt, wordCount } from '../../../src/shared/page-layout.ts';
import { openPagePrinter, type PagePrinter } from '../../helpers/chromium-pages.ts';

interface Line {
  text: string;
  size?: number;
  x?: number;
  /** Gap before this line, in line heights (1 = the next line). */
  gap?: number;
}

/** A PDF whose pages hold these lines, top down, with a running header and a page-number footer if asked. */
async function laidOut(pages: Line[][], options: { title?: string; header?: string; numbers?: boolean; labels?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((lines, p) => {
    const page = doc.addPage([595, 842]);
    if (options.header) page.drawText(options.header, { x: 50, y: 810, size: 9, font });
    if (options.numbers) page.drawText(String(p + 1), { x: 290, y: 30, size: 9, font });
    let y = 760;
    for (const line of lines) {
      const size = line.size ?? 11;
      y -= size * 1.3 * (line.gap ?? 1);
      page.drawText(line.text, { x: line.x ?? 50, y, size, font });
    }
  });
  if (options.title) doc.setTitle(options.title);
  if (options.labels) {
    // Roman numerals for the first two pages, then 1, 2… (PDF 1.7, 12.4.2).
    const nums = doc.context.obj([0, doc.context.obj({ S: PDFName.of('r') }), 2, doc.context.obj({ S: PDFName.of('D') })]);
    doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums }));
  }
  return doc.save({ useObjectStreams: false });
}

const parse = (bytes: Uint8Array, name = 'report.pdf') => parsePdf({ name, bytes });
const paragraphs = (doc: Awaited<ReturnType<typeof parse>>) => doc.blocks.map((b) => ({ kind: b.kind, text: doc.text.slice(b.start, b.end) }));

describe('PDF structure (issue 16)', () => {
  it('joins a wrapped paragraph into one line of text and keeps the break between paragraphs', async () => {
    const doc = await parse(
      await laidOut([
        [
          { text: 'One Kazakh man said he was given three steamed' },
          { text: 'buns per day and was never allowed outside the' },
          { text: 'building for eleven months.' },
          { text: 'A second witness described the same compound.', gap: 2 },
        ],
      ]),
    );
    expect(paragraphs(doc)).toEqual([
      { kind: 'paragraph', text: 'One Kazakh man said he was given three steamed buns per day and was never allowed outside the building for eleven months.' },
      { kind: 'paragraph', text: 'A second witness described the same compound.' },
    ]);
    expect(doc.text).not.toContain('\n' + 'buns');
  });

  it('joins a hyphen at a wrap only where the word continues', async () => {
    const doc = await parse(
      await laidOut([
        [
          { text: 'The detainees were questioned by well-' },
          { text: 'known officials. Several detain-' },
          { text: 'ees were released; self-' },
          { text: 'censorship followed. The Sino-' },
          { text: 'Kazakh border was closed.' },
        ],
      ]),
    );
    expect(doc.text).toBe('The detainees were questioned by well-known officials. Several detainees were released; self-censorship followed. The Sino-Kazakh border was closed.');
  });

  it('keeps running headers, footers and page numbers out of the paragraphs and starts each page where its text does', async () => {
    const body = (n: number): Line[] => [{ text: `Finding ${n} was confirmed by two sources.` }, { text: `Evidence for finding ${n} is listed below.`, gap: 2 }];
    const doc = await parse(await laidOut([body(1), body(2), body(3)], { header: 'Human Rights Report 2021 | Confidential', numbers: true }));
    expect(doc.text).not.toMatch(/Confidential/);
    expect(doc.text).not.toMatch(/(^|\n)\d\n/);
    expect(doc.pageStarts).toHaveLength(3);
    expect(doc.text.slice(doc.pageStarts![1]!)).toMatch(/^Finding 2 was confirmed/);
    expect(doc.text.slice(doc.pageStarts![2]!)).toMatch(/^Finding 3 was confirmed/);
  });

  it('continues a paragraph across a page break when the sentence does', async () => {
    const doc = await parse(await laidOut([[{ text: 'The witness said the guards' }], [{ text: 'came every night at two.' }]]));
    expect(paragraphs(doc)).toEqual([{ kind: 'paragraph', text: 'The witness said the guards came every night at two.' }]);
    expect(doc.text.slice(doc.pageStarts![1]!)).toBe('came every night at two.');
  });

  it('makes headings of larger type, by size rank, and takes the title from Info when the first line is a cut-off part of it', async () => {
    const doc = await parse(
      await laidOut(
        [
          [
            { text: 'Eradicating Ideological Viruses', size: 20 },
            { text: 'Methods', size: 15, gap: 2 },
            { text: 'We interviewed fifty-eight former detainees.', gap: 1.5 },
          ],
        ],
        { title: "Eradicating Ideological Viruses: China's Campaign of Repression Against Xinjiang's Muslims" },
      ),
    );
    expect(paragraphs(doc)).toEqual([
      { kind: 'heading', text: 'Eradicating Ideological Viruses' },
      { kind: 'heading', text: 'Methods' },
      { kind: 'paragraph', text: 'We interviewed fifty-eight former detainees.' },
    ]);
    expect(doc.blocks.map((b) => b.level)).toEqual([1, 2, undefined]);
    expect(doc.title).toBe("Eradicating Ideological Viruses: China's Campaign of Repression Against Xinjiang's Muslims");
  });

  it('keeps printed page labels in the layout and a box for every word at its canonical offsets', async () => {
    const doc = await parse(await laidOut([[{ text: 'Preface text.' }], [{ text: 'Contents.' }], [{ text: 'Chapter one begins.' }]], { labels: true }));
    const layout = layoutOf(doc.meta)!;
    expect(layout.map((p) => p.label)).toEqual(['i', 'ii', '1']);
    const page = layout[2]!;
    const words = Array.from({ length: wordCount(page) }, (_, i) => wordAt(page, i));
    expect(words.map((w) => doc.text.slice(w.start, w.end))).toEqual(['Chapter', 'one', 'begins.']);
    // Left to right, on the line drawn 50 pt from the left edge.
    expect(words[0]!.x).toBeCloseTo(50, 0);
    expect(words[1]!.x).toBeGreaterThan(words[0]!.x + words[0]!.width);
  });
});

describe('PDF structure of pages Chromium prints (issue 16)', () => {
  let printer: PagePrinter;
  beforeAll(async () => {
    printer = await openPagePrinter();
  });
  afterAll(async () => {
    await printer?.close();
  });

  const twoColumns = (dir: string, lang: string, left: string, right: string) => `<!doctype html><html lang="${lang}" dir="${dir}"><meta charset="utf-8">
<style>body{font:12pt/1.5 'Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;margin:0}
h1{font-size:20pt;margin:0 0 12pt} .cols{column-count:2;column-gap:40pt} p{margin:0 0 10pt}</style>
<h1>${lang === 'ug' ? 'دوكلات' : lang === 'zh' ? '调查报告' : 'Field report'}</h1><div class="cols"><p>${left}</p><p style="break-before:column">${right}</p></div></html>`;

  it('reads a two-column page column by column, each wrapped paragraph as one line', async () => {
    const left = 'The first column tells how the witnesses were found through relatives abroad and how each interview was recorded with consent. '.repeat(3);
    const right = 'The second column lists the camps named by the witnesses together with the dates each one was seen on satellite images. '.repeat(3);
    const doc = await parse(await printer.pdf(twoColumns('ltr', 'en', left, right)));
    const texts = paragraphs(doc);
    expect(texts[0]).toEqual({ kind: 'heading', text: 'Field report' });
    expect(texts.slice(1).map((p) => p.text)).toEqual([left.trim(), right.trim()]);
  });

  it('takes headings from the outline even where they are set in the body size', async () => {
    const html = `<!doctype html><html lang="en"><meta charset="utf-8"><style>body{font:12pt/1.5 'Noto Sans',sans-serif} h1,h2{font-size:12pt;margin:12pt 0}</style>
<h1>Background</h1><p>The camps were built from 2017 onwards, according to satellite images.</p><h2>Sources</h2><p>Witnesses were interviewed in Almaty and Istanbul.</p></html>`;
    const doc = await parse(await printer.pdf(html));
    expect(paragraphs(doc).filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Background', 'Sources']);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([1, 2]);
  });

  it('reads a right-to-left Uyghur page right column first, in logical order, and Chinese without spaces between characters', async () => {
    const ugLeft = 'گۇۋاھچىلار لاگېردىكى تۇرمۇشنى بايان قىلدى ۋە ھەر بىر سۆھبەت خاتىرىلەندى. '.repeat(3).trim();
    const ugRight = 'ئىككىنچى ئىستوندا لاگېرلارنىڭ ئىسىملىرى ۋە چېسلالىرى بار. '.repeat(3).trim();
    const ug = await parse(await printer.pdf(twoColumns('rtl', 'ug', ugLeft, ugRight)));
    const ugTexts = paragraphs(ug).map((p) => p.text);
    expect(ugTexts[0]).toBe('دوكلات');
    // dir=rtl: the first column is on the right of the page.
    expect(ugTexts.slice(1)).toEqual([ugLeft, ugRight]);

    const zh = '一名哈萨克族男子说他每天只得到三个馒头并且十一个月不许走出大楼。'.repeat(4);
    const zhDoc = await parse(await printer.pdf(twoColumns('ltr', 'zh', zh, '第二栏列出证人提到的营地名称和日期。'.repeat(4))));
    expect(paragraphs(zhDoc).map((p) => p.text)[1]).toBe(zh);
  });
});
