import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { BlockDraft } from './blocks.ts';

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
/** Elements whose own text is one block. */
const LEAF_BLOCKS = new Set(['p', 'pre', 'figcaption', 'dt', 'dd', 'caption', 'summary', 'tr']);
/** Elements that only group other blocks. */
const CONTAINERS = new Set([
  'div', 'section', 'article', 'aside', 'header', 'footer', 'main', 'figure', 'dl', 'table', 'thead', 'tbody', 'tfoot',
  'ul', 'ol', 'details', 'hr', 'body', 'html',
]);

const isHeading = (tag: string): boolean => Object.hasOwn(HEADINGS, tag);
const elementChildren = (el: Element): Element[] => el.children.filter((c): c is Element => c.type === 'element');

/**
 * The blocks of sanitised HTML (a tree from sanitize.ts): headings, paragraphs, quotes and list
 * items, in reading order. Loose inline text between blocks becomes a paragraph; <br> is kept as
 * a line break; table rows read as one line each. The canonical text is what a reader sees, so
 * offsets match the page.
 */
export function htmlBlocks(root: Root | Element): BlockDraft[] {
  const drafts: BlockDraft[] = [];
  let inline = '';
  const flush = (kind: BlockDraft['kind'] = 'paragraph') => {
    if (inline.trim()) drafts.push({ kind, text: inline });
    inline = '';
  };
  const walk = (node: Root | Element, quoted: boolean): void => {
    for (const child of node.children) {
      if (child.type === 'text') {
        inline += child.value.replace(/\s+/g, ' ');
        continue;
      }
      if (child.type !== 'element') continue;
      const tag = child.tagName;
      const kind = quoted ? 'quote' : 'paragraph';
      if (isHeading(tag)) {
        flush(kind);
        drafts.push({ kind: 'heading', level: HEADINGS[tag]!, text: inlineText(child) });
      } else if (tag === 'blockquote') {
        flush(kind);
        walk(child, true);
        flush('quote');
      } else if (tag === 'li') {
        flush(kind);
        drafts.push({ kind: 'list-item', text: inlineText(child, true) });
        for (const nested of elementChildren(child).filter((c) => c.tagName === 'ul' || c.tagName === 'ol')) walk(nested, quoted);
      } else if (LEAF_BLOCKS.has(tag)) {
        flush(kind);
        const text = tag === 'tr' ? elementChildren(child).map((c) => inlineText(c)).join(' ') : tag === 'pre' ? toString(child) : inlineText(child);
        drafts.push({ kind, text });
      } else if (CONTAINERS.has(tag)) {
        flush(kind);
        walk(child, quoted);
        flush(kind);
      } else if (tag === 'br') {
        inline += '\n';
      } else {
        walk(child, quoted);
      }
    }
  };
  walk(root, false);
  flush();
  return drafts;
}

/** The visible text of an element: whitespace collapsed, <br> as a line break, nested lists left out if asked. */
function inlineText(el: Element, skipLists = false): string {
  let out = '';
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type === 'text') out += child.value.replace(/\s+/g, ' ');
      else if (child.type === 'element') {
        const tag = child.tagName;
        if (tag === 'br') out += '\n';
        else if (skipLists && (tag === 'ul' || tag === 'ol')) continue;
        else {
          if (tag === 'p' || tag === 'div' || isHeading(tag)) out += ' ';
          walk(child);
        }
      }
    }
  };
  walk(el);
  return out;
}
