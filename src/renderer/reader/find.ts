import type { Block } from '../../shared/domain.ts';

/** At most this many matches are counted and marked: enough for any real search inside one document. */
export const MAX_FIND_MATCHES = 10_000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Case-insensitive matches of `query` in `text`, as [start, end) offsets in the canonical text. */
export function findMatches(text: string, query: string): { start: number; end: number }[] {
  const q = query.trim();
  if (!q) return [];
  const matches: { start: number; end: number }[] = [];
  for (const m of text.matchAll(new RegExp(escape(q), 'giu'))) {
    matches.push({ start: m.index, end: m.index + m[0].length });
    if (matches.length >= MAX_FIND_MATCHES) break;
  }
  return matches;
}

/** Index of the block containing `offset` (blocks sorted by start), or the nearest one before it. */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The first index in sorted `ranges` whose end lies after `offset`. */
export function firstEndingAfter(ranges: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
