/**
 * pdf.js's legacy build for Node (issue 12). At load it evaluates `new DOMMatrix()`, which it
 * polyfills from the optional native @napi-rs/canvas; the packaged app leaves that addon out (no
 * native module ships), so without a DOMMatrix the import threw "DOMMatrix is not defined" and
 * every PDF failed. Text extraction needs only the matrix arithmetic: a pure-JS DOMMatrix
 * (@thednp/dommatrix, MIT) fills the gap where the runtime has none.
 */
import CSSMatrix from '@thednp/dommatrix';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type Pdfjs = typeof PdfjsModule;

export async function loadPdfjs(): Promise<Pdfjs> {
  const scope = globalThis as { DOMMatrix?: unknown };
  if (typeof scope.DOMMatrix !== 'function') scope.DOMMatrix = CSSMatrix;
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}
