import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import type { SettingsView } from '../../shared/settings.ts';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { shellKeys } from '../shell/investigation-actions.ts';
import { ReportEditor } from './ReportEditor.tsx';
import './reports.css';

export const reportKeys = {
  list: ['reports'] as const,
  report: (id: string) => ['report', id] as const,
  preview: (id: string) => ['report-preview', id] as const,
};

/** The report builder pane: the investigation's reports, a new one from tags or empty, and the editor. */
export function ReportsPane({ tags, onOpenAtPage }: { tags: Tag[]; onOpenAtPage?: ((passage: PassageView) => void) | undefined }) {
  const client = useQueryClient();
  const reports = useQuery({ queryKey: reportKeys.list, queryFn: () => invoke('reports:list', {}) });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    try {
      // A new report starts from the user's defaults in Settings (citation style, redaction).
      const defaults = client.getQueryData<SettingsView>(shellKeys.settings)?.settings;
      const report = await invoke('reports:create', {
        title: title.trim() || t('reports.untitled'),
        fromTagIds: chosen,
        ...(defaults ? { settings: { citationStyle: defaults.citationStyle, redaction: { ...defaults.redaction } } } : {}),
      });
      await client.invalidateQueries({ queryKey: reportKeys.list });
      setOpenId(report.id);
      setCreating(false);
      setTitle('');
      setChosen([]);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (openId) return <ReportEditor id={openId} tags={tags} onClose={() => setOpenId(null)} onOpenAtPage={onOpenAtPage} />;
  return (
    <div className="reports-pane">
      <div className="reports-head">
        <h2>{t('reports.title')}</h2>
        <button type="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
          {t('reports.new')}
        </button>
      </div>
      {creating && (
        <form
          className="report-new"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label>
            {t('reports.newTitle')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('reports.newTitlePlaceholder')} autoFocus />
          </label>
          <fieldset>
            <legend>{t('reports.newFromTags')}</legend>
            {tags.map((tag) => (
              <label key={tag.id} className="tag-choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(tag.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, tag.id] : c.filter((x) => x !== tag.id)))}
                />
                <span className="swatch" style={{ background: tag.color }} /> {tag.name} <span className="meta">({tag.passageCount})</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            {t('reports.create')}
          </button>
        </form>
      )}
      {error && <p className="error">{error}</p>}
      <ul className="report-list">
        {(reports.data ?? []).map((r) => (
          <li key={r.id}>
            <button type="button" onClick={() => setOpenId(r.id)}>
              <span className="title">{r.title}</span>
              <span className="meta">
                {t('reports.counts', { sections: r.sectionCount, quotes: r.itemCount })}
              </span>
            </button>
          </li>
        ))}
        {reports.data?.length === 0 && !creating && <li className="empty">{t('reports.none')}</li>}
      </ul>
    </div>
  );
}
