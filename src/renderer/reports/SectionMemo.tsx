import { useQuery } from '@tanstack/react-query';
import { invoke } from '../api.ts';
import { memoKeys } from '../analysis/analysis-context.ts';
import { memoHeading } from '../analysis/MemosTab.tsx';
import { t } from '../strings/t.ts';

/** Issue 21: the memo a report section quotes after its commentary, chosen from the investigation's memos. */
export function SectionMemo({ memoId, sectionName, onChange }: { memoId: string | undefined; sectionName: string; onChange(memoId: string | undefined): void }) {
  const memos = useQuery({ queryKey: memoKeys.list, queryFn: () => invoke('memos:list', {}) });
  if (!memos.data?.length && !memoId) return null;
  return (
    <label className="section-memo">
      {t('reports.section.memo')}{' '}
      <select aria-label={t('reports.section.memoOf', { name: sectionName })} value={memoId ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('reports.section.noMemo')}</option>
        {(memos.data ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {memoHeading({ scope: m.scope }, m.targetLabel)}
          </option>
        ))}
      </select>
    </label>
  );
}
