import { useQuery } from '@tanstack/react-query';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { Dialog } from './Dialog.tsx';
import { shellKeys } from './investigation-actions.ts';

/** About: the versions of Dossier and of the runtime it runs on ('app:info'); only those present. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const info = useQuery({ queryKey: shellKeys.info, queryFn: () => invoke('app:info', {}) });
  const rows: [string, string | undefined][] = info.data
    ? [
        [t('about.version'), info.data.appVersion],
        [t('about.electron'), info.data.versions.electron],
        [t('about.chrome'), info.data.versions.chrome],
        [t('about.node'), info.data.versions.node],
      ]
    : [];
  return (
    <Dialog title={t('about.title')} className="about" onClose={onClose}>
      <p>{t('about.text')}</p>
      {info.error && <p className="error">{info.error.message}</p>}
      <dl className="versions">
        {rows
          .filter((row): row is [string, string] => !!row[1])
          .map(([name, version]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{version}</dd>
            </div>
          ))}
      </dl>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('about.close')}
        </button>
      </div>
    </Dialog>
  );
}
