import type { ImportProgress } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';
import { useShell, type IndexState } from './shell-context.ts';

function indexText(index: IndexState): string {
  if (index.done >= index.total) return t('status.indexReady');
  const pct = Math.floor((index.done / Math.max(1, index.total)) * 100);
  return t(index.phase === 'load' ? 'status.indexLoading' : 'status.indexBuilding', { pct });
}

interface Props {
  documents?: number | undefined;
  progress?: ImportProgress | null;
}

/** The status bar: the investigation, its documents and index, then import progress or the last notice. */
export function StatusBar({ documents, progress }: Props) {
  const { investigation, notice, index } = useShell();
  return (
    <footer className="status" role="status" aria-label={t('status.label')}>
      {investigation && <span className="status-name">{investigation.name}</span>}
      {documents !== undefined && <span>{documents === 1 ? t('status.document') : t('status.documents', { n: documents })}</span>}
      {investigation && index && <span className="status-index">{indexText(index)}</span>}
      <span className="status-message">
        {progress ? (
          <>
            <progress max={progress.total} value={progress.done} />{' '}
            {t('status.importing', { n: progress.done + 1, total: progress.total, file: progress.currentFile ?? '' })}
          </>
        ) : notice ? (
          <span className={notice.error ? 'error' : undefined}>{notice.text}</span>
        ) : null}
      </span>
    </footer>
  );
}
