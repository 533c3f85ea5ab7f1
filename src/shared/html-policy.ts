/**
 * The one policy for imported HTML (issue 3, DESIGN.md Security): what may survive so that a page
 * can be shown in the "original" view without running, fetching or submitting anything. Plain
 * data, read by two sanitisers: the importer's (hast-util-sanitize over parse5's tree, in the
 * parse workers) and the reader's (DOMPurify in Chromium, again, before the sandboxed frame).
 *
 * An allow-list of structural and inline tags; no scripts, handlers, forms, frames, SVG, MathML or
 * styles; no attribute that fetches; images only as raster data URLs; links only http(s), mailto
 * or in-page. No class, id, style, data-* or aria-* attributes.
 */
export const ALLOWED_TAGS: readonly string[] = [
  'a', 'abbr', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

/** Attributes allowed on every allowed element (HTML attribute names). */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['alt', 'title', 'dir', 'lang', 'colspan', 'rowspan', 'datetime'];

/** Elements removed with everything inside them: their content is code or controls, not prose. */
export const FORBID_CONTENTS: readonly string[] = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'head', 'title', 'meta', 'link', 'base', 'select', 'option', 'textarea', 'video', 'audio',
  'source', 'track', 'canvas', 'xmp', 'plaintext',
];

/** The only `src` kept, and only on <img>: a raster image inlined as base64 (never SVG, never a fetch). */
export const SAFE_IMAGE_SRC = /^data:image\/(?:png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

/**
 * The only `href` kept, and only on <a>: http(s), mailto or a fragment. Tested on the attribute's
 * value as it stands: a value with spaces, controls or entities before its scheme fails, so a
 * browser's scheme clean-up ("java\tscript:") can never turn a kept value into something else.
 */
export const SAFE_LINK_HREF = /^(?:https?:\/\/|mailto:|#)[^<>]*$/i;

/**
 * Every kept attribute value: no angle brackets. Text escapes "<", so the stored HTML then holds no
 * "<" but its real tags, and nothing markup-like can come alive if the HTML is ever parsed in
 * another context (the mutation-XSS family, e.g. a title="</noscript><img onerror=…>").
 */
export const SAFE_ATTRIBUTE_VALUE = /^[^<>]*$/;
