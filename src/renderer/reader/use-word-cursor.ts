import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Block } from '../../shared/domain.ts';
import { blockTextStart, moveCaret, selectedRange, type CaretUnit } from './caret.ts';
import { blockIndexAt } from './find.ts';
import { selectionOffsets } from './selection.ts';

/** The caret (`focus`) and where a keyboard selection began (`anchor`); equal when nothing is selected. */
export interface WordCursor {
  anchor: number;
  focus: number;
}

interface Options {
  text: string;
  blocks: Block[];
  bodyRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Enter on a keyboard selection: tag it; `at` is the caret's place on screen. */
  onTag(range: { start: number; end: number }, at: { x: number; y: number }): void;
}

/**
 * Keyboard selection in the reader (issue 14, item 10): Alt+↓/↑ a whole paragraph to tag; ←/→ move a word cursor a word at a time,
 * Shift+←/→ extend the selection by words, Shift+↑/↓ by sentences, Enter tags the selection,
 * Escape drops it. ↑/↓ alone still scroll. A caret scrolled out of view starts again at the top
 * of the view, and a mouse selection is picked up where it ends.
 */
/** Keys that scroll the text when the cursor does not take them. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

export function useWordCursor({ text, blocks, bodyRef, virtualizer, onTag }: Options) {
  const [cursor, setCursorState] = useState<WordCursor | null>(null);
  const paragraph = useRef<number | null>(null);
  /**
   * Whether the user scrolled (wheel, touch, scrolling keys) since the cursor was last placed. Only
   * then does a cursor outside the rendered blocks start again at the top of the view: a cursor just
   * placed at a hit stays put while the scroll to it is still settling (a key pressed at once, on a
   * slow machine, used to start from wherever the view happened to be).
   */
  const userScrolled = useRef(false);
  const setCursor = useCallback((next: WordCursor | null) => {
    userScrolled.current = false;
    setCursorState(next);
  }, []);
  const onUserScroll = useCallback(() => {
    userScrolled.current = true;
  }, []);

  /** Alt+↓ / Alt+↑: a whole paragraph to tag, starting with the one at the top of the view. */
  const selectParagraph = (step: 1 | -1) => {
    const body = bodyRef.current;
    if (!body) return;
    let index = paragraph.current;
    if (index === null) index = virtualizer.getVirtualItems().find((item) => item.end > body.scrollTop)?.index ?? 0;
    else index = Math.min(blocks.length - 1, Math.max(0, index + step));
    paragraph.current = index;
    const block = blocks[index]!;
    const range = selectedRange(text, block.start, block.end);
    if (!range) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    window.requestAnimationFrame(() => {
      const rect = (body.querySelector(`[data-start="${block.start}"]`) ?? body).getBoundingClientRect();
      onTag(range, { x: rect.left + 24, y: Math.min(rect.bottom, window.innerHeight - 320) });
    });
  };

  /** Whether the cursor's block is rendered: in view or just beside it (the list's overscan), e.g. while a scroll to it settles. */
  const inView = (offset: number) => {
    const index = blockIndexAt(blocks, offset);
    return virtualizer.getVirtualItems().some((i) => i.index === index);
  };

  const topOfView = () => {
    const top = bodyRef.current?.scrollTop ?? 0;
    const item = virtualizer.getVirtualItems().find((i) => i.end > top);
    const block = blocks[item?.index ?? 0];
    return block ? blockTextStart(text, block) : 0;
  };

  const reveal = (offset: number) => {
    const index = blockIndexAt(blocks, offset);
    if (!inView(offset)) virtualizer.scrollToIndex(index, { align: 'auto' });
    window.requestAnimationFrame(() => bodyRef.current?.querySelector('.reader-caret')?.scrollIntoView({ block: 'nearest' }));
  };

  const caretPoint = () => {
    const rect = bodyRef.current?.querySelector('.reader-caret')?.getBoundingClientRect();
    return rect ? { x: rect.left, y: rect.bottom } : { x: 0, y: 0 };
  };

  /** Handles a key in the reader text; true when it was the cursor's. */
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): boolean => {
    if (!e.shiftKey && !e.altKey && SCROLL_KEYS.has(e.key)) userScrolled.current = true;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      selectParagraph(e.key === 'ArrowDown' ? 1 : -1);
      return true;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return false;
    let unit: CaretUnit;
    let direction: 1 | -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      unit = 'word';
      direction = e.key === 'ArrowRight' ? 1 : -1;
      // In right-to-left text the arrows follow the reading direction on screen.
      const block = cursor ? blocks[blockIndexAt(blocks, cursor.focus)] : undefined;
      const element = block && bodyRef.current?.querySelector(`[data-start="${block.start}"]`);
      if (element && getComputedStyle(element).direction === 'rtl') direction = direction === 1 ? -1 : 1;
    } else if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      unit = 'sentence';
      direction = e.key === 'ArrowDown' ? 1 : -1;
    } else if (e.key === 'Enter' && cursor) {
      const range = selectedRange(text, cursor.anchor, cursor.focus);
      if (!range) return false;
      onTag(range, caretPoint());
      return true;
    } else if (e.key === 'Escape' && cursor && cursor.anchor !== cursor.focus) {
      setCursor({ anchor: cursor.focus, focus: cursor.focus });
      return true;
    } else return false;

    let base = cursor && (!userScrolled.current || inView(cursor.focus)) ? cursor : null;
    const body = bodyRef.current;
    const mouse = body ? selectionOffsets(body, window.getSelection()) : null;
    if (mouse) {
      base = { anchor: mouse.start, focus: mouse.end };
      window.getSelection()?.removeAllRanges();
    }
    if (!base) {
      const at = topOfView();
      base = { anchor: at, focus: at };
      // The first plain arrow only shows where the caret is.
      if (!e.shiftKey) {
        setCursor(base);
        reveal(at);
        return true;
      }
    }
    const next = moveCaret(text, blocks, base.focus, unit, direction);
    setCursor(e.shiftKey ? { anchor: base.anchor, focus: next } : { anchor: next, focus: next });
    reveal(next);
    return true;
  };

  return { cursor, setCursor, onKeyDown, onUserScroll };
}
