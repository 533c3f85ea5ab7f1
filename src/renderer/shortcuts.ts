import { useEffect, useRef } from 'react';

/** The keyboard shortcuts, listed in the help sheet ("?") exactly as they are handled below; their
 * keys and actions are in strings/en.ts as `shortcuts.<id>.keys` and `shortcuts.<id>.action`. */
export const SHORTCUTS = [
  'help',
  'search',
  'back',
  'find',
  'matches',
  'activePane',
  'swap',
  'link',
  'close',
  'undo',
  'redo',
  'palette',
  'settings',
  'tag',
  'paragraph',
  'caret',
  'extend',
  'choose',
  'add',
  'escape',
] as const;

export interface ShortcutActions {
  help(): void;
  search(): void;
  find(): void;
  pane(index: 0 | 1): void;
  swap(): void;
  link(): void;
  close(): void;
  undo(): void;
  redo(): void;
  /** Alt+←: back to the search results after opening a hit. */
  back(): void;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useShortcuts(actions: ShortcutActions): void {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current;
      const ctrl = e.ctrlKey || e.metaKey;
      let handled = true;
      if (ctrl && e.key.toLowerCase() === 'f') a.find();
      // Outside text fields, where Ctrl+Z stays the field's own undo (issue 14: redo too).
      else if (ctrl && e.key.toLowerCase() === 'z' && !e.shiftKey && !typing(e.target)) a.undo();
      else if (ctrl && ((e.key.toLowerCase() === 'z' && e.shiftKey) || (e.key.toLowerCase() === 'y' && !e.shiftKey)) && !typing(e.target)) a.redo();
      else if (e.altKey && e.code === 'Digit1') a.pane(0);
      else if (e.altKey && e.code === 'Digit2') a.pane(1);
      else if (e.altKey && e.code === 'KeyS') a.swap();
      else if (e.altKey && e.code === 'KeyL') a.link();
      else if (e.altKey && e.code === 'KeyW') a.close();
      else if (e.altKey && !ctrl && e.key === 'ArrowLeft' && !typing(e.target)) a.back();
      else if (typing(e.target) || ctrl || e.altKey) handled = false;
      else if (e.key === '?') a.help();
      else if (e.key === '/') a.search();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
