import { useQuery } from '@tanstack/react-query';
import type { Tag } from '../../shared/domain.ts';
import type { Disagreement, MergeSummary } from '../../shared/team.ts';
import { useNotify } from '../notice.ts';
import { t } from '../strings/t.ts';
import { AgreementSection } from './AgreementSection.tsx';
import { teamKeys, useMerge } from './team-actions.ts';
import './team.css';

/** The Team pane (issue 21): merge a colleague's copy and settle its conflicts; inter-coder agreement. */
export function TeamPane({ tags, onOpenSideBySide }: { tags: Tag[]; onOpenSideBySide(d: Disagreement): void }) {
  const notify = useNotify();
  const merge = useMerge(notify);
  // Set by a merge from here or from the investigation menu; never fetched.
  const last = useQuery<MergeSummary | null>({ queryKey: teamKeys.lastMerge, queryFn: () => null, staleTime: Infinity });
  const summary = last.data;
  return (
    <div className="team-pane" aria-label={t('team.title')}>
      <h2>{t('team.title')}</h2>
      <section className="team-section" aria-labelledby="merge-heading">
        <h3 id="merge-heading">{t('team.merge')}</h3>
        <p className="meta">{t('team.mergeHint')}</p>
        <button type="button" className="primary" onClick={() => void merge()}>
          {t('team.merge')}
        </button>
        {summary && summary.conflicts.length > 0 && (
          <>
            <h4>{t('team.conflicts')}</h4>
            <ul className="conflicts">
              {summary.conflicts.map((c, i) => (
                <li key={i} dir="auto">
                  {t('team.conflict', { kind: c.kind, what: c.what, ours: c.ours, theirs: c.theirs, resolution: c.resolution })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <AgreementSection tags={tags} onOpen={onOpenSideBySide} />
    </div>
  );
}
