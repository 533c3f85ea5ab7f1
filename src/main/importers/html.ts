import type { Element, Root } from 'hast';
import { assembleBlocks } from './blocks.ts';
import { decodeText, encodingFlags } from './decode.ts';
import { htmlBlocks } from './html-blocks.ts';
import { findDateline, htmlMetadata } from './metadata.ts';
import { attr, byTag, findAll, textOf } from './hast-query.ts';
import { readableArticle } from './readability.ts';
import { parsePage, sanitizeHtml, sanitizeTree } from './sanitize.ts';
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
 * bytes contradict it, detection), parsed by parse5 into a hast tree (nothing runs, nothing is
 * fetched: it is data), metadata read, the article body taken (the page's own <article> or
 * <main>, else Readability), then sanitised strictly. The sanitised HTML is kept for the
 * "original" view; text and blocks come from it.
 */
export function parseHtml(input: FileInput, decodedText?: string): ParsedDocument {
  const decoded = decodedText === undefined ? decodeText(input.bytes, input.name, declaredCharset(input.bytes)) : null;
  const source = decodedText ?? decoded!.text;
  const page = parsePage(source);
  const meta = htmlMetadata(page);
  const { article, extractedBy } = articleBody(page, source);
  const sanitized = typeof article === 'string' ? sanitizeHtml(article) : sanitizeTree(article);
  const { text, blocks } = assembleBlocks(htmlBlocks(sanitized.fragment));
  const dateline = findDateline(text);
  const reviewFlags = decoded ? encodingFlags(decoded) : [];
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

const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary']);

/** Page furniture that is never part of an article: navigation, asides, footers, forms, hidden parts, a header that does not open its section. */
function isFurniture(element: Element, firstElementChild: boolean): boolean {
  if (FURNITURE_TAGS.has(element.tagName)) return true;
  if (element.tagName === 'header' && !firstElementChild) return true;
  const role = attr(element, 'role');
  return (role !== undefined && FURNITURE_ROLES.has(role.trim().toLowerCase())) || attr(element, 'ariaHidden') === 'true';
}

function removeFurniture(element: Element): void {
  let first = true;
  element.children = element.children.filter((child) => {
    if (child.type !== 'element') return true;
    const keep = !isFurniture(child, first);
    first = false;
    if (keep) removeFurniture(child);
    return keep;
  });
}

/**
 * The article body: the page's own single <article> (or <main>) when it holds most of the page's
 * text, since the publisher marked it so; otherwise Readability when the page reads as an article
 * (jsdom: the slow path); otherwise the whole body.
 */
function articleBody(page: Root, source: string): { article: Element | string; extractedBy: 'article-element' | 'readability' | 'body' } {
  const body = byTag(page, 'body')[0];
  if (!body) return { article: '', extractedBy: 'body' };
  const bodyLength = textOf(body).trim().length;
  const candidates: ((e: Element) => boolean)[] = [(e) => e.tagName === 'article', (e) => e.tagName === 'main' || attr(e, 'role') === 'main'];
  for (const test of candidates) {
    const found = findAll(body, test);
    if (found.length !== 1) continue;
    const element = found[0]!;
    removeFurniture(element);
    const length = textOf(element).trim().length;
    if (length > 200 && length >= bodyLength * 0.6) return { article: element, extractedBy: 'article-element' };
  }
  const readable = readableArticle(source);
  if (readable) return { article: readable, extractedBy: 'readability' };
  return { article: body, extractedBy: 'body' };
}
