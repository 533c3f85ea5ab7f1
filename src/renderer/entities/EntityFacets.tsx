import type { EntityFacetCount, SearchFilters } from '../../shared/domain.ts';
import { ENTITY_TYPES } from '../../shared/entities.ts';
import { t, tn } from '../strings/t.ts';

const SHOWN = 8;

interface Props {
  facets: EntityFacetCount[] | undefined;
  filters: SearchFilters;
  onChange(filters: SearchFilters): void;
}

/** Issue 18: people, places, organisations and facilities of the matching documents; a click keeps the documents naming it. */
export function EntityFacets({ facets, filters, onChange }: Props) {
  const active = new Set(filters.entityIds ?? []);
  const toggle = (id: string) => {
    const next = active.has(id) ? [...active].filter((v) => v !== id) : [...active, id];
    onChange({ ...filters, entityIds: next });
  };
  return (
    <>
      {ENTITY_TYPES.map((type) => {
        const counts = (facets ?? []).filter((f) => f.type === type);
        const shown = counts.filter((c, i) => i < SHOWN || active.has(c.value));
        if (shown.length === 0) return null;
        const title = t(`entities.type.${type}`);
        return (
          <section key={type} className="facet entity-facet" aria-labelledby={`facet-entity-${type}`}>
            <h3 id={`facet-entity-${type}`}>{title}</h3>
            <ul role="list">
              {shown.map((c) => (
                <li key={c.value}>
                  <button
                    type="button"
                    aria-pressed={active.has(c.value)}
                    aria-label={tn('search.facet.count', c.count, { facet: title, value: c.label })}
                    onClick={() => toggle(c.value)}
                  >
                    <span className="label" dir="auto">
                      {c.label}
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
    </>
  );
}
