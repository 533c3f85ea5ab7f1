/**
 * OCR quality and speed (issue 16). Builds its own test pages: known text in the six languages
 * printed by headless Chromium to PNG at 150 and 300 dpi, the same pages as image-only PDFs, and a
 * skewed and a noisy variant at 300 dpi. Each goes through the importer (parseFile: the PDF's page
 * image is extracted as in the app) and OCR (recogniseDocument with the user's language), and the
 * recognised text is compared with the known text. Prints per language the character error rate,
 * seconds per page, then English pages per minute with one engine per core, and the process's peak
 * memory (sampled RSS: the engines' worker threads live in this process).
 * Run: npm run bench:ocr   (BENCH_OCR_LANGS=en,ru to run fewer languages)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from '../src/main/importers/index.ts';
import { createOcrEngine, type OcrEngine } from '../src/main/ocr/engine.ts';
import type { OcrLanguage } from '../src/main/ocr/languages.ts';
import { recogniseDocument } from '../src/main/ocr/recognise-document.ts';
import { openPagePrinter } from '../tests/helpers/chromium-pages.ts';
import { characterErrorRate, imageOnlyPdf, OCR_SAMPLES, sampleHtml, type SampleLanguage } from '../tests/helpers/ocr-samples.ts';

const GOALS = { cleanCer: { en: 0.02, ru: 0.02, zh: 0.06, kk: 0.06, ug: 0.06, ar: 0.06 } as Record<SampleLanguage, number>, pagesPerMinute: 10, peakMb: 1536 };
const languages = (process.env.BENCH_OCR_LANGS?.split(',') ?? Object.keys(OCR_SAMPLES)) as SampleLanguage[];
/** A page of text: the three sentences four times over, twelve paragraphs (about a third of an A4 page of testimony). */
const pageLines = (language: SampleLanguage) => Array.from({ length: 4 }, () => OCR_SAMPLES[language]).flat();

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-ocr-'));

interface Variant {
  name: string;
  file: string;
  bytes: Uint8Array;
}

async function buildPages(): Promise<Map<SampleLanguage, Variant[]>> {
  const printer = await openPagePrinter();
  const pages = new Map<SampleLanguage, Variant[]>();
  try {
    for (const language of languages) {
      const lines = pageLines(language);
      const png150 = await printer.png(sampleHtml(language, { lines }), 150);
      const png300 = await printer.png(sampleHtml(language, { lines }), 300);
      pages.set(language, [
        { name: 'image 150 dpi', file: 'page.png', bytes: png150 },
        { name: 'image 300 dpi', file: 'page.png', bytes: png300 },
        { name: 'PDF 150 dpi', file: 'page.pdf', bytes: await imageOnlyPdf([png150]) },
        { name: 'PDF 300 dpi', file: 'page.pdf', bytes: await imageOnlyPdf([png300]) },
        { name: 'skewed 2° 300 dpi', file: 'page.png', bytes: await printer.png(sampleHtml(language, { lines, skewDeg: 2 }), 300) },
        { name: 'noisy 300 dpi', file: 'page.png', bytes: await printer.png(sampleHtml(language, { lines, noise: true }), 300) },
      ]);
    }
  } finally {
    await printer.close();
  }
  return pages;
}

async function recognise(engine: OcrEngine, variant: Variant, language: OcrLanguage): Promise<{ text: string; seconds: number }> {
  const started = performance.now();
  const {
    docs: [parsed],
  } = await parseFile({ name: variant.file, bytes: variant.bytes });
  const doc = await recogniseDocument(parsed!, { engine, name: variant.file, languages: [language] });
  return { text: doc.text, seconds: (performance.now() - started) / 1000 };
}

try {
  const pages = await buildPages();
  const engine = createOcrEngine({ dataDir: path.join(dir, 'tessdata'), maxEngines: 1 });
  const rows: string[] = [];
  const cleanCer = new Map<SampleLanguage, number>();
  for (const language of languages) {
    const truth = pageLines(language).join(' ');
    for (const variant of pages.get(language)!) {
      try {
        const { text, seconds } = await recognise(engine, variant, language);
        const cer = characterErrorRate(truth, text);
        if (variant.name === 'image 300 dpi') cleanCer.set(language, cer);
        rows.push(`${language.padEnd(4)} ${variant.name.padEnd(18)} ${(cer * 100).toFixed(2).padStart(7)} % ${seconds.toFixed(1).padStart(7)} s`);
      } catch (error) {
        // A page read as nothing counts as every character wrong.
        if (variant.name === 'image 300 dpi') cleanCer.set(language, 1);
        rows.push(`${language.padEnd(4)} ${variant.name.padEnd(18)} failed: ${(error as Error).message}`);
      }
      console.error(rows.at(-1));
    }
  }
  await engine.close();

  // Throughput: English 300 dpi pages, one engine per core, as an import of a scanned report runs them.
  const cores = Math.min(2, os.availableParallelism());
  const parallel = createOcrEngine({ dataDir: path.join(dir, 'tessdata'), maxEngines: cores });
  const english = pages.get('en')?.find((v) => v.name === 'PDF 300 dpi');
  let pagesPerMinute = Number.NaN;
  if (english) {
    const count = 8;
    await recognise(parallel, english, 'en'); // engines started and data loaded before the clock runs
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: cores }, async () => {
        while (next++ < count) await recognise(parallel, english, 'en');
      }),
    );
    pagesPerMinute = count / ((performance.now() - started) / 60_000);
  }
  await parallel.close();
  clearInterval(sampler);

  console.log(`OCR bench (issue 16): tesseract.js ${(await import('tesseract.js/package.json', { with: { type: 'json' } })).default.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? ''}`);
  console.log('lang variant              CER (whitespace ignored)   time/page');
  for (const row of rows) console.log(row);
  console.log('');
  for (const language of languages) {
    const cer = cleanCer.get(language)!;
    const goal = GOALS.cleanCer[language];
    console.log(`${language}: CER ${(cer * 100).toFixed(2)} % on clean 300 dpi pages (goal ≤ ${goal * 100} %): ${cer <= goal ? 'met' : 'NOT met'}`);
  }
  if (english) console.log(`English throughput: ${pagesPerMinute.toFixed(1)} pages/min on ${cores} cores (goal ≥ ${GOALS.pagesPerMinute}): ${pagesPerMinute >= GOALS.pagesPerMinute ? 'met' : 'NOT met'}`);
  const peakMb = peak / 1024 / 1024;
  console.log(`Peak memory (RSS): ${peakMb.toFixed(0)} MB (goal < ${GOALS.peakMb} MB): ${peakMb < GOALS.peakMb ? 'met' : 'NOT met'}`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
