import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { DocumentSummary } from '../../shared/domain.ts';
import type { LibraryPage, LibraryPageInput, LibrarySort } from '../../shared/library.ts';
import { invoke } from '../api.ts';
import { keys } from '../queries.ts';

/** Rows per window asked of the service: a screen is ~15 rows, so one window covers several screens of scrolling. */
export const LIBRARY_WINDOW = 100;

export type LibraryFilters = NonNullable<LibraryPageInput['filters']>;

const fetchWindow = (sort: LibrarySort, filters: LibraryFilters, index: number, facets: boolean): Promise<LibraryPage> =>
  invoke('documents:page', {
    sort,
    filters,
    offset: index * LIBRARY_WINDOW,
    limit: LIBRARY_WINDOW,
    ...(facets ? { facets: true } : {}),
  });

/** The first window, with the counts and the languages for the filter menu; the previous one shows while a new order loads. */
export function useLibraryFirstWindow(sort: LibrarySort, filters: LibraryFilters) {
  return useQuery({
    queryKey: keys.libraryWindow(sort, filters, 0),
    queryFn: () => fetchWindow(sort, filters, 0, true),
    placeholderData: keepPreviousData,
  });
}

/**
 * The rows of the library the virtual list shows, fetched a window at a time as it scrolls
 * (issue 17): `visible` are the row indexes on screen; a row not yet arrived is undefined.
 */
export function useLibraryRows(sort: LibrarySort, filters: LibraryFilters, first: LibraryPage | undefined, visible: number[]) {
  const windows = [...new Set(visible.map((i) => Math.floor(i / LIBRARY_WINDOW)))].filter((w) => w > 0);
  const results = useQueries({
    queries: windows.map((w) => ({
      queryKey: keys.libraryWindow(sort, filters, w),
      queryFn: () => fetchWindow(sort, filters, w, false),
    })),
  });
  const byWindow = new Map<number, LibraryPage | undefined>(windows.map((w, i) => [w, results[i]?.data]));
  byWindow.set(0, first);
  return (index: number): DocumentSummary | undefined => {
    const w = Math.floor(index / LIBRARY_WINDOW);
    return byWindow.get(w)?.documents[index - w * LIBRARY_WINDOW];
  };
}

/** What the rest of the window needs of the library without listing it: the count and the newest documents (command palette). */
export function useLibraryOverview() {
  return useQuery({
    queryKey: keys.libraryOverview,
    queryFn: () => invoke('documents:page', { sort: 'imported', offset: 0, limit: 200, facets: true }),
  });
}

/** Which of the open documents still exist, asked again whenever the library changes. */
export function useExistingDocuments(ids: string[]) {
  return useQuery({
    queryKey: keys.existingDocuments(ids),
    queryFn: () => invoke('documents:existing', { ids }),
    enabled: ids.length > 0,
  });
}
