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
import { PDF_CREATOR, PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS_MM, type PdfPrinter } from '../reports/print-options.ts';

type BrowserWindowCtor = typeof BrowserWindowType;
const inches = (mm: number) => mm / 25.4;
/** Chromium refuses URLs over 2 MiB; bigger reports are printed from a private temporary file. */
const MAX_DATA_URL_HTML = 1_400_000;

export function createElectronPrinter(BrowserWindow: BrowserWindowCtor, printSession: Session): PdfPrinter {
  let allowedFile: string | null = null;
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !(details.url.startsWith('data:') || (allowedFile !== null && details.url === allowedFile)) }),
  );
  printSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  return async (html, { pageSize }) => {
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
      // The Creator of the PDF is the user agent: say "Dossier", not the OS and browser build.
      win.webContents.setUserAgent(PDF_CREATOR);
      if (html.length <= MAX_DATA_URL_HTML) {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      } else {
        tempDir = await mkdtemp(path.join(os.tmpdir(), 'dossier-print-'));
        const file = path.join(tempDir, 'report.html');
        await writeFile(file, html, { mode: 0o600 });
        allowedFile = pathToFileURL(file).href;
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
      allowedFile = null;
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    }
  };
}

/** The save dialog for an export, starting from a sanitised suggested name. */
export async function pickExportPath(dialog: Dialog, window: BrowserWindowType | null, suggestedName: string): Promise<string | null> {
  const options = { title: 'Export report', defaultPath: suggestedName, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
