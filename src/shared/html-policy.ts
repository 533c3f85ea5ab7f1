/**
 * What imported HTML may keep (issue 3, DESIGN.md Security): an allow-list of structural and
 * inline tags; no scripts, handlers, forms, frames, SVG, MathML or styles; no attribute that
 * fetches; images only as data URLs; links only http(s), mailto or in-page. One policy for the
 * importer's sanitiser (main, hast-util-sanitize) and the "original" view's second pass (renderer,
 * DOMPurify in Chromium).
 */
export const ALLOWED_TAGS = [
  'a', 'abbr', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

/** Attributes kept on any allowed tag; `href` only on links and `src` only on images (checked below). */
export const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'dir', 'lang', 'colspan', 'rowspan', 'datetime'];

/** Elements removed with everything inside them: their content is code or controls, not prose. */
export const FORBID_CONTENTS = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'head', 'title', 'meta', 'link', 'base', 'select', 'option', 'textarea', 'video', 'audio',
  'source', 'track', 'canvas', 'xmp', 'plaintext',
];

const SAFE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;
const SAFE_LINK = /^(?:https?:\/\/|mailto:|#)/i;

/** Whether an <img> source may stay: an embedded image, nothing fetched. */
export function isSafeImageSource(value: string): boolean {
  return SAFE_IMAGE.test(value.trim());
}

/** Whether a link target may stay; browsers ignore controls and spaces inside a scheme, so they are removed before the check. */
export function isSafeLink(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- controls are exactly what must not hide a scheme
  return SAFE_LINK.test(value.trim().replace(/[\u0000-\u0020]/g, ''));
}
