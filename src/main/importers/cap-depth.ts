import type { DefaultTreeAdapterMap } from 'parse5';
import { FORBID_CONTENTS } from '../../shared/html-policy.ts';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/**
 * How deep a parsed page may nest. Every tree walk of the import (hast conversion, sanitiser,
 * serialiser, blocks) is recursive, and a hostile page of a few thousand nested <div>s overflowed
 * the stack. Chromium's parser stops nesting at 512; half that, because Readability's time grows
 * with the square of the depth (1.4 s for a page 250 deep, 5.4 s at 500). Real pages stay under 60.
 */
export const MAX_HTML_DEPTH = 256;

/** Inline elements: unwrapping them must not separate the words they hold. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

const FORBIDDEN = new Set(FORBID_CONTENTS);

function childrenOf(node: ParentNode): ChildNode[] {
  // A <template>'s markup lives in its content fragment, which the hast conversion walks too.
  return 'content' in node ? [...node.childNodes, ...(node.content.childNodes as ChildNode[])] : node.childNodes;
}

/**
 * Flattens what lies deeper than `maxDepth` in a parse5 tree, in place and without recursion: an
 * element at the limit keeps, in document order, the text and empty elements below it, with a
 * space where a block element ended, so every word survives (searchable, quotable) and only the
 * structure below the limit is lost. Returns whether anything was flattened.
 */
export function capDepth(root: ParentNode, maxDepth = MAX_HTML_DEPTH): boolean {
  let flattened = false;
  const stack: { node: ParentNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth < maxDepth) {
      for (const child of childrenOf(node)) if ('childNodes' in child) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    if (!childrenOf(node).some((child) => 'childNodes' in child && childrenOf(child).length > 0)) continue;
    flattened = true;
    node.childNodes = flatDescendants(node);
    if ('content' in node) node.content.childNodes = [];
    for (const child of node.childNodes) child.parentNode = node;
  }
  return flattened;
}

/** The leaves below a node in document order, blocks ending in a space; iterative, like the caller. */
function flatDescendants(node: ParentNode): ChildNode[] {
  const leaves: ChildNode[] = [];
  // Work items: a node to expand, or a block's closing space.
  const work: (ChildNode | ' ')[] = [...childrenOf(node)].reverse();
  while (work.length > 0) {
    const item = work.pop()!;
    if (item === ' ') {
      const last = leaves.at(-1);
      if (last?.nodeName !== '#text' || !('value' in last) || !last.value.endsWith(' ')) leaves.push({ nodeName: '#text', value: ' ', parentNode: null });
      continue;
    }
    // Code and controls stay whole: the sanitiser removes them with their content, and unwrapping
    // them here would turn a <script>'s or <template>'s content into text.
    if (FORBIDDEN.has(item.nodeName)) continue;
    const children = 'childNodes' in item ? childrenOf(item) : [];
    if (children.length === 0) {
      leaves.push(item);
      continue;
    }
    if (!INLINE.has(item.nodeName)) work.push(' ');
    for (let i = children.length - 1; i >= 0; i--) work.push(children[i]!);
  }
  return leaves;
}
