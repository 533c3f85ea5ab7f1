/**
 * Maps the browser's selection inside a reader to offsets in the document's canonical text.
 * Each rendered block carries `data-start`, and its text content is exactly text.slice(start, end),
 * so an offset is the block's start plus the length of the text before the boundary.
 */
export function selectionOffsets(root: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = boundaryOffset(range.startContainer, range.startOffset);
  const end = boundaryOffset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function boundaryOffset(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest<HTMLElement>('[data-start]');
  if (!block) return null;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  return Number(block.dataset.start) + before.toString().length;
}

/** Where a click left the (collapsed) selection inside a reader, as an offset in the text; null elsewhere. */
export function caretOffset(root: HTMLElement, selection: Selection | null): number | null {
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer)) return null;
  return boundaryOffset(range.startContainer, range.startOffset);
}

/**
 * Where `offset` (counted from the start of the rendered block `block`) is on screen: a collapsed
 * range at that character, so the word cursor is drawn over the text without cutting it.
 */
export function caretRect(block: Element, offset: number): DOMRect | null {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (offset <= seen + length) {
      const range = document.createRange();
      range.setStart(node, offset - seen);
      range.collapse(true);
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return rect.height ? rect : null;
    }
    seen += length;
  }
  return null;
}
