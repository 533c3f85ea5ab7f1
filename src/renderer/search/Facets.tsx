import { IsoDateInput } from '../IsoDateInput.tsx';
import type { SearchFacets, SearchFilters, Tag } from '../../shared/domain.ts';
import { t, tn } from '../strings/t.ts';
import { EntityFacets } from '../entities/EntityFacets.tsx';
import { isActive, languageLabel, setDate, toggleFacet, type FacetKind } from './filters.ts';
import { AttributeFacets } from './AttributeFacets.tsx';

const GROUPS: FacetKind[] = ['tag', 'language', 'source', 'year', 'format'];
const SHOWN = 8;

interface Props {
  facets: SearchFacets | undefined;
  filters: SearchFilters;
  tags: Tag[];
  onChange(filters: SearchFilters): void;
}

/** Facet counts over every match (after the other filters); a click toggles that value as a filter. */
export function Facets({ facets, filters, tags, onChange }: Props) {
  const colour = new Map(tags.map((t) => [t.id, t.color]));
  return (
    <aside className="facets" aria-label={t('search.filters')}>
      <fieldset className="date-range">
        <legend>{t('search.date')}</legend>
        <label>
          {t('search.from')}
          <IsoDateInput aria-label={t('search.publishedFrom')} value={filters.dateFrom ?? ''} onChange={(value) => onChange(setDate(filters, 'dateFrom', value))} />
        </label>
        <label>
          {t('search.to')}
          <IsoDateInput aria-label={t('search.publishedUntil')} value={filters.dateTo ?? ''} onChange={(value) => onChange(setDate(filters, 'dateTo', value))} />
        </label>
      </fieldset>
      {GROUPS.map((kind) => {
        const title = t(`search.facet.${kind}`);
        const counts = facets?.[kind] ?? [];
        // A selected value stays visible even when it counts 0 under other filters, so it can be turned off here too.
        const shown = counts.filter((c, i) => i < SHOWN || isActive(filters, kind, c.value));
        if (shown.length === 0) return null;
        const label = (value: string, fallback: string) => (kind === 'language' ? languageLabel(value) : fallback || t('search.facet.none'));
        return (
          <section key={kind} className="facet" aria-labelledby={`facet-${kind}`}>
            <h3 id={`facet-${kind}`}>{title}</h3>
            <ul role="list">
              {shown.map((c) => (
                <li key={c.value}>
                  <button
                    type="button"
                    aria-pressed={isActive(filters, kind, c.value)}
                    aria-label={tn('search.facet.count', c.count, { facet: title, value: label(c.value, c.label) })}
                    onClick={() => onChange(toggleFacet(filters, kind, c.value))}
                  >
                    {kind === 'tag' && <span className="swatch" style={{ backgroundColor: colour.get(c.value) ?? '#999' }} aria-hidden />}
                    <span className="label" dir="auto">
                      {label(c.value, c.label)}
                    </span>
                    <span className="count" aria-hidden>
                      {c.count}
                    </span>
                  </button>
                </li>
              ))}
              {counts.length > shown.length && <li className="meta">{t('search.facet.more', { n: counts.length - shown.length })}</li>}
            </ul>
          </section>
        );
      })}
      <AttributeFacets facets={facets?.attributes} filters={filters} onChange={onChange} />
      <EntityFacets facets={facets?.entity} filters={filters} onChange={onChange} />
    </aside>
  );
}
