import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MergeSummary } from '../../shared/team.ts';
import { invoke } from '../api.ts';
import type { Notice } from '../notice.ts';
import { t } from '../strings/t.ts';

export const teamKeys = {
  lastMerge: ['team', 'lastMerge'] as const,
  researcher: ['team', 'researcher'] as const,
  researchers: ['team', 'researchers'] as const,
  agreement: (tagId: string, coders: readonly string[]) => ['team', 'agreement', tagId, ...coders] as const,
};

const counts = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, '') : kind}`)
    .join(', ') || t('team.nothing');

/** The sentence of a merge, for the status bar. */
export function mergeSentence(s: MergeSummary): string {
  const vars = { archive: s.archive, added: counts(s.added), updated: counts(s.updated), n: s.conflicts.length };
  return s.conflicts.length ? t('team.mergedConflicts', vars) : t('team.merged', vars);
}

/**
 * "Merge an investigation…" (issue 21): asks for the archive, merges it, keeps the summary for the
 * Team pane (its conflicts are listed there) and says what happened in the status bar.
 */
export function useMerge(notify: (notice: Notice) => void) {
  const client = useQueryClient();
  return useCallback(async () => {
    try {
      const result = await invoke('team:merge', {});
      if ('canceled' in result) return;
      await client.invalidateQueries();
      client.setQueryData(teamKeys.lastMerge, result);
      notify({ text: mergeSentence(result), error: false });
    } catch (e) {
      notify({ text: e instanceof Error && e.message ? e.message : t('app.genericError'), error: true });
    }
  }, [client, notify]);
}
