/**
 * The app's PDF printer (issue 6): the report HTML printed by the app's own Chromium through
 * webContents.printToPDF, in a hidden, sandboxed window with no preload, no JavaScript and its own
 * in-memory session that refuses every request but the data: URL it loads. Same page options as
 * the CLI's headless Chromium (print-options.ts), so both print the same way.
 */
import type { BrowserWindow as BrowserWindowType, Dialog, Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withDossierInfo } from '../reports/pdf-info.ts';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS_MM, type PdfPrinter } from '../reports/print-options.ts';

type BrowserWindowCtor = typeof BrowserWindowType;
const inches = (mm: number) => mm / 25.4;
/** Chromium refuses URLs over 2 MiB (Electron's limit); keep a margin below it. */
export const MAX_URL_LENGTH = 2 * 1024 * 1024 - 4096;

/**
 * The data: URL that shows `html`, or null when that URL would be too long to load. The test is on
 * the URL itself: base64 of UTF-8 makes a 520,000-character Chinese report ~2.1 MB of URL although
 * its `html.length` is small.
 */
export function dataUrlFor(html: string): string | null {
  const prefix = 'data:text/html;charset=utf-8;base64,';
  const bytes = Buffer.byteLength(html, 'utf8');
  if (prefix.length + Math.ceil(bytes / 3) * 4 > MAX_URL_LENGTH) return null;
  return prefix + Buffer.from(html, 'utf8').toString('base64');
}

export function createElectronPrinter(BrowserWindow: BrowserWindowCtor, printSession: Session): PdfPrinter {
  // One allowed file per print in progress: two exports at once must not cancel each other.
  const allowedFiles = new Set<string>();
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !(details.url.startsWith('data:') || allowedFiles.has(details.url)) }),
  );
  printSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  return withDossierInfo(async (html, { pageSize }) => {
    let allowedFile: string | null = null;
    let tempDir: string | null = null;
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        session: printSession,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      // The PDF's Info (Creator, dates) is rewritten after printing by withDossierInfo: a user agent
      // set here would not reach the PDF.
      const dataUrl = dataUrlFor(html);
      if (dataUrl) {
        await win.loadURL(dataUrl);
      } else {
        tempDir = await mkdtemp(path.join(os.tmpdir(), 'dossier-print-'));
        const file = path.join(tempDir, 'report.html');
        await writeFile(file, html, { mode: 0o600 });
        allowedFile = pathToFileURL(file).href;
        allowedFiles.add(allowedFile);
        await win.loadURL(allowedFile);
      }
      const pdf = await win.webContents.printToPDF({
        pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: PDF_HEADER_TEMPLATE,
        footerTemplate: PDF_FOOTER_TEMPLATE,
        margins: {
          top: inches(PDF_MARGINS_MM.top),
          bottom: inches(PDF_MARGINS_MM.bottom),
          left: inches(PDF_MARGINS_MM.left),
          right: inches(PDF_MARGINS_MM.right),
        },
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
      if (allowedFile) allowedFiles.delete(allowedFile);
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    }
  });
}

/** The save dialog for an export, starting from a sanitised suggested name. */
export async function pickExportPath(dialog: Dialog, window: BrowserWindowType | null, suggestedName: string): Promise<string | null> {
  const options = { title: 'Export report', defaultPath: suggestedName, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
