import { describe, expect, it } from 'vitest';
import type { Tag } from '../../src/shared/domain.ts';
import { filterChips, isActive, setDate, toggleFacet } from '../../src/renderer/search/filters.ts';

const tags: Tag[] = [{ id: 't1', name: 'Starvation', parentId: null, color: '#ff0000', description: '', passageCount: 1, ownPassageCount: 1 }];

describe('search filters in the UI', () => {
  it('toggles facet values as alternatives and removes empty lists', () => {
    let f = toggleFacet({}, 'language', 'kk');
    f = toggleFacet(f, 'language', 'ru');
    expect(f).toEqual({ languages: ['kk', 'ru'] });
    expect(isActive(f, 'language', 'kk')).toBe(true);
    f = toggleFacet(toggleFacet(f, 'language', 'kk'), 'language', 'ru');
    expect(f).toEqual({});
  });

  it('names languages by their code', () => {
    expect(filterChips({ languages: ['kk', 'ug', 'x-unknown'] }, tags).map((c) => c.label)).toEqual([
      'Language: Kazakh (kk)',
      'Language: Uyghur (ug)',
      'Language: x-unknown',
    ]);
  });

  it('turns a year into a full-date range, shown as one chip, and toggles it off', () => {
    const f = toggleFacet({ dateFrom: '2015-01-01' }, 'year', '2019');
    expect(f).toEqual({ dateFrom: '2019-01-01', dateTo: '2019-12-31' });
    expect(filterChips(f, tags).map((c) => c.label)).toEqual(['Year: 2019']);
    expect(toggleFacet(f, 'year', '2019')).toEqual({});
  });

  it('lists active filters as chips that each remove only their own value', () => {
    const f = setDate(setDate({ tagIds: ['t1', 'gone'], sources: ['Азаттык'], formats: ['pdf'] }, 'dateFrom', '2019-02-03'), 'dateTo', 'bad');
    const chips = filterChips(f, tags);
    expect(chips.map((c) => c.label)).toEqual(['Tag: Starvation', 'Tag: deleted tag', 'Source: Азаттык', 'Format: pdf', 'From: 2019-02-03']);
    expect(chips[0]!.remove(f)).toEqual({ tagIds: ['gone'], sources: ['Азаттык'], formats: ['pdf'], dateFrom: '2019-02-03' });
    expect(chips[4]!.remove(f)).toEqual({ tagIds: ['t1', 'gone'], sources: ['Азаттык'], formats: ['pdf'] });
  });
});
