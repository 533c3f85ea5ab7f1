import type { Element, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { parse, parseFragment } from 'parse5';
import { ALLOWED_TAGS, FORBID_CONTENTS, isSafeImageSource, isSafeLink } from '../../shared/html-policy.ts';

/**
 * The strict sanitiser for imported HTML (issue 3, DESIGN.md Security): what survives can be shown
 * in the "original" view without running, fetching or submitting anything (src/shared/html-policy.ts).
 *
 * Pages are parsed by parse5, the HTML standard's parsing algorithm (the one browsers and jsdom
 * run), into a hast tree, and sanitised there by hast-util-sanitize with an allow-list schema.
 * This replaced DOMPurify-on-jsdom at import: jsdom's DOM cost 3.5–17 ms per page to build, five
 * times parse5's, and capped HTML import far below 300 pages a second (docs/notes/issue-3.md).
 * DOMPurify still runs on the stored HTML in the renderer, in Chromium, before the original view
 * shows it (src/renderer/reader/OriginalView.tsx).
 */
const SCHEMA: Schema = {
  tagNames: ALLOWED_TAGS,
  strip: FORBID_CONTENTS,
  // hast property names (camelCase); href and src are checked again below, exactly.
  attributes: { '*': ['alt', 'title', 'dir', 'lang', 'colSpan', 'rowSpan', 'dateTime'], a: ['href'], img: ['src'] },
  protocols: { href: ['http', 'https', 'mailto'], src: ['data'] },
  allowComments: false,
  allowDoctypes: false,
  clobber: [],
  required: {},
  ancestors: {},
};

/**
 * Parses a whole page into a hast tree (nothing runs or is fetched: it is data). No source
 * positions: recording them doubled the parse. Scripting off, as in the sandboxed original view:
 * <noscript> content is markup (and stripped).
 */
export function parsePage(html: string): Root {
  return fromParse5(parse(html, { scriptingEnabled: false })) as Root;
}

/** Sanitises a parsed tree, or part of one; returns the clean tree (for text and blocks) and its HTML. */
export function sanitizeTree(tree: Root | Element): { html: string; fragment: Root } {
  const root: Root = tree.type === 'root' ? tree : { type: 'root', children: tree.children };
  const clean = sanitize(root, SCHEMA) as Root;
  checkUrls(clean);
  return { html: toHtml(clean), fragment: clean };
}

/** Sanitises an HTML fragment (an e-mail body, mammoth's output, Readability's article). */
export function sanitizeHtml(html: string): { html: string; fragment: Root } {
  return sanitizeTree(fromParse5(parseFragment(html, { scriptingEnabled: false })) as Root);
}

/**
 * Links only to http(s), mailto or in-page targets (a relative link would resolve against
 * nothing the user chose); images only as data URLs, and an image that loses its source goes
 * (it would show a broken icon).
 */
function checkUrls(parent: Root | Element): void {
  parent.children = parent.children.filter((child: RootContent) => {
    if (child.type !== 'element') return true;
    const { properties } = child;
    if (child.tagName === 'img' && !(typeof properties.src === 'string' && isSafeImageSource(properties.src))) return false;
    if (child.tagName === 'a' && properties.href !== undefined && !(typeof properties.href === 'string' && isSafeLink(properties.href))) {
      delete properties.href;
    }
    checkUrls(child);
    return true;
  });
}
