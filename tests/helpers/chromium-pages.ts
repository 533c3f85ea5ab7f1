/**
 * Test pages printed by headless Chromium (issue 16): HTML a test writes, as a PDF (page.pdf)
 * or as a PNG screenshot at a given resolution, so the PDF importer and OCR are tested on what
 * Chromium really draws, in every script the fonts cover.
 */
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../src/main/reports/pdf-chromium.ts';

export interface PagePrinter {
  pdf(html: string): Promise<Uint8Array>;
  /** A screenshot of an A4 page at `dpi` (or of its top `heightMm` millimetres: a strip is quicker to recognise). */
  png(html: string, dpi: number, heightMm?: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openPagePrinter(): Promise<PagePrinter> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  await context.route('**/*', (route) => route.abort());
  return {
    async pdf(html) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' }, outline: true }));
      } finally {
        await page.close();
      }
    },
    async png(html, dpi, heightMm = 297) {
      // A4 at 96 CSS px per inch, scaled to the wanted resolution.
      const page = await browser.newPage({ viewport: { width: 794, height: Math.round((heightMm / 297) * 1123) }, deviceScaleFactor: dpi / 96, javaScriptEnabled: false });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.screenshot({ type: 'png', fullPage: false }));
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
