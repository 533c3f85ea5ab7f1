import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import type { Disagreement } from '../../shared/team.ts';
import { invoke } from '../api.ts';
import { useNotify } from '../notice.ts';
import { t } from '../strings/t.ts';
import { teamKeys } from './team-actions.ts';
import { TagOptions } from '../codebook/TagOptions.tsx';

const figure = (v: number | null, percent = false) =>
  v === null ? t('team.na') : percent ? `${(v * 100).toFixed(1)} %` : v.toFixed(3);

/**
 * Inter-coder agreement on one tag between two researchers (issue 21, item 7): the three figures,
 * the unit they count, and the disagreements, each opening side by side in the two panes.
 */
export function AgreementSection({ tags, onOpen }: { tags: Tag[]; onOpen(d: Disagreement): void }) {
  const notify = useNotify();
  const researchers = useQuery({ queryKey: teamKeys.researchers, queryFn: () => invoke('team:researchers', {}) });
  const [tagId, setTagId] = useState('');
  const [picked, setPicked] = useState<[string, string] | null>(null);
  const names = researchers.data ?? [];
  const coders: [string, string] | null = picked ?? (names.length >= 2 ? [names[0]!, names[1]!] : null);
  const ready = Boolean(tagId && coders && coders[0] !== coders[1]);
  const report = useQuery({
    queryKey: teamKeys.agreement(tagId, coders ?? []),
    queryFn: () => invoke('team:agreement', { tagId, coders: coders! }),
    enabled: ready,
  });
  const exportCsv = async () => {
    try {
      const written = await invoke('team:exportAgreement', { tagId, coders: coders! });
      if (written.path) notify({ text: t('team.exported', { path: written.path }) });
    } catch (e) {
      notify({ text: e instanceof Error ? e.message : t('app.genericError'), error: true });
    }
  };
  const pick = (i: 0 | 1, name: string) => {
    const next: [string, string] = coders ? [...coders] : [name, name];
    next[i] = name;
    setPicked(next);
  };
  const r = report.data;
  return (
    <section className="team-section" aria-labelledby="agreement-heading">
      <h3 id="agreement-heading">{t('team.agreement')}</h3>
      {names.length < 2 ? (
        <p className="meta">{t('team.needTwo', { names: names.join(', ') || t('team.noOne') })}</p>
      ) : (
        <div className="form-stack">
          <label>
            {t('team.tag')}
            <select value={tagId} onChange={(e) => setTagId(e.target.value)}>
              <option value="">{t('team.chooseTag')}</option>
              <TagOptions tags={tags} />
            </select>
          </label>
          {([0, 1] as const).map((i) => (
            <label key={i}>
              {t(i === 0 ? 'team.coder1' : 'team.coder2')}
              <select value={coders?.[i] ?? ''} onChange={(e) => pick(i, e.target.value)}>
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {report.error && <p className="error">{report.error.message}</p>}
      {r && (
        <div className="agreement-result">
          <dl className="figures">
            <div>
              <dt>{t('team.percent')}</dt>
              <dd data-figure="percent">{figure(r.percent, true)}</dd>
            </div>
            <div>
              <dt>{t('team.kappa')}</dt>
              <dd data-figure="kappa">{figure(r.kappa)}</dd>
            </div>
            <div>
              <dt>{t('team.alpha')}</dt>
              <dd data-figure="alpha">{figure(r.alpha)}</dd>
            </div>
          </dl>
          <p className="meta">{t('team.documents', { n: r.documents.length })}</p>
          <p className="meta">{t('team.unit', { unit: r.unit })}</p>
          <p className="meta">
            {t('team.counts', {
              both: r.counts.both,
              first: r.coders[0],
              firstOnly: r.counts.firstOnly,
              second: r.coders[1],
              secondOnly: r.counts.secondOnly,
              neither: r.counts.neither,
            })}
          </p>
          <h4>{t('team.disagreements', { n: r.disagreements.length })}</h4>
          {r.disagreements.length === 0 ? (
            <p className="meta">{t('team.noDisagreements')}</p>
          ) : (
            <ul className="disagreements">
              {r.disagreements.map((d) => (
                <li key={`${d.documentId}:${d.start}`}>
                  <button type="button" title={t('team.openSideBySide')} onClick={() => onOpen(d)}>
                    <span className="quote" dir="auto">
                      {d.text.length > 200 ? `${d.text.slice(0, 200)}…` : d.text}
                    </span>
                    <span className="meta" dir="auto">
                      {d.documentTitle} · {t('team.codedOnlyBy', { name: d.codedBy })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => void exportCsv()}>
            {t('team.exportCsv')}
          </button>
        </div>
      )}
    </section>
  );
}
