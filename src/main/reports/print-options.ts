/**
 * Page options shared by the two PDF printers (headless Chromium for CLI and tests, Electron's
 * printToPDF in the app), so both print the same HTML the same way. No title, URL or date in the
 * header and footer: only page numbers (Chromium's default header would print the file's path).
 */
import type { PageSize } from '../../shared/reports.ts';

export type PdfPrinter = (html: string, options: { pageSize: PageSize }) => Promise<Uint8Array>;

/** What the PDF's Info /Creator says (Chromium puts its user agent there). */
export const PDF_CREATOR = 'Dossier';

export const PDF_MARGINS_MM = { top: 18, bottom: 18, left: 20, right: 20 };

export const PDF_HEADER_TEMPLATE = '<span></span>';
export const PDF_FOOTER_TEMPLATE = `<div style="width:100%;text-align:center;font-size:8pt;color:#444;font-family:'Noto Sans',sans-serif;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
