import { describe, expect, it } from 'vitest';
import type { Tag } from '../../src/shared/domain.ts';
import { subtree, tagTree } from '../../src/renderer/codebook/tree.ts';
import { blockIndexAt, findMatches, firstEndingAfter } from '../../src/renderer/reader/find.ts';
import { segmentRange } from '../../src/renderer/reader/segments.ts';

describe('reader logic', () => {
  it('finds every match case-insensitively in any script, as offsets into the text', () => {
    const text = 'Camp, camp and CAMP. 再教育营 and 再教育营. لاگېر';
    expect(findMatches(text, 'camp')).toEqual([
      { start: 0, end: 4 },
      { start: 6, end: 10 },
      { start: 15, end: 19 },
    ]);
    expect(findMatches(text, '再教育营').map((m) => m.start)).toEqual([21, 30]);
    expect(findMatches(text, 'لاگېر')).toHaveLength(1);
    expect(findMatches(text, 'a.d')).toEqual([]); // the query is text, not a pattern
    expect(findMatches(text, '  ')).toEqual([]);
  });

  it('locates the block of an offset and the first match of a block by binary search', () => {
    const blocks = [0, 10, 20, 30].map((start) => ({ kind: 'paragraph' as const, start, end: start + 8 }));
    expect([0, 9, 10, 25, 99].map((o) => blockIndexAt(blocks, o))).toEqual([0, 0, 1, 2, 3]);
    const ranges = [
      { start: 1, end: 3 },
      { start: 12, end: 14 },
      { start: 22, end: 24 },
    ];
    expect(firstEndingAfter(ranges, 10)).toBe(1);
    expect(firstEndingAfter(ranges, 30)).toBe(3);
  });

  it('cuts nested and crossing passages into pieces that each know every passage covering them', () => {
    const pieces = segmentRange(0, 40, [
      { id: 'outer', start: 5, end: 30 },
      { id: 'nested', start: 10, end: 15 },
      { id: 'crossing', start: 25, end: 35 },
    ]);
    expect(pieces.map((p) => [p.start, p.end, p.passageIds.join('+')])).toEqual([
      [0, 5, ''],
      [5, 10, 'outer'],
      [10, 15, 'outer+nested'],
      [15, 25, 'outer'],
      [25, 30, 'outer+crossing'],
      [30, 35, 'crossing'],
      [35, 40, ''],
    ]);
  });

  it('orders the codebook as a tree and knows a subtree', () => {
    const tag = (id: string, parentId: string | null): Tag => ({
      id,
      name: id,
      parentId,
      color: '#000000',
      description: '',
      passageCount: 0,
      ownPassageCount: 0,
    });
    const tags = [tag('a', null), tag('b', null), tag('a1', 'a'), tag('a1x', 'a1')];
    expect(tagTree(tags).map((r) => `${r.depth}${r.tag.id}`)).toEqual(['0a', '1a1', '2a1x', '0b']);
    expect([...subtree(tags, 'a')].sort()).toEqual(['a', 'a1', 'a1x']);
  });
});
