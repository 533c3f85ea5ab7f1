/**
 * Whether a PDF carries JavaScript (issue 13, item 9). Dossier never runs it (pdf.js without
 * scripting or eval), but the review flag promises to tell the user, so the actions are found in
 * the objects pdf.js has parsed, wherever they sit in the file: a search of the raw bytes missed
 * every action inside a compressed object stream. Kept apart from the text extraction in pdf.ts.
 */

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
  // pdf.js keeps no trace of a script behind a link or a bookmark whose target it does not follow;
  // such actions in objects outside object streams are still found in the bytes.
  if (found.length === 0) {
    const raw = new TextDecoder('latin1').decode(rawBytes.byteLength > 4_000_000 ? rawBytes.subarray(0, 4_000_000) : rawBytes);
    if (/\/(JavaScript|JS)\b/.test(raw)) found.push('a link or bookmark');
  }
  return found;
}
