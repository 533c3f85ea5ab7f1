import type { ReportBody, ReportSection } from '../../shared/reports.ts';

/** `list` with the element at `from` moved to `to` (both clamped); the same array when nothing moves. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from === target || from < 0 || from >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** Moves an item to another place, in its section or another one (drag and drop across sections). */
export function moveItem(body: ReportBody, from: { section: number; item: number }, to: { section: number; item: number }): ReportBody {
  const sections: ReportSection[] = body.sections.map((s) => ({ ...s, items: [...s.items] }));
  const source = sections[from.section];
  const target = sections[to.section];
  if (!source || !target) return body;
  const [item] = source.items.splice(from.item, 1);
  if (!item) return body;
  target.items.splice(Math.max(0, Math.min(target.items.length, to.item)), 0, item);
  return { sections };
}

/** Alt+ArrowUp / Alt+ArrowDown: the step to move by, or 0 when the key is not a move key. */
export function moveStep(event: { altKey: boolean; key: string }): -1 | 0 | 1 {
  if (!event.altKey) return 0;
  if (event.key === 'ArrowUp') return -1;
  if (event.key === 'ArrowDown') return 1;
  return 0;
}
