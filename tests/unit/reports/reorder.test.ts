import { describe, expect, it } from 'vitest';
import { move, moveItem, moveStep } from '../../../src/renderer/reports/reorder.ts';

const body = {
  sections: [
    { id: 'a', heading: 'A', commentary: '', items: [1, 2, 3].map((n) => ({ id: `a${n}`, passageId: `p${n}`, commentary: '' })) },
    { id: 'b', heading: 'B', commentary: '', items: [{ id: 'b1', passageId: 'q1', commentary: '' }] },
  ],
};

describe('report builder reordering', () => {
  it('moves within a list, clamped at both ends', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
  });

  it('moves an item across sections without touching the original', () => {
    const moved = moveItem(body, { section: 0, item: 1 }, { section: 1, item: 0 });
    expect(moved.sections.map((s) => s.items.map((i) => i.id))).toEqual([['a1', 'a3'], ['a2', 'b1']]);
    expect(body.sections[0]!.items).toHaveLength(3);
  });

  it('reads Alt+ArrowUp and Alt+ArrowDown as move keys, nothing else', () => {
    expect(moveStep({ altKey: true, key: 'ArrowUp' })).toBe(-1);
    expect(moveStep({ altKey: true, key: 'ArrowDown' })).toBe(1);
    expect(moveStep({ altKey: false, key: 'ArrowDown' })).toBe(0);
    expect(moveStep({ altKey: true, key: 'Enter' })).toBe(0);
  });
});
