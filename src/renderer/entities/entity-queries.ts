/** Issue 18: the entity and timeline queries, refreshed while the entity job reads documents. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { EntityJobProgress, EntityType } from '../../shared/entities.ts';
import { invoke, onEvent } from '../api.ts';

export const entityKeys = {
  all: ['entities'] as const,
  list: (type: EntityType | '') => ['entities', 'list', type] as const,
  detail: (id: string) => ['entities', 'detail', id] as const,
  timeline: (filter: { tagIds?: string[]; entities?: string[] }) => ['entities', 'timeline', filter] as const,
};

export const useEntities = (type: EntityType | '' = '') =>
  useQuery({ queryKey: entityKeys.list(type), queryFn: () => invoke('entities:list', type ? { type, limit: 1000 } : { limit: 1000 }) });

export const useEntity = (id: string | null) =>
  useQuery({ queryKey: entityKeys.detail(id ?? ''), queryFn: () => invoke('entities:get', { id: id! }), enabled: !!id });

export const useTimeline = (filter: { tagIds?: string[]; entities?: string[] }) =>
  useQuery({ queryKey: entityKeys.timeline(filter), queryFn: () => invoke('timeline:get', filter), placeholderData: (previous) => previous, retry: false });

/** The entity job's progress; entity queries are read again as it goes and when it ends. */
export function useEntityProgress(): EntityJobProgress | null {
  const client = useQueryClient();
  const [progress, setProgress] = useState<EntityJobProgress | null>(null);
  useEffect(() => {
    let last = 0;
    void invoke('entities:progress', {}).then(setProgress, () => undefined);
    return onEvent('evt:entities:progress', (p) => {
      setProgress(p);
      const now = Date.now();
      // Every second at most while it runs, and once at the end.
      if (!p.running || now - last > 1000) {
        last = now;
        void client.invalidateQueries({ queryKey: entityKeys.all });
        if (!p.running) void client.invalidateQueries({ queryKey: ['search'] });
      }
    });
  }, [client]);
  return progress;
}
