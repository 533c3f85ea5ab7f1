import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { toHtml } from 'hast-util-to-html';
import { assembleBlocks } from './blocks.ts';
import { MAX_HTML_DEPTH } from './cap-depth.ts';
import { decodeText, encodingFlags } from './decode.ts';
import { htmlBlocks } from './html-blocks.ts';
import { htmlMetadata } from './html-metadata.ts';
import { findDateline } from './metadata.ts';
import { attribute, bodyOf, parsePage, sanitizeHtml, sanitizeNodes } from './sanitize.ts';
import type { FileInput, ParsedDocument } from './types.ts';

/** The charset a page declares in its first bytes: <meta charset>, http-equiv, or an XML declaration. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return m ? m[1]! : null;
}

/**
 * A saved web page (issue 3): bytes decoded first (BOM, UTF-8, the declared charset unless the
 * bytes contradict it, detection), parsed once by parse5 (the browsers' parsing algorithm; nothing
 * runs or loads), metadata read from that tree, the article body cut out of it, then sanitised
 * strictly (sanitize.ts). The sanitised HTML is kept for the "original" view; text and blocks come
 * from its tree. Only a page without its own single <article>/<main> pays for jsdom + Readability.
 */
export async function parseHtml(input: FileInput, decodedText?: string): Promise<ParsedDocument> {
  const decoded = decodedText === undefined ? decodeText(input.bytes, input.name, declaredCharset(input.bytes)) : null;
  const source = decodedText ?? decoded!.text;
  const { tree, depthCapped } = parsePage(source);
  const meta = htmlMetadata(tree);
  // Readability parses its own DOM: a page flattened for nesting too deep is given the flattened one.
  const { article, extractedBy } = await articleBody(tree, () => (depthCapped ? toHtml(tree) : source));
  const sanitized = typeof article === 'string' ? sanitizeHtml(article) : sanitizeNodes(article);
  const { text, blocks } = assembleBlocks(htmlBlocks(sanitized.tree));
  const dateline = findDateline(text);
  const reviewFlags = decoded ? encodingFlags(decoded) : [];
  if (depthCapped) reviewFlags.push(`${input.name} nests its markup more than ${MAX_HTML_DEPTH} levels deep; the text below that depth was kept without its structure.`);
  const extra: Record<string, unknown> = {};
  if (meta.description) extra.description = meta.description;
  if (meta.keywords) extra.keywords = meta.keywords;
  if (meta.language) extra.declaredLanguage = meta.language;
  if (dateline) extra.dateline = dateline;
  return {
    format: 'html',
    text,
    blocks,
    title: meta.title,
    source: meta.source,
    author: meta.author,
    url: meta.url,
    publishedAt: meta.publishedAt ?? dateline?.date ?? null,
    language: null,
    pageStarts: null,
    meta: { ...(decoded ? { encoding: decoded.encoding } : {}), articleExtractedBy: extractedBy, ...extra },
    originalHtml: sanitized.html,
    reviewFlags,
  };
}

/** Page furniture that is never part of an article, dropped from a page's own <article>. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary']);

/** nav, aside, header:not(:first-child), footer, form, [role="navigation"], [role="complementary"], [aria-hidden="true"]. */
function isFurniture(el: Element, firstChild: boolean): boolean {
  if (FURNITURE_TAGS.has(el.tagName) || (el.tagName === 'header' && !firstChild)) return true;
  const role = attribute(el, 'role');
  return (role !== null && FURNITURE_ROLES.has(role)) || attribute(el, 'aria-hidden') === 'true';
}

/** Removes furniture below an element, in place (the tree is this parse's own). */
function removeFurniture(el: Element): void {
  let first: Element | undefined;
  el.children = el.children.filter((child) => {
    if (child.type !== 'element') return true;
    const isFirst = first === undefined;
    first ??= child;
    return !isFurniture(child, isFirst);
  });
  for (const child of el.children) if (child.type === 'element') removeFurniture(child);
}

/** Every element below a node that satisfies a test, in document order. */
function findAll(node: Root | Element, test: (el: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    findAll(child, test, found);
  }
  return found;
}

const ARTICLE_SELECTORS: ((el: Element) => boolean)[] = [
  (el) => el.tagName === 'article',
  (el) => el.tagName === 'main' || attribute(el, 'role') === 'main',
  // schema.org microdata, which many news sites use instead of <article>.
  (el) => attribute(el, 'itemprop') === 'articleBody',
];

/**
 * The article body: the page's own single <article> (or <main>, or itemprop=articleBody) when it holds most of the page's
 * text, since the publisher marked it so; otherwise Readability when the page reads as an article;
 * otherwise the whole body. The first needs only the parse5 tree and is what makes HTML import fast
 * (bench:import); Readability needs a DOM, so only those pages pay for jsdom (readability.ts).
 */
async function articleBody(
  tree: Root,
  readabilitySource: () => string,
): Promise<{ article: ElementContent[] | string; extractedBy: 'article-element' | 'readability' | 'body' }> {
  const body = bodyOf(tree);
  if (!body) return { article: [], extractedBy: 'body' };
  const bodyLength = toString(body).trim().length;
  for (const selector of ARTICLE_SELECTORS) {
    const found = findAll(body, selector);
    if (found.length !== 1) continue;
    const element = found[0]!;
    removeFurniture(element);
    const length = toString(element).trim().length;
    if (length > 200 && length >= bodyLength * 0.6) return { article: element.children, extractedBy: 'article-element' };
  }
  // Loaded on first need: a batch of pages that mark their article never loads jsdom (~1 s per worker).
  const article = (await import('./readability.ts')).readabilityArticle(readabilitySource());
  if (article !== null) return { article, extractedBy: 'readability' };
  return { article: body.children, extractedBy: 'body' };
}
