import { useQuery } from '@tanstack/react-query';
import type { CaptureFacts } from '../../shared/custody.ts';
import type { DocumentFull } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useNotify, useRun } from '../notice.ts';
import { keys } from '../queries.ts';
import { t } from '../strings/t.ts';
import { captureRows, describeCustody } from './history-lines.ts';

/**
 * A document's History (issue 19): its capture facts, read-only as the capturing tool recorded
 * them, then every custody entry about it, newest first, each with who, when, and its hash.
 */
export function HistoryPanel({ doc }: { doc: DocumentFull }) {
  const history = useQuery({ queryKey: keys.custody(doc.id), queryFn: () => invoke('custody:list', { documentId: doc.id }) });
  const capture = doc.meta.capture as CaptureFacts | undefined;
  const headers = capture?.httpHeaders ? Object.entries(capture.httpHeaders) : [];
  const run = useRun();
  const notify = useNotify();
  const verify = () =>
    run(async () => {
      const report = await invoke('custody:verify', {});
      notify(report.ok ? { text: t('history.verifyOk', { n: report.entries }) } : { text: report.problems.join(' '), error: true });
    });
  const exportCsv = () =>
    run(async () => {
      const result = await invoke('custody:exportCsv', {});
      if (result.path) notify({ text: t('history.exported', { n: result.entries, path: result.path }) });
    });
  return (
    <section className="history-panel" aria-label={t('history.title', { title: doc.title })}>
      <h2>{t('history.captureHeading')}</h2>
      {capture ? (
        <dl className="capture-facts">
          {captureRows(capture).map(([label, text]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd dir="auto">{text}</dd>
            </div>
          ))}
          {headers.length > 0 && (
            <details>
              <summary>{t('history.capture.headers')}</summary>
              <ul className="http-headers">
                {headers.map(([name, text]) => (
                  <li key={name}>
                    <code>{name}</code>: <span dir="auto">{text}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </dl>
      ) : (
        <p className="muted">{t('history.notCapture')}</p>
      )}
      <h2>{t('history.eventsHeading')}</h2>
      <div className="header-actions">
        <button type="button" className="link" onClick={() => void verify()}>
          {t('history.verify')}
        </button>
        <button type="button" className="link" onClick={() => void exportCsv()}>
          {t('history.exportCsv')}
        </button>
      </div>
      {history.isError && <p role="alert">{(history.error as Error).message}</p>}
      {history.data?.length === 0 && <p className="muted">{t('history.noEvents')}</p>}
      <ol className="custody-events" aria-label={t('history.eventsHeading')}>
        {history.data?.map((entry) => (
          <li key={entry.seq}>
            <div className="event-head">
              <span className="event-kind">{t(`history.kind.${entry.kind}`)}</span>
              <time dateTime={entry.at}>{entry.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>
              <span className="muted">{entry.researcher ?? t('history.noResearcher')}</span>
            </div>
            <p dir="auto">{describeCustody(entry)}</p>
            <p className="hash muted">{t('history.entryHash', { seq: entry.seq, hash: entry.hash })}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
