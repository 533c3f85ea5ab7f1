import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { assembleBlocks } from './blocks.ts';
import { decodeText, encodingFlags } from './decode.ts';
import { htmlBlocks } from './html-blocks.ts';
import { findDateline, htmlMetadata } from './metadata.ts';
import { sanitizeHtml } from './sanitize.ts';
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
  const dom = new JSDOM(source, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  const doc = dom.window.document;
  const meta = htmlMetadata(doc);
  let articleHtml = doc.body?.innerHTML ?? '';
  let usedReadability = false;
  if (isProbablyReaderable(doc)) {
    const article = new Readability(doc, { keepClasses: false }).parse();
    if (article?.content && (article.textContent?.trim().length ?? 0) > 200) {
      articleHtml = article.content;
      usedReadability = true;
    }
  }
  dom.window.close();
  const sanitized = sanitizeHtml(articleHtml);
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
    meta: { ...(decoded ? { encoding: decoded.encoding } : {}), articleExtracted: usedReadability, ...extra },
    originalHtml: sanitized.html,
    reviewFlags,
  };
}
