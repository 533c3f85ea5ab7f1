/**
 * The PDF printer of the CLI and the tests: headless Chromium through playwright-core (DESIGN.md).
 * JavaScript off, offline, every request refused: the report HTML is self-contained anyway.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DossierError } from '../../shared/errors.ts';
import { withDossierInfo } from './pdf-info.ts';
import { PDF_CREATOR, PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS_MM, type PdfPrinter } from './print-options.ts';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function createChromiumPrinter(executablePath = chromiumPath()): PdfPrinter {
  return withDossierInfo(async (html, { pageSize }) => {
    if (!existsSync(executablePath)) {
      throw new DossierError('NOT_FOUND', `PDF export needs Chromium, which is not at ${executablePath}. Install it or set CHROMIUM_PATH.`);
    }
    // The Info is rewritten after printing (pdf-info.ts); TZ=UTC and the user agent keep even the
    // printer's own first draft free of the local offset and the OS and browser build.
    const browser = await chromium.launch({ executablePath, headless: true, args: [`--user-agent=${PDF_CREATOR}`], env: { ...process.env, TZ: 'UTC' } });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const mm = (n: number) => `${n}mm`;
      const pdf = await page.pdf({
        format: pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: PDF_HEADER_TEMPLATE,
        footerTemplate: PDF_FOOTER_TEMPLATE,
        margin: { top: mm(PDF_MARGINS_MM.top), bottom: mm(PDF_MARGINS_MM.bottom), left: mm(PDF_MARGINS_MM.left), right: mm(PDF_MARGINS_MM.right) },
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await browser.close();
    }
  });
}
