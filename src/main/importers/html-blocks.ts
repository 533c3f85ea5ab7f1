import type { BlockDraft } from './blocks.ts';

const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
/** Elements whose own text is one block. */
const LEAF_BLOCKS = new Set(['P', 'PRE', 'FIGCAPTION', 'DT', 'DD', 'CAPTION', 'SUMMARY', 'TR']);
/** Elements that only group other blocks. */
const CONTAINERS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'MAIN', 'FIGURE', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT',
  'UL', 'OL', 'DETAILS', 'HR', 'BODY', 'HTML',
]);
const ELEMENT = 1;
const TEXT = 3;

/**
 * The blocks of sanitised HTML: headings, paragraphs, quotes and list items, in reading order.
 * Loose inline text between blocks becomes a paragraph; <br> is kept as a line break; table rows
 * read as one line each. The canonical text is what a reader sees, so offsets match the page.
 */
export function htmlBlocks(root: Node): BlockDraft[] {
  const drafts: BlockDraft[] = [];
  let inline = '';
  const flush = (kind: BlockDraft['kind'] = 'paragraph') => {
    if (inline.trim()) drafts.push({ kind, text: inline });
    inline = '';
  };
  const walk = (node: Node, quoted: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT) {
        inline += (child.nodeValue ?? '').replace(/\s+/g, ' ');
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      const kind = quoted ? 'quote' : 'paragraph';
      if (tag in HEADINGS) {
        flush(kind);
        drafts.push({ kind: 'heading', level: HEADINGS[tag]!, text: inlineText(el) });
      } else if (tag === 'BLOCKQUOTE') {
        flush(kind);
        walk(el, true);
        flush('quote');
      } else if (tag === 'LI') {
        flush(kind);
        drafts.push({ kind: 'list-item', text: inlineText(el, true) });
        for (const nested of Array.from(el.children).filter((c) => c.tagName === 'UL' || c.tagName === 'OL')) walk(nested, quoted);
      } else if (LEAF_BLOCKS.has(tag)) {
        flush(kind);
        const text =
          tag === 'TR' ? Array.from(el.children).map((c) => inlineText(c)).join(' ') : tag === 'PRE' ? (el.textContent ?? '') : inlineText(el);
        drafts.push({ kind, text });
      } else if (CONTAINERS.has(tag)) {
        flush(kind);
        walk(el, quoted);
        flush(kind);
      } else if (tag === 'BR') {
        inline += '\n';
      } else {
        walk(el, quoted);
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
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT) out += (child.nodeValue ?? '').replace(/\s+/g, ' ');
      else if (child.nodeType === ELEMENT) {
        const tag = (child as Element).tagName.toUpperCase();
        if (tag === 'BR') out += '\n';
        else if (skipLists && (tag === 'UL' || tag === 'OL')) continue;
        else {
          if (tag === 'P' || tag === 'DIV' || tag in HEADINGS) out += ' ';
          walk(child);
        }
      }
    }
  };
  walk(el);
  return out;
}
