import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { assembleBlocks } from './blocks.ts';
import { decodeText, encodingFlags } from './decode.ts';
import { htmlBlocks } from './html-blocks.ts';
import { findDateline, htmlMetadata } from './metadata.ts';
import { parseHtmlDocument, sanitizeChildren, sanitizeHtml } from './sanitize.ts';
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
 * bytes contradict it, detection), parsed by jsdom with scripts and sub-resources off (its defaults),
 * metadata read, the article body taken by Readability when the page reads as an article, then
 * sanitised strictly. The sanitised HTML is kept for the "original" view; text and blocks come from it.
 */
export function parseHtml(input: FileInput, decodedText?: string): ParsedDocument {
  const decoded = decodedText === undefined ? decodeText(input.bytes, input.name, declaredCharset(input.bytes)) : null;
  const source = decodedText ?? decoded!.text;
  const doc = parseHtmlDocument(source);
  const meta = htmlMetadata(doc);
  const { article, extractedBy } = articleBody(doc);
  const sanitized = typeof article === 'string' ? sanitizeHtml(article) : sanitizeChildren(article);
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

/** Page furniture that is never part of an article, dropped from a page's own <article>. */
const FURNITURE = 'nav, aside, header:not(:first-child), footer, form, [role="navigation"], [role="complementary"], [aria-hidden="true"]';

/**
 * The article body: the page's own single <article> (or <main>) when it holds most of the page's
 * text, since the publisher marked it so; otherwise Readability when the page reads as an article;
 * otherwise the whole body. The first is also several times faster than Readability (bench:import).
 */
function articleBody(doc: Document): { article: Element | string; extractedBy: 'article-element' | 'readability' | 'body' } {
  const body = doc.body;
  if (!body) return { article: '', extractedBy: 'body' };
  const bodyLength = body.textContent?.trim().length ?? 0;
  for (const selector of ['article', 'main, [role="main"]']) {
    const found = doc.querySelectorAll(selector);
    if (found.length !== 1) continue;
    const element = found[0]!;
    element.querySelectorAll(FURNITURE).forEach((e) => e.remove());
    const length = element.textContent?.trim().length ?? 0;
    if (length > 200 && length >= bodyLength * 0.6) return { article: element, extractedBy: 'article-element' };
  }
  if (isProbablyReaderable(doc)) {
    // Readability changes the document it reads: it gets a copy, so the body stays whole for the fallback.
    const article = new Readability(doc.cloneNode(true) as Document, { keepClasses: false }).parse();
    if (article?.content && (article.textContent?.trim().length ?? 0) > 200) return { article: article.content, extractedBy: 'readability' };
  }
  return { article: body, extractedBy: 'body' };
}
