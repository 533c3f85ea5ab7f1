/** Document attributes as search filters (issue 21): toggling a facet value, and the chips of active ones. */
import type { SearchFilters } from '../../shared/domain.ts';
import type { AttributeFacet } from '../../shared/qda.ts';
import { t } from '../strings/t.ts';
import type { FilterChip } from './filters.ts';

export function isAttributeActive(filters: SearchFilters, attributeId: string, value: string): boolean {
  return filters.attributes?.some((f) => f.attributeId === attributeId && f.values?.includes(value)) ?? false;
}

/** Values of one attribute are alternatives (OR); different attributes must all hold. */
export function toggleAttribute(filters: SearchFilters, attributeId: string, value: string): SearchFilters {
  const others = (filters.attributes ?? []).filter((f) => f.attributeId !== attributeId);
  const current = filters.attributes?.find((f) => f.attributeId === attributeId)?.values ?? [];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const attributes = values.length ? [...others, { attributeId, values }] : others;
  const { attributes: _old, ...rest } = filters;
  return attributes.length ? { ...rest, attributes } : rest;
}

/** Keeps only attribute filters that select something. */
export function cleanAttributeFilters(filters: SearchFilters['attributes']): SearchFilters['attributes'] | undefined {
  const kept = (filters ?? []).filter((f) => f.values?.length || f.min !== undefined || f.max !== undefined);
  return kept.length ? kept.map((f) => ({ ...f, ...(f.values ? { values: [...f.values] } : {}) })) : undefined;
}

/** A chip per selected attribute value; names come from the last facets seen (the attribute's id otherwise). */
export function attributeChips(filters: SearchFilters, facets: readonly AttributeFacet[] | undefined): FilterChip[] {
  const name = new Map((facets ?? []).map((f) => [f.attributeId, f.name]));
  return (filters.attributes ?? []).flatMap((f) =>
    (f.values ?? []).map((value) => ({
      key: `attribute:${f.attributeId}:${value}`,
      label: t('search.chip.attribute', { name: name.get(f.attributeId) ?? f.attributeId, value }),
      remove: (current: SearchFilters) => toggleAttribute(current, f.attributeId, value),
    })),
  );
}
