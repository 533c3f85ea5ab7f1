import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { createOcrEngine, workerOptions, type OcrEngine } from '../../../src/main/ocr/engine.ts';
import { createSearchEngine } from '../../../src/main/search/engine.ts';
import { createService } from '../../../src/main/service.ts';
import { openWorkspace } from '../../../src/main/store/workspace.ts';
import type { ImportProgress } from '../../../src/shared/domain.ts';
import { layoutOf, wordAt, wordCount } from '../../../src/shared/page-layout.ts';
import { openPagePrinter, otherFormats, type PagePrinter } from '../../helpers/chromium-pages.ts';
import { characterErrorRate, imageOnlyPdf, OCR_SAMPLES, sampleHtml, type SampleLanguage } from '../../helpers/ocr-samples.ts';
import { tempDir, writeFiles } from '../../helpers/temp-workspace.ts';

/** One page per language, as a scan would come: two sentences of known text printed by Chromium at 150 dpi (kept small: CI's time). */
describe('OCR of scans and images, offline (issue 16)', () => {
  let printer: PagePrinter;
  let engine: OcrEngine;
  let scratch: ReturnType<typeof tempDir>;
  const strips = new Map<SampleLanguage, Uint8Array>();
  const opened: { close(): Promise<void> | void }[] = [];

  beforeAll(async () => {
    printer = await openPagePrinter();
    for (const language of Object.keys(OCR_SAMPLES) as SampleLanguage[]) strips.set(language, await printer.png(sampleHtml(language, { lines: OCR_SAMPLES[language].slice(0, 2) }), 150, 45));
    scratch = tempDir();
    engine = createOcrEngine({ dataDir: path.join(scratch.dir, 'tessdata'), maxEngines: 1 });
  }, 120_000);
  afterAll(async () => {
    for (const o of opened) await o.close();
    await engine?.close();
    await printer?.close();
    scratch?.cleanup();
  });

  /** A service over a fresh workspace that shares the suite's engine. */
  function app(options: { pageTimeoutMs?: number } = {}) {
    const dir = path.join(scratch.dir, `ws-${opened.length}`);
    const workspace = openWorkspace(dir);
    const search = createSearchEngine(workspace);
    const events: ImportProgress[] = [];
    const h = createService({
      workspace,
      search,
      ocr: { dataDir: path.join(scratch.dir, 'tessdata'), engine, pageTimeoutMs: options.pageTimeoutMs },
      emit: (event, payload) => {
        if (event === 'evt:import:progress') events.push(payload as ImportProgress);
      },
    });
    opened.push({ close: async () => (await search.close(), workspace.close()) });
    return { h, dir, events };
  }

  const textOf = async (h: ReturnType<typeof createService>, name: string) => {
    const list = await call(h, 'documents:list', {});
    const found = list.find((d) => d.originalName === name);
    if (!found) throw new Error(`${name} was not imported`);
    return call(h, 'documents:get', { id: found.id });
  };

  it('recognises a scanned PDF in each of the six languages, with word boxes and confidence kept', async () => {
    const { h, dir } = app();
    const files: Record<string, Uint8Array> = {};
    for (const [language, png] of strips) files[`scan-${language}.pdf`] = await imageOnlyPdf([png]);
    const folder = writeFiles(dir, files);
    const languages = { en: 'en', ru: 'ru', zh: 'zh', kk: 'kk', ar: 'ar' } as const;
    // Each language chosen by the user, except Uyghur, which is guessed from a first pass.
    for (const [language, code] of Object.entries(languages)) {
      const summary = await call(h, 'documents:import', { paths: [path.join(folder, `scan-${language}.pdf`)], ocrLanguages: [code] });
      expect(summary.failed).toEqual([]);
    }
    expect((await call(h, 'documents:import', { paths: [path.join(folder, 'scan-ug.pdf')] })).failed).toEqual([]);
    for (const language of strips.keys()) {
      const doc = await textOf(h, `scan-${language}.pdf`);
      const truth = OCR_SAMPLES[language].slice(0, 2).join(' ');
      const cer = characterErrorRate(truth, doc.text);
      expect(cer, `${language}: ${doc.text}`).toBeLessThan(0.1);
      expect((doc.meta.ocr as { languages: string[] }).languages).toEqual([language]);
      // Chinese is written without spaces: none between Han characters in the text.
      if (language === 'zh') expect(doc.text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
      expect(doc.reviewFlags.join(' ')).toMatch(/recognised from the image/);
      const page = layoutOf(doc.meta)![0]!;
      expect(page.ocr).toBe(true);
      const words = Array.from({ length: wordCount(page) }, (_, i) => wordAt(page, i));
      expect(words.length).toBeGreaterThan(5);
      for (const w of words) {
        expect(w.confidence).toBeGreaterThanOrEqual(0);
        expect(w.x).toBeGreaterThanOrEqual(0);
        expect(w.x + w.width).toBeLessThanOrEqual(page.width + 1);
      }
      // Words are in reading order in the text: right to left for Uyghur and Arabic.
      const [first, second] = words;
      if (language === 'ug' || language === 'ar') expect(first!.x).toBeGreaterThan(second!.x);
      else if (language !== 'zh') expect(first!.x).toBeLessThan(second!.x);
      const low = words.filter((w) => w.confidence < 60).length;
      expect((doc.meta.ocr as { lowConfidenceWords: number }).lowConfidenceWords).toBe(low);
    }
    expect((await textOf(h, 'scan-ug.pdf')).language).toBe('ug');
  }, 240_000);

  it('recognises only the pages without text in a mixed PDF, and PNG, JPEG, TIFF and WebP images, reporting progress per page and counting unsure words', async () => {
    const { h, dir, events } = app();
    // A line struck through with its letters crowded: Tesseract reads something, unsure of it.
    const blurred = await printer.png(sampleHtml('en', { lines: [OCR_SAMPLES.en[0], '<span style="text-decoration:line-through 4px;letter-spacing:-2px">Seven words struck through and crowded together.</span>'] }), 150, 40);
    // One short English line per format: different texts, or the store would refuse them as duplicates.
    const line = (n: number) => [OCR_SAMPLES.en[n]!];
    const jpeg = (await otherFormats(await printer.png(sampleHtml('en', { lines: line(0) }), 150, 20))).jpeg;
    const tiff = (await otherFormats(await printer.png(sampleHtml('en', { lines: line(1) }), 150, 20))).tiff;
    const webp = (await otherFormats(await printer.png(sampleHtml('en', { lines: line(2) }), 150, 20))).webp;
    const folder = writeFiles(dir, {
      'photo.jpg': jpeg,
      'photo.tiff': tiff,
      'photo.webp': webp,
      'mixed.pdf': await imageOnlyPdf([strips.get('en')!, strips.get('en')!], { textFirstPage: 'Cover page with a real text layer.' }),
      'blurred.png': blurred,
    });
    const summary = await call(h, 'documents:import', { paths: [folder], ocrLanguages: ['en'] });
    expect(summary.failed).toEqual([]);
    const mixed = await textOf(h, 'mixed.pdf');
    expect(mixed.text).toMatch(/^Cover page with a real text layer\./);
    expect((mixed.meta.ocr as { pages: number[] }).pages).toEqual([2, 3]);
    expect(mixed.pageStarts).toHaveLength(3);
    expect(characterErrorRate(OCR_SAMPLES.en.slice(0, 2).join(' '), mixed.text.slice(mixed.pageStarts![1]!, mixed.pageStarts![2]!))).toBeLessThan(0.1);
    expect(layoutOf(mixed.meta)!.map((p) => Boolean(p.ocr))).toEqual([false, true, true]);
    const pages = events.filter((e) => e.currentFile.endsWith('mixed.pdf') && e.pages === 2).map((e) => e.page);
    expect(pages).toEqual([0, 1, 2]);
    const photo = await textOf(h, 'photo.jpg');
    expect(photo.format).toBe('image');
    expect(photo.pageStarts).toBeNull();
    for (const [n, name] of ['photo.jpg', 'photo.tiff', 'photo.webp'].entries()) expect(characterErrorRate(OCR_SAMPLES.en[n]!, (await textOf(h, name)).text), name).toBeLessThan(0.05);
    const unsure = await textOf(h, 'blurred.png');
    expect((unsure.meta.ocr as { lowConfidenceWords: number }).lowConfidenceWords).toBeGreaterThan(0);
    expect(unsure.reviewFlags.join(' ')).toMatch(/\d+ of \d+ recognised words in blurred\.png have low confidence/);
    // Recognised text is searchable like any other.
    const hits = await call(h, 'search:query', { query: 'guards woke prisoners', limit: 10 });
    expect(hits.results.map((hit) => hit.title)).toContain(mixed.title);
  }, 240_000);

  it('fails a damaged or timed-out scan alone, with a sentence naming it, and a cancelled one too', async () => {
    const { h, dir } = app({ pageTimeoutMs: 1 });
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
    const folder = writeFiles(dir, { 'broken.png': broken, 'slow.png': strips.get('en')!, 'notes.txt': 'Plain notes import as usual.', 'renamed.webp': new TextEncoder().encode('not an image') });
    const summary = await call(h, 'documents:import', { paths: [folder], ocrLanguages: ['en'] });
    expect(summary.imported.map((i) => path.basename(i.path))).toEqual(['notes.txt']);
    const message = (name: string) => summary.failed.find((f) => f.path.endsWith(name))?.message ?? '';
    expect(message('broken.png')).toMatch(/broken\.png .*not imported/);
    expect(message('slow.png')).toMatch(/slow\.png took longer than 0 s to recognise; the file was not imported/);
    expect(message('renamed.webp')).toMatch(/renamed\.webp is not a PNG, JPEG, TIFF or WebP image/);

    const second = app();
    const again = writeFiles(second.dir, { 'scan.pdf': await imageOnlyPdf([strips.get('en')!, strips.get('en')!]), 'later.txt': 'Still imported.' });
    const importing = call(second.h, 'documents:import', { paths: [again], ocrLanguages: ['en'] });
    // Cancel as soon as the first page is under way, as a user would from the progress bar.
    while (!second.events.some((e) => e.pages === 2)) await new Promise((r) => setImmediate(r));
    expect(await call(second.h, 'documents:cancelOcr', {})).toEqual({ cancelled: true });
    const result = await importing;
    expect(result.imported.map((i) => path.basename(i.path))).toEqual(['later.txt']);
    expect(result.failed[0]!.message).toMatch(/page 1 of scan\.pdf text recognition was cancelled; the file was not imported/);
  }, 240_000);

  it('reads its language data from a local folder and fetches nothing', () => {
    const options = workerOptions('/data/tessdata');
    expect(options).toMatchObject({ langPath: '/data/tessdata', gzip: false, cacheMethod: 'none', cachePath: '/data/tessdata' });
    expect(Object.keys(options)).not.toContain('workerPath');
    expect(Object.keys(options)).not.toContain('corePath');
  });
});
