import { useState } from 'react';
import type { InvestigationInfo } from '../../shared/investigations.ts';
import { t } from '../strings/t.ts';
import { useInvestigationActions, useInvestigations } from './investigation-actions.ts';
import { useShell } from './shell-context.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : null);

const STEPS = [
  ['start.step1.title', 'start.step1.text'],
  ['start.step2.title', 'start.step2.text'],
  ['start.step3.title', 'start.step3.text'],
] as const;

/** First run and no investigation open: what Dossier does, the sample, new/open/import, and recent investigations. */
export function StartScreen() {
  const actions = useInvestigationActions();
  const investigations = useInvestigations();
  const { show, unlock } = useShell();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const withBusy = async (label: string, action: () => Promise<unknown>) => {
    setBusy(label);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className="start" aria-labelledby="start-title" aria-busy={busy !== null}>
      <header className="start-header">
        <h1 id="start-title">{t('app.name')}</h1>
        <p>{t('start.tagline')}</p>
      </header>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title" className="visually-hidden">
          {t('start.stepsHeading')}
        </h2>
        <ol className="steps">
          {STEPS.map(([title, text]) => (
            <li key={title}>
              <h3>{t(title)}</h3>
              <p>{t(text)}</p>
            </li>
          ))}
        </ol>
      </section>
      <div className="start-columns">
        <section className="start-actions" aria-labelledby="new-title">
          <button type="button" className="primary sample-button" disabled={busy !== null} onClick={() => void withBusy(t('start.busySample'), actions.sample)}>
            {t('start.sample')}
          </button>
          <p className="meta">{t('start.sampleHint')}</p>
          <h2 id="new-title">{t('start.newHeading')}</h2>
          <form
            className="new-investigation"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) void withBusy('', () => actions.create(name.trim()));
            }}
          >
            <input
              aria-label={t('start.newName')}
              placeholder={t('start.newPlaceholder')}
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" disabled={!name.trim() || busy !== null}>
              {t('start.create')}
            </button>
          </form>
          <div className="start-more">
            <button type="button" disabled={busy !== null} onClick={() => void actions.openFolder()}>
              {t('start.openFolder')}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void withBusy(t('start.busyImport'), actions.importArchive)}>
              {t('start.importArchive')}
            </button>
            <button type="button" className="link" onClick={() => show('settings')}>
              {t('toolbar.settings')}
            </button>
          </div>
          {busy && <p aria-live="polite">{busy}</p>}
        </section>
        <section className="recent" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('start.recentHeading')}</h2>
          {investigations.error && <p className="error">{investigations.error.message}</p>}
          {investigations.data?.length === 0 && <p className="empty">{t('start.noRecent')}</p>}
          <ul aria-labelledby="recent-title">
            {investigations.data?.map((info) => (
              <RecentItem
                key={info.id}
                info={info}
                onOpen={() => (info.locked ? unlock(info) : void actions.open(info.id))}
                onForget={() => void actions.forget(info.id)}
              />
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}

function RecentItem({ info, onOpen, onForget }: { info: InvestigationInfo; onOpen(): void; onForget(): void }) {
  return (
    <li className={info.exists ? undefined : 'missing'}>
      <button type="button" disabled={!info.exists} onClick={onOpen}>
        <span className="title">
          {info.name}
          {info.sample && <span className="badge">{t('start.sampleBadge')}</span>}
          {info.locked && <span className="badge">{t('lock.badge')}</span>}
          {!info.exists && <span className="badge warn">{t('start.missing')}</span>}
        </span>
        <span className="meta path" dir="ltr">
          {info.path}
        </span>
        <span className="meta">{info.lastOpenedAt ? t('start.lastOpened', { when: when(info.lastOpenedAt)! }) : t('start.neverOpened')}</span>
      </button>
      {!info.exists && (
        <button type="button" className="link" aria-label={t('start.forgetLabel', { name: info.name })} onClick={onForget}>
          {t('start.forget')}
        </button>
      )}
    </li>
  );
}
