import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { invoke } from '../api.ts';
import { findMatches } from './find.ts';

export interface Mark {
  start: number;
  end: number;
}

/**
 * What the reader marks and steps through (issue 14, item 5): the words of the search the
 * document was opened from, as the index matched them, until the user types in the find box
 * (then the find matches) or dismisses them.
 */
export function useSearchMarks(documentId: string, text: string, search: string | null, findQuery: string) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const fromSearch = useQuery({
    queryKey: ['search-matches', documentId, search],
    queryFn: () => invoke('search:matches', { query: search!, documentId }),
    enabled: !!search?.trim(),
    staleTime: 30_000,
  });
  const found = useMemo(() => findMatches(text, findQuery), [text, findQuery]);
  const searching = !findQuery.trim() && !!search?.trim() && dismissed !== search;
  const matches: Mark[] = searching ? (fromSearch.data ?? []) : found;
  return { matches, searching, search: searching ? search : null, dismiss: () => setDismissed(search) };
}
