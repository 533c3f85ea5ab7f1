import createDOMPurify from 'dompurify';
import { ALLOWED_ATTR, ALLOWED_TAGS, FORBID_CONTENTS, isSafeImageSource, isSafeLink } from '../../shared/html-policy.ts';

/**
 * The second pass over a document's stored original HTML, in Chromium, before the original view
 * shows it: DOMPurify in the DOM it was written for, with the importer's policy (the first pass,
 * hast-util-sanitize in the parse worker). Anything stored by an older version, or slipped into
 * the store by other means, is held to the same rules where it would run.
 */
const purifier = createDOMPurify(window);
purifier.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName === 'src') data.keepAttr = node.nodeName === 'IMG' && isSafeImageSource(data.attrValue);
  else if (data.attrName === 'href') data.keepAttr = node.nodeName === 'A' && isSafeLink(data.attrValue);
});
purifier.addHook('afterSanitizeAttributes', (node) => {
  // An image that lost its source would show a broken icon.
  if (node.nodeName === 'IMG' && !node.getAttribute('src')) node.remove();
});

export function sanitizeOriginal(html: string): string {
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    FORBID_CONTENTS,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ALLOW_SELF_CLOSE_IN_ATTR: false,
    WHOLE_DOCUMENT: false,
    KEEP_CONTENT: true,
  });
}
