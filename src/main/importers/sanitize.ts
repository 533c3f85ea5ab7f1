import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'parse5';
import { find, html as htmlSchema } from 'property-information';
import { capDepth } from './cap-depth.ts';
import { ALLOWED_TAGS, FORBID_CONTENTS, GLOBAL_ATTRIBUTES, SAFE_ATTRIBUTE_VALUE, SAFE_IMAGE_SRC, SAFE_LINK_HREF } from '../../shared/html-policy.ts';

/**
 * The importers' one sanitiser (issue 3): web pages, e-mail HTML bodies and Word documents
 * (mammoth's HTML) all end here. Pages are parsed by parse5, the WHATWG parsing algorithm that
 * browsers and jsdom implement, so the tree we clean is the tree a browser would build (no parser
 * differential); hast-util-sanitize rebuilds it from the allow-list of src/shared/html-policy.ts,
 * and hast-util-to-html serialises it. The reader sanitises the result once more with DOMPurify in
 * Chromium (src/renderer/reader/purify-original.ts). Why not jsdom + DOMPurify here:
 * docs/notes/issue-3.md.
 */

/** hast names properties, not attributes (colspan is colSpan): the policy's names, translated. */
const property = (attribute: string): string => find(htmlSchema, attribute).property;

const SCHEMA: Schema = {
  tagNames: [...ALLOWED_TAGS],
  attributes: {
    '*': GLOBAL_ATTRIBUTES.map((name) => [property(name), SAFE_ATTRIBUTE_VALUE]),
    a: [['href', SAFE_LINK_HREF]],
    img: [['src', SAFE_IMAGE_SRC]],
  },
  // The library checks the scheme too; the patterns above are the stricter test.
  protocols: { href: ['http', 'https', 'mailto'], src: ['data'] },
  strip: [...FORBID_CONTENTS],
  // The library's defaults (GitHub's) would add or rename things: nothing is required, renamed or
  // made to depend on its ancestors here, as with the DOMPurify configuration this replaced.
  ancestors: {},
  required: {},
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/**
 * Parses a whole page as a browser would, into a hast tree; nothing runs or loads. Scripting off,
 * as in the sandboxed original view: <noscript> holds markup (stripped with its content). No source
 * positions (hast-util-from-html records them): they cost a fifth of the parse and nothing reads them.
 */
export function parseHtmlTree(html: string): Root {
  return parsePage(html).tree;
}

/** parseHtmlTree, and whether the page nested deeper than MAX_HTML_DEPTH and was flattened (cap-depth.ts). */
export function parsePage(html: string): { tree: Root; depthCapped: boolean } {
  const document = parse(html, { scriptingEnabled: false });
  const depthCapped = capDepth(document);
  return { tree: fromParse5(document) as Root, depthCapped };
}

/** The value of an attribute of a hast element as the page wrote it (hast keeps typed properties), or null. */
export function attribute(element: Element, name: string): string | null {
  const info = find(htmlSchema, name);
  const value = element.properties[info.property];
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return info.booleanish ? String(value) : value ? '' : null;
  if (Array.isArray(value)) return value.join(info.commaSeparated ? ', ' : ' ');
  return String(value);
}

export interface Sanitized {
  /** The sanitised HTML, kept for the "original" view. */
  html: string;
  /** Its tree, for deriving text and blocks without parsing it again. */
  tree: Root;
}

/** Sanitises nodes of a parsed page (an article's children) into a fresh tree and its serialisation. */
export function sanitizeNodes(nodes: readonly (RootContent | ElementContent)[]): Sanitized {
  const root: Root = { type: 'root', children: nodes as RootContent[] };
  normaliseHrefs(root);
  const clean = sanitize(root, SCHEMA) as Root;
  dropEmptyImages(clean);
  return { html: serialise(clean), tree: clean };
}

/**
 * Sanitises an HTML string (an e-mail body, mammoth's output, Readability's article): parsed as a
 * document, as DOMPurify and a browser would, and only its body kept.
 */
export function sanitizeHtml(html: string): Sanitized {
  return sanitizeNodes(bodyOf(parseHtmlTree(html))?.children ?? []);
}

/** The <body> of a parsed document (parse5 always makes one). */
export function bodyOf(tree: Root): Element | undefined {
  const htmlElement = tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'html');
  return htmlElement?.children.find((n): n is Element => n.type === 'element' && n.tagName === 'body');
}

/**
 * hast-util-to-html, plus the one thing browsers' serialisers do that it does not: a <pre> whose
 * text starts with a line break gets one more, because parsing drops the first line break after
 * <pre>. Without it, every parse of the stored HTML would lose a blank line (the result would not
 * be stable under a second sanitising; tests/unit/importers/sanitize.test.ts checks both). The tree itself keeps the real text.
 */
function serialise(tree: Root): string {
  const restore: (() => void)[] = [];
  const visit = (parent: Root | Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const first = child.children[0];
      if (child.tagName === 'pre' && first?.type === 'text' && first.value.startsWith('\n')) {
        const value = first.value;
        first.value = `\n${value}`;
        restore.push(() => (first.value = value));
      }
      visit(child);
    }
  };
  visit(tree);
  const html = toHtml(tree);
  for (const undo of restore) undo();
  return html;
}

/**
 * Links written as browsers accept them: surrounding whitespace removed (the URL parser does the
 * same) and the scheme in lower case, so " https://…" or "HTTPS://…" keeps its target instead of
 * failing the policy's exact test. Only whitespace is trimmed: a value with control characters or
 * entities before its scheme still fails and loses its href. In place: the nodes are this parse's own.
 */
function normaliseHrefs(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const href = child.properties.href;
    if (child.tagName === 'a' && typeof href === 'string') {
      child.properties.href = href.replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, '').replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase());
    }
    normaliseHrefs(child);
  }
}

/** An image that lost its source (it was remote, SVG or a cid: part) would show a broken icon: removed. */
function dropEmptyImages(parent: Root | Element): void {
  parent.children = parent.children.filter((child) => child.type !== 'element' || child.tagName !== 'img' || typeof child.properties.src === 'string');
  for (const child of parent.children) if (child.type === 'element') dropEmptyImages(child);
}
