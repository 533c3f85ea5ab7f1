import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { invoke, onEvent } from './api.ts';

/** Query keys in one place, so invalidation after a change is never missed. */
export const keys = {
  documents: ['documents'] as const,
  // Issue 17: under 'documents', so whatever invalidates the library invalidates its windows too.
  libraryWindow: (sort: string, filters: object, index: number) => ['documents', 'window', sort, filters, index] as const,
  libraryOverview: ['documents', 'overview'] as const,
  existingDocuments: (ids: string[]) => ['documents', 'existing', ids] as const,
  document: (id: string) => ['document', id] as const,
  tags: ['tags'] as const,
  passages: (filter: { tagId?: string; documentId?: string }) => ['passages', filter] as const,
  passageWindow: (filter: object, index: number) => ['passages', 'window', filter, index] as const,
  tagDocuments: (tagIds: string[]) => ['tag-documents', tagIds] as const,
  history: ['history'] as const,
  search: (query: string) => ['search', query] as const,
  custody: (documentId: string) => ['custody', documentId] as const,
};

export const useDocuments = () => useQuery({ queryKey: keys.documents, queryFn: () => invoke('documents:list', {}) });
export const useDocument = (id: string | null) =>
  useQuery({ queryKey: keys.document(id ?? ''), queryFn: () => invoke('documents:get', { id: id! }), enabled: !!id });
export const useTags = () => useQuery({ queryKey: keys.tags, queryFn: () => invoke('tags:list', {}) });
export const usePassages = (filter: { tagId?: string; documentId?: string }, enabled = true) =>
  useQuery({ queryKey: keys.passages(filter), queryFn: () => invoke('passages:list', filter), enabled });
export const useTagDocuments = (tagIds: string[]) =>
  useQuery({
    queryKey: keys.tagDocuments(tagIds),
    queryFn: () => invoke('tags:documents', { tagIds }),
    enabled: tagIds.length > 0,
  });
export const useHistory = () => useQuery({ queryKey: keys.history, queryFn: () => invoke('history:status', {}) });
export const useSearch = (query: string) =>
  useQuery({
    queryKey: keys.search(query),
    queryFn: () => invoke('search:query', { query }),
    enabled: query.trim().length > 0,
    placeholderData: (previous) => previous,
  });

/** Everything derived from the store is stale after a change made anywhere (menu import, another pane). */
export function useLibraryChanges(): void {
  const client = useQueryClient();
  useEffect(() => onEvent('evt:library:changed', () => void client.invalidateQueries()), [client]);
}
