import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ChannelOutput } from '../../shared/contract.ts';
import type { InvestigationInfo } from '../../shared/investigations.ts';
import { invoke } from '../api.ts';
import { useNotify, type Notice } from '../notice.ts';
import { t } from '../strings/t.ts';

/** Shell query keys: kept when an investigation closes, unlike everything the workspace view caches. */
export const shellKeys = {
  current: ['shell', 'current'] as const,
  list: ['shell', 'investigations'] as const,
  settings: ['shell', 'settings'] as const,
  info: ['shell', 'info'] as const,
};

export const useInvestigations = () => useQuery({ queryKey: shellKeys.list, queryFn: () => invoke('investigations:list', {}) });

const opened = (value: ChannelOutput<'investigations:open'>): value is InvestigationInfo => !('canceled' in value);

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The investigation actions shared by the start screen, the investigation menu and the palette.
 * Each reports its outcome in the status bar as a sentence and never throws.
 */
export function useInvestigationActions(notifyHere?: (notice: Notice) => void) {
  const fromContext = useNotify();
  const notify = notifyHere ?? fromContext;
  const client = useQueryClient();
  return useMemo(() => {
    const attempt = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await action();
      } catch (e) {
        notify({ text: e instanceof Error && e.message ? e.message : t('app.genericError'), error: true });
        return undefined;
      } finally {
        void client.invalidateQueries({ queryKey: ['shell'] });
      }
    };
    return {
      create: (name: string, passphrase?: string) => attempt(() => invoke('investigations:create', { name, ...(passphrase ? { passphrase } : {}) })),
      open: (id: string) => attempt(() => invoke('investigations:open', { id })),
      openFolder: () => attempt(() => invoke('investigations:open', {})),
      sample: () => attempt(() => invoke('investigations:createSample', {})),
      importArchive: () =>
        attempt(async () => {
          const result = await invoke('investigations:import', {});
          if (opened(result)) notify({ text: t('inv.imported', { name: result.name }) });
          return result;
        }),
      exportArchive: (id?: string) =>
        attempt(async () => {
          const result = await invoke('investigations:export', id ? { id } : {});
          if (!('canceled' in result)) {
            notify({ text: t('inv.exported', { name: result.manifest.name, path: result.path, size: formatBytes(result.bytes) }) });
          }
          return result;
        }),
      rename: (id: string, name: string) => attempt(() => invoke('investigations:rename', { id, name })),
      reveal: (info: InvestigationInfo) =>
        attempt(async () => {
          const { path } = await invoke('investigations:reveal', { id: info.id });
          notify({ text: t('inv.revealed', { name: info.name, path }) });
        }),
      close: () => attempt(() => invoke('investigations:close', {})),
      trash: (info: InvestigationInfo) =>
        attempt(async () => {
          const { movedTo } = await invoke('investigations:delete', { id: info.id, mode: 'trash', confirmed: true });
          notify({ text: t('inv.deleted', { name: info.name, path: movedTo ?? '—' }) });
        }),
      forget: (id: string) => attempt(() => invoke('investigations:delete', { id, mode: 'forget' })),
    };
  }, [client, notify]);
}
