import { useEffect, useRef } from 'react';

/** The keyboard shortcuts, listed in the help sheet ("?") exactly as they are handled below. */
export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: '?', action: 'Show this list of shortcuts' },
  { keys: '/', action: 'Search all documents' },
  { keys: 'Ctrl+F', action: 'Find in the active pane' },
  { keys: 'Enter / Shift+Enter', action: 'Next / previous match (in the find box)' },
  { keys: 'Alt+1 / Alt+2', action: 'Make the left / right pane active (documents open there)' },
  { keys: 'Alt+S', action: 'Swap the two panes' },
  { keys: 'Alt+L', action: 'Link or unlink the scrolling of the two panes' },
  { keys: 'Alt+W', action: 'Close the active pane' },
  { keys: 'Ctrl+Z', action: 'Undo the last deletion or merge (outside text fields)' },
  { keys: 'Ctrl+K', action: 'Command palette: every action, documents and investigations' },
  { keys: 'Ctrl+,', action: 'Settings' },
  { keys: 'Select text', action: 'Open the tag popover at the selection' },
  { keys: 'Alt+↓ / Alt+↑', action: 'In the reader text: select the next / previous paragraph and tag it' },
  { keys: 'Shift+arrows', action: 'In the reader text: extend a selection, then tag it' },
  { keys: '↑ / ↓, Enter', action: 'Choose a tag in the popover and apply it' },
  { keys: 'Shift+Enter', action: 'Add the highlighted tag and keep choosing (in the popover)' },
  { keys: 'Esc', action: 'Close a popover, dialog or the find box' },
];

export interface ShortcutActions {
  help(): void;
  search(): void;
  find(): void;
  pane(index: 0 | 1): void;
  swap(): void;
  link(): void;
  close(): void;
  undo(): void;
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
      else if (ctrl && e.key.toLowerCase() === 'z' && !e.shiftKey && !typing(e.target)) a.undo();
      else if (e.altKey && e.code === 'Digit1') a.pane(0);
      else if (e.altKey && e.code === 'Digit2') a.pane(1);
      else if (e.altKey && e.code === 'KeyS') a.swap();
      else if (e.altKey && e.code === 'KeyL') a.link();
      else if (e.altKey && e.code === 'KeyW') a.close();
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
