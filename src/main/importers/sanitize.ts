import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

/**
 * The strict sanitiser for imported HTML (issue 3, DESIGN.md Security): what survives can be shown
 * in the "original" view without running, fetching or submitting anything. An allow-list of
 * structural and inline tags; no scripts, handlers, forms, frames, SVG, MathML or styles; no
 * attribute that fetches; images only as data URLs; links only http(s), mailto or in-page.
 */
const ALLOWED_TAGS = [
  'a', 'abbr', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'dir', 'lang', 'colspan', 'rowspan', 'datetime', 'cite'];
/** Elements removed with everything inside them: their content is code or controls, not prose. */
const FORBID_CONTENTS = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'head', 'title', 'meta', 'link', 'base', 'select', 'option', 'textarea', 'video', 'audio',
  'source', 'track', 'canvas', 'xmp', 'plaintext',
];
const SAFE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;
const SAFE_LINK = /^(?:https?:\/\/|mailto:|#)/i;

let purifier: DOMPurify | undefined;
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
  sharedWindow ??= new JSDOM('<!doctype html><html><body></body></html>').window;
  return sharedWindow;
}

/** Called before each new document: renews the window (and the purifier bound to it) when due. */
function countDocument(): void {
  if (++documentsMade < DOCUMENTS_PER_WINDOW) return;
  documentsMade = 0;
  sharedWindow?.close();
  sharedWindow = undefined;
  purifier = undefined;
}

/** Parses a whole page into an inert Document (no scripts run, no sub-resources loaded). */
export function parseHtmlDocument(html: string): Document {
  countDocument();
  return new (htmlWindow().DOMParser)().parseFromString(html, 'text/html');
}

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const window = htmlWindow();
  const instance = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    const value = data.attrValue.trim();
    if (data.attrName === 'src') data.keepAttr = node.nodeName === 'IMG' && SAFE_IMAGE.test(value);
    // eslint-disable-next-line no-control-regex -- browsers ignore controls and spaces inside a scheme
    else if (data.attrName === 'href') data.keepAttr = node.nodeName === 'A' && SAFE_LINK.test(value.replace(/[\u0000-\u0020]/g, ''));
    else if (data.attrName === 'cite') data.keepAttr = false;
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    // An image that lost its source would show a broken icon: keep only data-URL images.
    if (node.nodeName === 'IMG' && !node.getAttribute('src')) node.remove();
  });
  purifier = instance;
  return instance;
}

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_CONTENTS,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
  KEEP_CONTENT: true,
  USE_PROFILES: undefined,
};

/**
 * Sanitises, in place, the children of an element of a document from parseHtmlDocument (moved into
 * a fresh <div>, since the root itself must be an allowed tag), saving a second parse of the page.
 */
export function sanitizeChildren(element: Element): { html: string; fragment: Node } {
  const holder = element.ownerDocument.createElement('div');
  while (element.firstChild) holder.appendChild(element.firstChild);
  getPurifier().sanitize(holder, { ...CONFIG, IN_PLACE: true });
  return { html: holder.innerHTML, fragment: holder };
}

/** Sanitises an HTML fragment; returns its root (for deriving text and blocks) and its serialisation. */
export function sanitizeHtml(html: string): { html: string; fragment: Node } {
  countDocument();
  const root = getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM: true }) as HTMLElement;
  return { html: root.innerHTML, fragment: root };
}
