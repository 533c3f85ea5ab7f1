/**
 * Whether a PDF carries JavaScript (issue 13, item 9). Dossier never runs it (pdf.js without
 * scripting or eval), but the review flag promises to tell the user, so the actions are found in
 * the objects pdf.js has parsed, wherever they sit in the file: a search of the raw bytes missed
 * every action inside a compressed object stream. Kept apart from the text extraction in pdf.ts.
 */

import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';

interface PdfPageLike {
  getJSActions(): Promise<unknown>;
  getAnnotations(): Promise<unknown[]>;
}

export interface PdfLike {
  numPages: number;
  getJSActions(): Promise<unknown>;
  getFieldObjects(): Promise<unknown>;
  getPage(n: number): Promise<PdfPageLike>;
}

/** A map of event → scripts (pdf.js's shape for actions) that holds at least one script. */
function hasScripts(actions: unknown): boolean {
  if (!actions || typeof actions !== 'object') return false;
  return Object.values(actions as Record<string, unknown>).some((list) => Array.isArray(list) && list.some((js) => typeof js === 'string' && js.trim() !== ''));
}

/** An annotation's or form field's own actions (widgets: keystroke, format, calculate, mouse events; links: a javascript: target). */
function annotationHasScript(annotation: unknown): boolean {
  if (!annotation || typeof annotation !== 'object') return false;
  const a = annotation as { actions?: unknown; unsafeUrl?: unknown };
  return hasScripts(a.actions) || (typeof a.unsafeUrl === 'string' && /^\s*javascript:/i.test(a.unsafeUrl));
}

/**
 * Where the PDF's JavaScript is, in words ("when the document opens", "page 2"…), empty when it
 * has none: the document's actions (the catalog's /AA, /OpenAction and the /Names JavaScript
 * tree), the form fields' actions, and each page's own /AA and its annotations' actions. A part
 * pdf.js cannot read is skipped, never fatal: the text import goes on.
 */
export async function findPdfScripts(pdf: PdfLike, rawBytes: Uint8Array): Promise<string[]> {
  const found: string[] = [];
  if (hasScripts(await pdf.getJSActions().catch(() => null))) found.push('the document');
  const fields = await pdf.getFieldObjects().catch(() => null);
  if (fields && typeof fields === 'object' && Object.values(fields).some((list) => Array.isArray(list) && list.some(annotationHasScript))) {
    found.push('its form fields');
  }
  const pages: number[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    try {
      const page = await pdf.getPage(n);
      const [own, annotations] = await Promise.all([page.getJSActions().catch(() => null), page.getAnnotations().catch(() => [])]);
      if (hasScripts(own) || annotations.some(annotationHasScript)) pages.push(n);
    } catch {
      // An unreadable page is reported by the text extraction.
    }
  }
  if (pages.length) found.push(`page${pages.length > 1 ? 's' : ''} ${pages.slice(0, 10).join(', ')}${pages.length > 10 ? '…' : ''}`);
  // pdf.js keeps no trace of a script behind a link or a bookmark whose target it does not follow:
  // every object of the file is looked at instead, object streams included (pdf-lib parses them).
  if (found.length === 0 && (await hasScriptObject(rawBytes))) found.push('a link or bookmark');
  return found;
}

const JS = PDFName.of('JS');
const S = PDFName.of('S');
const JAVASCRIPT = PDFName.of('JavaScript');

/** A dictionary (or a stream's), or one nested in it (an action written inline), that is a script action. */
function holdsScript(object: unknown, depth: number): boolean {
  if (depth > 32) return false;
  const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
  if (dict) {
    if (dict.has(JS) || dict.get(S) === JAVASCRIPT) return true;
    return dict.values().some((value) => holdsScript(value, depth + 1));
  }
  return object instanceof PDFArray && object.asArray().some((value) => holdsScript(value, depth + 1));
}

/**
 * Whether any object of the PDF is a JavaScript action (`/S /JavaScript`) or carries a `/JS`
 * entry, wherever it sits: plain objects and those packed in compressed object streams alike. A
 * file pdf-lib cannot read (encrypted object streams, damage) falls back to the raw bytes.
 */
async function hasScriptObject(rawBytes: Uint8Array): Promise<boolean> {
  try {
    const doc = await PDFDocument.load(rawBytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    for (const [, object] of doc.context.enumerateIndirectObjects()) if (holdsScript(object, 0)) return true;
    if (!doc.isEncrypted) return false;
  } catch {
    // Unreadable to pdf-lib: look at the bytes as they are.
  }
  const raw = new TextDecoder('latin1').decode(rawBytes.byteLength > 4_000_000 ? rawBytes.subarray(0, 4_000_000) : rawBytes);
  return /\/(JavaScript|JS)\b/.test(raw);
}
