import { useCallback, useState } from 'react';
import type { SearchFilters, Tag } from '../../shared/domain.ts';
import { t, tNodes } from '../strings/t.ts';
import { Facets } from './Facets.tsx';
import { cleanFilters, filterChips } from './filters.ts';
import type { OpenAt } from './HitView.tsx';
import { SearchList } from './SearchList.tsx';
import './search.css';
import { MAX_RESULTS, PAGE, useSearchResults } from './use-search-results.ts';
import { MemoHits } from './MemoHits.tsx';
import { attributeChips } from './attribute-filters.ts';

interface Props {
  /** The text in the search box, as typed (the panel debounces it). */
  query: string;
  tags: Tag[];
  onOpen: OpenAt;
  /** Puts a suggested query in the search box (issue 15). */
  onSuggest?: (query: string) => void;
}

/** Results of the search box: facets and date range, active filters as chips, the hit list. */
export function SearchPanel({ query, tags, onOpen, onSuggest }: Props) {
  const [filters, setFiltersState] = useState<SearchFilters>({});
  const [limit, setLimit] = useState(PAGE);
  const setFilters = (next: SearchFilters) => {
    setFiltersState(cleanFilters(next));
    setLimit(PAGE);
  };
  const search = useSearchResults(query, filters, limit);
  const response = search.data;
  const shown = response?.results.length ?? 0;
  const more = useCallback(() => {
    if (!search.isFetching) setLimit((l) => (l <= shown ? Math.min(MAX_RESULTS, l * 2) : l));
  }, [search.isFetching, shown]);
  // Issue 21: attribute filters as chips too, named from the facets; issue 18: entity chips named from theirs.
  const chips = [
    ...filterChips(filters, tags, new Map((response?.facets?.entity ?? []).map((f) => [f.value, f.label]))),
    ...attributeChips(filters, response?.facets?.attributes),
  ];

  let body: React.ReactNode;
  if (search.error) {
    body = (
      <p className="error" role="alert">
        {search.error.message}
      </p>
    );
  } else if (!response) {
    body = <p className="empty">{t('search.searching')}</p>;
  } else if (response.error) {
    body = (
      <p className="query-error" role="alert">
        <strong>{t('search.unreadable')}</strong> <span dir="auto">{response.error}</span> <span className="meta">{t('search.unreadableHint')}</span>
      </p>
    );
  } else if (response.results.length === 0) {
    body = (
      <div className="empty">
        <p dir="auto">{tNodes(chips.length ? 'search.noMatchFiltered' : 'search.noMatch', { query: <bdi>{response.query}</bdi> })}</p>
        {response.suggestions && response.suggestions.length > 0 && (
          <p className="suggestions">
            {t('search.suggest')}{' '}
            {response.suggestions.map((suggestion) => (
              <button key={suggestion} type="button" className="link" dir="auto" title={t('search.suggestThis', { query: suggestion })} onClick={() => onSuggest?.(suggestion)}>
                {suggestion}
              </button>
            ))}
          </p>
        )}
      </div>
    );
  } else {
    body = (
      <SearchList
        key={`${response.query}\u0000${JSON.stringify(filters)}`}
        hits={response.results}
        total={response.total}
        tags={tags}
        onOpen={onOpen}
        onMore={more}
      />
    );
  }

  return (
    <section className="search-panel" aria-label={t('search.results')} aria-busy={search.pending}>
      <Facets facets={response?.error ? undefined : response?.facets} filters={filters} tags={tags} onChange={setFilters} />
      <div className="search-main">
        <div className="search-summary">
          <p className="count" aria-live="polite">
            {response && !response.error && (
              <>
                {tNodes(response.total === 1 ? 'search.total.one' : 'search.total.other', { query: <bdi>{response.query}</bdi> }, { n: response.total })}
                {response.total > shown && t('search.showing', { n: shown })}
              </>
            )}
            {search.pending && <span className="meta"> {t('search.searching')}</span>}
          </p>
          {chips.length > 0 && (
            <ul className="chips filter-chips" aria-label={t('search.activeFilters')}>
              {chips.map((chip) => (
                <li key={chip.key} className="chip">
                  <span dir="auto">{chip.label}</span>
                  <button type="button" aria-label={t('search.removeFilter', { label: chip.label })} onClick={() => setFilters(chip.remove(filters))}>
                    ×
                  </button>
                </li>
              ))}
              {chips.length > 1 && (
                <li>
                  <button type="button" className="link" onClick={() => setFilters({})}>
                    {t('search.clearAll')}
                  </button>
                </li>
              )}
            </ul>
          )}
        </div>
        {response && !response.error && <MemoHits query={response.query} tags={tags} />}
        {body}
      </div>
    </section>
  );
}
