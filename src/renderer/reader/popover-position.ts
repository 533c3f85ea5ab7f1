/** A box on screen, in CSS pixels. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 8;

/**
 * Where a popover opened at `anchor` goes so that it stays inside `bounds` (its own pane, issue 14
 * item 10: it never covers the other pane): as wide as it wants when the pane allows, narrower
 * when the pane is narrow, moved left and up rather than cut off.
 */
export function placePopover(
  anchor: { x: number; y: number },
  size: { width: number; height: number },
  bounds: Bounds,
): { left: number; top: number; width: number; maxHeight: number } {
  const width = Math.max(200, Math.min(size.width, bounds.right - bounds.left - 2 * GAP));
  const left = Math.max(bounds.left + GAP, Math.min(anchor.x, bounds.right - width - GAP));
  const maxHeight = Math.max(160, bounds.bottom - bounds.top - 2 * GAP);
  const height = Math.min(size.height, maxHeight);
  const top = Math.max(bounds.top + GAP, Math.min(anchor.y + GAP, bounds.bottom - height - GAP));
  return { left, top, width, maxHeight };
}
