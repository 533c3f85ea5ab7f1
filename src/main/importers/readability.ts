import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';

/**
 * The slow path of HTML import (issue 3): a page without its own single <article>/<main> goes to
 * Mozilla's Readability, which needs a DOM, so only these pages pay for jsdom (a few ms per page
 * and more with every hundred elements, against under a millisecond for parse5 alone). What it
 * returns is unsafe HTML: the caller sends it through the same sanitiser as every other page.
 */

let sharedWindow: JSDOM['window'] | undefined;
let documentsMade = 0;
/**
 * jsdom registers selector-engine listeners on the window for every document made from it and
 * never removes them, so documents pile up (memory, and slower adds): the window is replaced
 * after this many documents.
 */
const DOCUMENTS_PER_WINDOW = 100;

/**
 * One jsdom window per parse worker, created on first use and renewed now and then: a window
 * costs tens of milliseconds, a DOMParser document from it a few. Scripts never run in it and
 * nothing is fetched (jsdom's defaults: runScripts and resources unset).
 */
function htmlWindow(): JSDOM['window'] {
  if (++documentsMade >= DOCUMENTS_PER_WINDOW) {
    documentsMade = 0;
    sharedWindow?.close();
    sharedWindow = undefined;
  }
  sharedWindow ??= new JSDOM('<!doctype html><html><body></body></html>').window;
  return sharedWindow;
}

/** The article Readability finds in a page (HTML, unsanitised), or null when the page does not read as one. */
export function readabilityArticle(html: string): string | null {
  const doc = new (htmlWindow().DOMParser)().parseFromString(html, 'text/html');
  if (!isProbablyReaderable(doc)) return null;
  const article = new Readability(doc, { keepClasses: false }).parse();
  return article?.content && (article.textContent?.trim().length ?? 0) > 200 ? article.content : null;
}
