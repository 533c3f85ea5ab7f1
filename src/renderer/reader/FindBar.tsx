import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../strings/t.ts';

interface Props {
  query: string;
  count: number;
  current: number;
  focusNonce: number;
  /** The search the document was opened from, while its words are what is marked. */
  search?: string | null | undefined;
  onDismissSearch?(): void;
  onQuery(query: string): void;
  onStep(delta: 1 | -1): void;
  children?: ReactNode;
}

/** Find in this pane only: Enter for the next match, Shift+Enter for the previous one. */
export function FindBar({ query, count, current, focusNonce, search, onDismissSearch, onQuery, onStep, children }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusNonce) input.current?.select();
  }, [focusNonce]);
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        type="search"
        aria-label={t('reader.find')}
        placeholder={t('reader.findPlaceholder')}
        value={query}
        dir="auto"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') onQuery('');
        }}
      />
      {search && (
        <span className="chip search-marks" title={t('reader.searchMarksTitle', { query: search })}>
          <span dir="auto">{t('reader.searchMarks', { query: search })}</span>
          <button type="button" aria-label={t('reader.searchMarksClear', { query: search })} onClick={onDismissSearch}>
            ×
          </button>
        </span>
      )}
      <span className="find-count" aria-live="polite">
        {query.trim() || search ? (count ? t('reader.findCount', { current: current + 1, count }) : t('reader.findNone')) : ''}
      </span>
      <button type="button" aria-label={t('reader.findPrevious')} disabled={!count} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" aria-label={t('reader.findNext')} disabled={!count} onClick={() => onStep(1)}>
        ↓
      </button>
      {children}
    </div>
  );
}
