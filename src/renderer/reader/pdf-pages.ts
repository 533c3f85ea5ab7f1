/**
 * pdf.js in the renderer (issue 16): the original PDF's pages drawn on canvases, from the stored
 * bytes. Its worker is a file of the app served from app:// (the CSP's script-src 'self' covers
 * workers); eval off, no XFA, no scripting, and no annotation layer is ever rendered, so the PDF's
 * JavaScript never runs and its links are never followed. Nothing is fetched.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
}

/** Draws page `index` (0-based) at `scale` CSS pixels per PDF point, sharp on high-DPI screens. */
export async function drawPage(pdf: PDFDocumentProxy, index: number, canvas: HTMLCanvasElement, scale: number): Promise<void> {
  const page = await pdf.getPage(index + 1);
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport, annotationMode: 0 }).promise;
  page.cleanup();
}

/** An image file (PNG, JPEG, WebP) drawn on a canvas; false where the browser cannot decode it (TIFF). */
export async function drawImage(bytes: Uint8Array, canvas: HTMLCanvasElement): Promise<boolean> {
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    return true;
  } catch {
    return false;
  }
}
