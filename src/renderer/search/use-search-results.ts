import { useQuery } from '@tanstack/react-query';
import type { SearchFilters } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useDebounced } from '../use-debounced.ts';

/** Results come a page at a time; scrolling near the end asks for more, up to the channel's 1,000. */
export const PAGE = 100;
export const MAX_RESULTS = 1000;

/**
 * Search as you type: the query settles for 150 ms before it is sent. Each request has its own
 * key (query, filters, limit), so a response that arrives after the user typed on is never shown
 * for the newer text (React Query keeps it under its own key), and the previous results stay on
 * screen until the next arrive.
 */
export function useSearchResults(query: string, filters: SearchFilters, limit: number) {
  const settled = useDebounced(query.trim(), 150);
  const result = useQuery({
    queryKey: ['search', settled, filters, limit] as const,
    queryFn: () => invoke('search:query', { query: settled, filters, limit }),
    enabled: settled.length > 0,
    placeholderData: (previous) => previous,
    staleTime: 5_000,
  });
  return { ...result, pending: settled !== query.trim() || result.isFetching };
}
