import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type { JSDOM } from 'jsdom';

/**
 * jsdom and Readability are loaded on first use: most pages mark their article up and never need
 * them, and loading jsdom was most of a parse worker's start (0.9 s of CPU, bench:import).
 */
const require = createRequire(import.meta.url);
const jsdom = () => require('jsdom') as { JSDOM: typeof JSDOM };
const readability = () => require('@mozilla/readability') as typeof ReadabilityModule;

let sharedWindow: JSDOM['window'] | undefined;
let documentsMade = 0;
/**
 * jsdom registers selector-engine listeners on the window for every document made from it and
 * never removes them, so documents pile up (memory, and slower parses): the window is replaced
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
  sharedWindow ??= new (jsdom().JSDOM)('<!doctype html><html><body></body></html>').window;
  return sharedWindow;
}

/**
 * The article of a page that does not mark it up itself, by Mozilla's Readability (Firefox's
 * reader view), which needs a DOM: jsdom, the slow path of HTML import (docs/notes/issue-3.md).
 * Returns the article's HTML, unsanitised, or null when the page does not read as an article.
 */
export function readableArticle(html: string): string | null {
  const doc = new (htmlWindow().DOMParser)().parseFromString(html, 'text/html');
  const { isProbablyReaderable, Readability } = readability();
  if (!isProbablyReaderable(doc)) return null;
  const article = new Readability(doc, { keepClasses: false }).parse();
  return article?.content && (article.textContent?.trim().length ?? 0) > 200 ? article.content : null;
}
