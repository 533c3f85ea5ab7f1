/** How undo and redo name an action in the toolbar and the status bar: "Undid the renaming of “A” to “B”." */
import type { Tag } from '../../shared/domain.ts';

/** A quote in curly quotes, cut at 40 characters. */
export function quoteLabel(exact: string): string {
  const oneLine = exact.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine}”`;
}

/** Names a tag edit by what changed: rename, move, colour, description. */
export function tagEditLabel(before: Tag | undefined, after: Tag): string | null {
  if (!before) return null;
  if (before.name !== after.name) return `renaming of “${before.name}” to “${after.name}”`;
  if (before.parentId !== after.parentId) return `move of tag “${after.name}”`;
  if (before.color !== after.color) return `colour change of tag “${after.name}”`;
  if (before.description !== after.description) return `description of tag “${after.name}”`;
  return null;
}
