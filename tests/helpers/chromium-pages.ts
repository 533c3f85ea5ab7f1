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
        return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' }, outline: true, tagged: true }));
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

/** A PNG re-encoded by Chromium's canvas as WebP and JPEG, and its pixels as an uncompressed greyscale TIFF: the other image formats scans come in. */
export async function otherFormats(png: Uint8Array): Promise<{ webp: Uint8Array; jpeg: Uint8Array; tiff: Uint8Array }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  try {
    const page = await browser.newPage();
    const { webp, jpeg, width, height, grey } = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
      const grey: number[] = [];
      for (let i = 0; i < rgba.length; i += 4) grey.push(rgba[i]!);
      return { webp: canvas.toDataURL('image/webp', 0.95).split(',')[1]!, jpeg: canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!, width: img.width, height: img.height, grey };
    }, Buffer.from(png).toString('base64'));
    return { webp: new Uint8Array(Buffer.from(webp, 'base64')), jpeg: new Uint8Array(Buffer.from(jpeg, 'base64')), tiff: greyTiff(width, height, Uint8Array.from(grey)) };
  } finally {
    await browser.close();
  }
}

/** A baseline TIFF (TIFF 6.0, section 4): little-endian, one strip, 8-bit greyscale, no compression. */
function greyTiff(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const count = 9;
  const headerLength = 8 + 2 + count * 12 + 4;
  const entries: [number, number, number][] = [
    [256, 4, width], // ImageWidth
    [257, 4, height], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // PhotometricInterpretation: black is zero
    [273, 4, headerLength], // StripOffsets
    [277, 3, 1], // SamplesPerPixel
    [278, 4, height], // RowsPerStrip
    [279, 4, pixels.length], // StripByteCounts
  ];
  const out = new Uint8Array(headerLength + pixels.length);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  view.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    if (type === 3) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(10 + entries.length * 12, 0, true);
  out.set(pixels, headerLength);
  return out;
}
