import createDOMPurify, { type Config, type WindowLike } from 'dompurify';
import { ALLOWED_TAGS, FORBID_CONTENTS, GLOBAL_ATTRIBUTES, SAFE_ATTRIBUTE_VALUE, SAFE_IMAGE_SRC, SAFE_LINK_HREF } from '../../shared/html-policy.ts';

/**
 * Defence in depth for the "original" view (issue 3): the stored HTML was sanitised at import
 * (src/main/importers/sanitize.ts, parse5 + hast-util-sanitize); here DOMPurify cleans it again
 * with the same policy, in the browser engine that will show it, before it goes into the sandboxed
 * frame. A flaw in one sanitiser, or HTML that reached the store another way, is caught by the other.
 */
const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...GLOBAL_ATTRIBUTES, 'href', 'src'],
  FORBID_CONTENTS: [...FORBID_CONTENTS],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

/** A sanitiser bound to a window (the page's own in the app, a jsdom window in tests). */
export function createOriginalPurifier(window: WindowLike): (html: string) => string {
  const purifier = createDOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'src') data.keepAttr = node.nodeName === 'IMG' && SAFE_IMAGE_SRC.test(data.attrValue);
    else if (data.attrName === 'href') data.keepAttr = node.nodeName === 'A' && SAFE_LINK_HREF.test(data.attrValue);
    else if (!SAFE_ATTRIBUTE_VALUE.test(data.attrValue)) data.keepAttr = false;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    // An image that lost its source would show a broken icon: only data-URL images stay.
    if (node.nodeName === 'IMG' && !node.getAttribute('src')) node.remove();
  });
  return (html) => purifier.sanitize(html, CONFIG);
}

let pagePurifier: ((html: string) => string) | undefined;

/** Sanitises stored original HTML with the page's window, made on first use. */
export function purifyOriginal(html: string): string {
  pagePurifier ??= createOriginalPurifier(window);
  return pagePurifier(html);
}
