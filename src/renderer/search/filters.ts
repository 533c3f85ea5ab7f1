import type { DocumentFormat, SearchFilters, Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';
import { cleanAttributeFilters } from './attribute-filters.ts';

/** A facet the user can toggle; `year` maps onto the date range. */
export type FacetKind = 'tag' | 'language' | 'source' | 'year' | 'format';

/** One active filter as a removable chip. */
export interface FilterChip {
  key: string;
  label: string;
  remove(filters: SearchFilters): SearchFilters;
}

type ListKey = 'tagIds' | 'languages' | 'sources' | 'formats';
const LIST_KEY: Record<Exclude<FacetKind, 'year'>, ListKey> = {
  tag: 'tagIds',
  language: 'languages',
  source: 'sources',
  format: 'formats',
};

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

/** "kk" → "Kazakh (kk)": codes are what the engine stores, names are what users read. */
export function languageLabel(code: string): string {
  let name: string | undefined;
  try {
    name = languageNames?.of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}

/** Drops empty lists and dates so the request (and the query key) stays minimal. */
export function cleanFilters(filters: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  for (const key of ['tagIds', 'languages', 'sources', 'formats'] as const) {
    const values = filters[key];
    if (values && values.length > 0) (out as Record<ListKey, string[]>)[key] = [...values];
  }
  if (filters.dateFrom) out.dateFrom = filters.dateFrom;
  if (filters.dateTo) out.dateTo = filters.dateTo;
  // Issue 21: document attribute filters.
  const attributes = cleanAttributeFilters(filters.attributes);
  if (attributes) out.attributes = attributes;
  // Issue 18: entity facets.
  if (filters.entityIds?.length) out.entityIds = [...filters.entityIds];
  return out;
}

/** A year facet is the whole year as full dates: the engine compares dates as text, so "2019" alone would end before 2019-05-01. */
export function yearRange(year: string): { dateFrom: string; dateTo: string } {
  return { dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` };
}

export function isActive(filters: SearchFilters, kind: FacetKind, value: string): boolean {
  if (kind === 'year') {
    const range = yearRange(value);
    return filters.dateFrom === range.dateFrom && filters.dateTo === range.dateTo;
  }
  return (filters[LIST_KEY[kind]] as string[] | undefined)?.includes(value) ?? false;
}

/** Values of one facet are alternatives (OR); a year replaces the date range, and clicking it again clears it. */
export function toggleFacet(filters: SearchFilters, kind: FacetKind, value: string): SearchFilters {
  if (kind === 'year') {
    if (isActive(filters, kind, value)) return cleanFilters({ ...filters, dateFrom: undefined, dateTo: undefined });
    return cleanFilters({ ...filters, ...yearRange(value) });
  }
  const key = LIST_KEY[kind];
  const current = (filters[key] as string[] | undefined) ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return cleanFilters({ ...filters, [key]: next as DocumentFormat[] });
}

export function setDate(filters: SearchFilters, which: 'dateFrom' | 'dateTo', value: string): SearchFilters {
  return cleanFilters({ ...filters, [which]: /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined });
}

/** The active filters as chips, in the order the facets are shown. */
export function filterChips(filters: SearchFilters, tags: Tag[], entityLabels: ReadonlyMap<string, string> = new Map()): FilterChip[] {
  const tagName = new Map(tags.map((t) => [t.id, t.name]));
  const chips: FilterChip[] = [];
  const list = (key: ListKey, prefix: string, label: (v: string) => string) => {
    for (const value of (filters[key] as string[] | undefined) ?? []) {
      chips.push({
        key: `${key}:${value}`,
        label: t('search.chip', { facet: prefix, value: label(value) }),
        remove: (f) => cleanFilters({ ...f, [key]: ((f[key] as string[] | undefined) ?? []).filter((v) => v !== value) }),
      });
    }
  };
  list('tagIds', t('search.facet.tag'), (id) => tagName.get(id) ?? t('search.chip.deletedTag'));
  list('languages', t('search.facet.language'), languageLabel);
  list('sources', t('search.facet.source'), (v) => v);
  list('formats', t('search.facet.format'), (v) => v);
  for (const id of filters.entityIds ?? []) {
    chips.push({ key: `entity:${id}`, label: t('entities.chip', { label: entityLabels.get(id) ?? id }), remove: (f) => cleanFilters({ ...f, entityIds: (f.entityIds ?? []).filter((v) => v !== id) }) });
  }
  const { dateFrom, dateTo } = filters;
  if (dateFrom && dateTo && dateFrom.endsWith('-01-01') && dateTo === `${dateFrom.slice(0, 4)}-12-31`) {
    chips.push({ key: 'date', label: t('search.chip.year', { year: dateFrom.slice(0, 4) }), remove: (f) => cleanFilters({ ...f, dateFrom: undefined, dateTo: undefined }) });
  } else {
    if (dateFrom) chips.push({ key: 'dateFrom', label: t('search.chip.from', { date: dateFrom }), remove: (f) => cleanFilters({ ...f, dateFrom: undefined }) });
    if (dateTo) chips.push({ key: 'dateTo', label: t('search.chip.to', { date: dateTo }), remove: (f) => cleanFilters({ ...f, dateTo: undefined }) });
  }
  return chips;
}
