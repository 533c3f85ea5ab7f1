/**
 * The PDF's document information, rewritten after printing, in one place for both printers
 * (issue 12). Chromium writes its user agent as /Creator and local time with its UTC offset; the
 * CLI can set both at launch, but Electron's printToPDF ignores a user agent set on a window that
 * already exists, so the app's PDFs said which OS and build made them. Here every PDF Dossier
 * prints gets the same Info: the (already redacted) title, Creator and Producer "Dossier", and
 * UTC dates; nothing else (no Author, Subject, Keywords).
 */
import { PDFDict, PDFDocument } from 'pdf-lib';
import type { PdfPrinter } from './print-options.ts';
import { PDF_CREATOR } from './print-options.ts';

/** Info entries kept as the printer wrote them (the title is the report's, already redacted). */
const KEPT = new Set(['/Title']);

export async function rewritePdfInfo(bytes: Uint8Array, now: Date = new Date()): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib would write its own Producer and dates on load.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info instanceof PDFDict) {
    for (const key of info.keys()) if (!KEPT.has(key.asString())) info.delete(key);
  }
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(PDF_CREATOR);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  // Object streams off: keep the file readable by the PDF readers courts and archives still use.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** A printer whose PDFs carry Dossier's Info whatever engine printed them. */
export function withDossierInfo(print: PdfPrinter): PdfPrinter {
  return async (html, options) => rewritePdfInfo(await print(html, options));
}
