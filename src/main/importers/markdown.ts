import { assembleBlocks, type BlockDraft } from './blocks.ts';
import { decodeText, encodingFlags } from './decode.ts';
import type { FileInput, ParsedDocument } from './types.ts';

/** Inline Markdown that carries no words: emphasis markers, link targets, images, code fences. */
function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(\S.*?\S|\S)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1');
}

/**
 * Markdown to blocks: headings, quotes, list items and paragraphs. The canonical text is the
 * words a reader sees, without markup, so quotes in reports read as prose.
 */
export function markdownBlocks(source: string): BlockDraft[] {
  const drafts: BlockDraft[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length) drafts.push({ kind: 'paragraph', text: paragraph.join('\n') });
    if (quote.length) drafts.push({ kind: 'quote', text: quote.join('\n') });
    paragraph = [];
    quote = [];
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    const quoted = /^\s*>\s?(.*)$/.exec(line);
    if (heading) {
      flush();
      drafts.push({ kind: 'heading', level: heading[1]!.length, text: stripInline(heading[2]!) });
    } else if (item) {
      flush();
      drafts.push({ kind: 'list-item', text: stripInline(item[1]!) });
    } else if (quoted) {
      if (paragraph.length) flush();
      quote.push(stripInline(quoted[1]!));
    } else if (!line.trim() || /^\s*(```|~~~|---+|\*\*\*+)\s*$/.test(line)) {
      flush();
    } else {
      if (quote.length) flush();
      paragraph.push(stripInline(line));
    }
  }
  flush();
  return drafts;
}

export function parseMarkdown(input: FileInput): ParsedDocument {
  const decoded = decodeText(input.bytes, input.name);
  const drafts = markdownBlocks(decoded.text);
  const { text, blocks } = assembleBlocks(drafts);
  const firstHeading = drafts.find((d) => d.kind === 'heading');
  return {
    format: 'md',
    text,
    blocks,
    title: firstHeading ? firstHeading.text.trim() : null,
    source: null,
    author: null,
    url: null,
    publishedAt: null,
    language: null,
    pageStarts: null,
    meta: { encoding: decoded.encoding },
    originalHtml: null,
    reviewFlags: encodingFlags(decoded),
  };
}
