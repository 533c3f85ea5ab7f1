import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import type { PassageView } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { keys } from '../queries.ts';

/** Passages per window asked of the service (issue 17). */
export const PASSAGE_WINDOW = 100;

export type PassageFilter = Omit<ChannelInput<'passages:page'>, 'offset' | 'limit'>;
type PassagePage = ChannelOutput<'passages:page'>;

const fetchWindow = (filter: PassageFilter, index: number) => invoke('passages:page', { ...filter, offset: index * PASSAGE_WINDOW, limit: PASSAGE_WINDOW });

/** The first window, with the total; the previous one shows while another filter loads. */
export function usePassageFirstWindow(filter: PassageFilter, enabled = true) {
  return useQuery({
    queryKey: keys.passageWindow(filter, 0),
    queryFn: () => fetchWindow(filter, 0),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The passages the virtual list shows, a window at a time as the rows on screen (`visible`) reach
 * them; `first` is the first window. A row not yet arrived is undefined.
 */
export function usePassageRows(filter: PassageFilter, first: PassagePage | undefined, visible: number[]) {
  const windows = [...new Set(visible.map((i) => Math.floor(i / PASSAGE_WINDOW)))].filter((w) => w > 0);
  const results = useQueries({ queries: windows.map((w) => ({ queryKey: keys.passageWindow(filter, w), queryFn: () => fetchWindow(filter, w) })) });
  const byWindow = new Map(windows.map((w, i) => [w, results[i]?.data]));
  byWindow.set(0, first);
  return (index: number): PassageView | undefined => {
    const w = Math.floor(index / PASSAGE_WINDOW);
    return byWindow.get(w)?.passages[index - w * PASSAGE_WINDOW];
  };
}
