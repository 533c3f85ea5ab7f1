import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import type { SettingsView } from '../../shared/settings.ts';
import { invoke } from '../api.ts';
import { shellKeys } from '../shell/investigation-actions.ts';
import { ReportEditor } from './ReportEditor.tsx';
import './reports.css';

export const reportKeys = {
  list: ['reports'] as const,
  report: (id: string) => ['report', id] as const,
  preview: (id: string) => ['report-preview', id] as const,
};

/** The report builder pane: the investigation's reports, a new one from tags or empty, and the editor. */
export function ReportsPane({ tags }: { tags: Tag[] }) {
  const client = useQueryClient();
  const reports = useQuery({ queryKey: reportKeys.list, queryFn: () => invoke('reports:list', {}) });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    try {
      const created = await invoke('reports:create', { title: title.trim() || 'Untitled report', fromTagIds: chosen });
      // A new report starts from the user's defaults in Settings (citation style, redaction).
      const defaults = client.getQueryData<SettingsView>(shellKeys.settings)?.settings;
      const report = defaults
        ? await invoke('reports:update', {
            id: created.id,
            settings: { citationStyle: defaults.citationStyle, redaction: { ...defaults.redaction } },
          })
        : created;
      await client.invalidateQueries({ queryKey: reportKeys.list });
      setOpenId(report.id);
      setCreating(false);
      setTitle('');
      setChosen([]);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (openId) return <ReportEditor id={openId} tags={tags} onClose={() => setOpenId(null)} />;
  return (
    <div className="reports-pane">
      <div className="reports-head">
        <h2>Reports</h2>
        <button type="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
          New report
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
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Conditions in the camps" autoFocus />
          </label>
          <fieldset>
            <legend>One section per tag (leave all unticked for an empty report)</legend>
            {tags.map((t) => (
              <label key={t.id} className="tag-choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(t.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, t.id] : c.filter((x) => x !== t.id)))}
                />
                <span className="swatch" style={{ background: t.color }} /> {t.name} <span className="meta">({t.passageCount})</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            Create report
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
                {r.sectionCount} sections · {r.itemCount} quotes
              </span>
            </button>
          </li>
        ))}
        {reports.data?.length === 0 && !creating && <li className="empty">No reports yet.</li>}
      </ul>
    </div>
  );
}
