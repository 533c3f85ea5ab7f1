import { useQuery } from '@tanstack/react-query';
import type { Memo } from '../../shared/qda.ts';
import { invoke } from '../api.ts';
import { useNotify } from '../notice.ts';
import { t } from '../strings/t.ts';
import { memoKeys, type MemoTarget } from './analysis-context.ts';
import { MemoEditor } from './MemoEditor.tsx';

export function memoHeading(target: MemoTarget, label: string | null | undefined): string {
  if (target.scope === 'investigation') return t('memo.investigation');
  return target.scope === 'document' ? t('memo.document', { title: label ?? '' }) : t('memo.tag', { name: label ?? '' });
}

/** The memo being edited (the investigation's unless another was chosen), then every memo of the investigation. */
export function MemosTab({
  target,
  label,
  onChoose,
}: {
  target: MemoTarget;
  label: string | null;
  onChoose(target: MemoTarget, label: string | null): void;
}) {
  const notify = useNotify();
  const memos = useQuery({ queryKey: memoKeys.list, queryFn: () => invoke('memos:list', {}) });
  const exportAs = async (format: 'md' | 'csv') => {
    try {
      const saved = await invoke('memos:export', { format });
      if (saved.path) notify({ text: t('memo.exported', { path: saved.path }) });
    } catch (e) {
      notify({ text: (e as Error).message, error: true });
    }
  };
  const choose = (m: Memo) => onChoose({ scope: m.scope, ...(m.targetId ? { targetId: m.targetId } : {}) }, m.targetLabel);
  return (
    <div className="memos-tab">
      <MemoEditor key={`${target.scope}:${target.targetId ?? ''}`} target={target} heading={memoHeading(target, label)} />
      <section className="memo-list" aria-labelledby="memo-list-heading">
        <div className="memo-head">
          <h3 id="memo-list-heading">{t('memo.all')}</h3>
          <span>
            {t('memo.export')}{' '}
            <button type="button" onClick={() => void exportAs('md')}>
              {t('memo.exportMd')}
            </button>{' '}
            <button type="button" onClick={() => void exportAs('csv')}>
              {t('memo.exportCsv')}
            </button>
          </span>
        </div>
        {memos.data?.length === 0 && <p className="empty">{t('memo.none')}</p>}
        <ul>
          {target.scope !== 'investigation' && (
            <li>
              <button type="button" className="link" onClick={() => onChoose({ scope: 'investigation' }, null)}>
                {t('memo.investigation')}
              </button>
            </li>
          )}
          {(memos.data ?? []).map((m) => (
            <li key={m.id}>
              <button type="button" className="link" dir="auto" onClick={() => choose(m)}>
                {memoHeading({ scope: m.scope }, m.targetLabel)}
              </button>
              <span className="meta" dir="auto">
                {' '}
                {m.body
                  .split('\n')
                  .find((line) => line.trim())
                  ?.slice(0, 80)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
