import type { SearchFilters } from '../../shared/domain.ts';
import type { AttributeFacet } from '../../shared/qda.ts';
import { tn } from '../strings/t.ts';
import { isAttributeActive, toggleAttribute } from './attribute-filters.ts';

const SHOWN = 8;

/** Issue 21: a facet per document attribute, counted over every match; a click toggles the value as a filter. */
export function AttributeFacets({
  facets,
  filters,
  onChange,
}: {
  facets: readonly AttributeFacet[] | undefined;
  filters: SearchFilters;
  onChange(filters: SearchFilters): void;
}) {
  return (
    <>
      {(facets ?? []).map((facet) => {
        const shown = facet.values.filter((v, i) => i < SHOWN || isAttributeActive(filters, facet.attributeId, v.value));
        return (
          <section key={facet.attributeId} className="facet attribute-facet" aria-labelledby={`facet-attr-${facet.attributeId}`}>
            <h3 id={`facet-attr-${facet.attributeId}`} dir="auto">
              {facet.name}
            </h3>
            <ul role="list">
              {shown.map((v) => (
                <li key={v.value}>
                  <button
                    type="button"
                    aria-pressed={isAttributeActive(filters, facet.attributeId, v.value)}
                    aria-label={tn('search.facet.count', v.count, { facet: facet.name, value: v.label })}
                    onClick={() => onChange(toggleAttribute(filters, facet.attributeId, v.value))}
                  >
                    <span className="label" dir="auto">
                      {v.label}
                    </span>
                    <span className="count" aria-hidden>
                      {v.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
