import { describe, expect, it } from 'vitest';
import { compareCells, rowsMatching } from '../../../src/renderer/analysis/attribute-table-logic.ts';
import { heat } from '../../../src/renderer/analysis/heat.ts';
import { attributeChips, toggleAttribute } from '../../../src/renderer/search/attribute-filters.ts';
import { cleanFilters } from '../../../src/renderer/search/filters.ts';
import type { Attribute, AttributeRow } from '../../../src/shared/qda.ts';

const age: Attribute = { id: 'age', name: 'Age', type: 'number', choices: [], position: 0 };
const camp: Attribute = { id: 'camp', name: 'Camp', type: 'choice', choices: ['Kashgar', 'Hotan'], position: 1 };
const rows: AttributeRow[] = [
  { documentId: 'a', title: 'Testimony of a teacher', source: null, publishedAt: null, values: { age: '100', camp: 'Hotan' } },
  { documentId: 'b', title: 'Letter', source: null, publishedAt: null, values: { age: '29' } },
  { documentId: 'c', title: 'Report', source: null, publishedAt: null, values: { camp: 'Kashgar' } },
];

describe('attribute table and attribute filters in the renderer (issue 21)', () => {
  it('sorts numbers as numbers with empty cells last, and filters on title and values', () => {
    const byAge = [...rows].sort((x, y) => compareCells(x, y, 'age', 'number')).map((r) => r.documentId);
    expect(byAge).toEqual(['b', 'a', 'c']);
    expect(rowsMatching(rows, [age, camp], 'hotan teacher').map((r) => r.documentId)).toEqual(['a']);
    expect(rowsMatching(rows, [age, camp], '  ')).toHaveLength(3);
  });

  it('toggles attribute values as alternatives, keeps them through cleanFilters and shows them as chips', () => {
    const one = toggleAttribute({}, 'camp', 'Hotan');
    const two = toggleAttribute(one, 'camp', 'Kashgar');
    expect(cleanFilters(two)).toEqual({ attributes: [{ attributeId: 'camp', values: ['Hotan', 'Kashgar'] }] });
    const chips = attributeChips(two, [{ attributeId: 'camp', name: 'Camp', values: [] }]);
    expect(chips.map((c) => c.label)).toEqual(['Camp: Hotan', 'Camp: Kashgar']);
    expect(chips[0]!.remove(two)).toEqual({ attributes: [{ attributeId: 'camp', values: ['Kashgar'] }] });
    expect(toggleAttribute(one, 'camp', 'Hotan')).toEqual({});
  });

  it('colours a count by its share of the largest, and leaves zero uncoloured', () => {
    expect(heat(0, 5)).toBeUndefined();
    expect(heat(5, 5)).toEqual({ backgroundColor: 'rgba(178, 34, 34, 0.90)', color: '#fff' });
    expect(heat(1, 5)).toEqual({ backgroundColor: 'rgba(178, 34, 34, 0.28)' });
  });
});
