import { IsoDateInput } from '../IsoDateInput.tsx';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { mergeReportSettings, type Report, type ReportBody, type ReportSettings, type ReportSettingsPatch } from '../../shared/reports.ts';
import type { StringKey } from '../strings/en.ts';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { ExportPanel, RedactionPanel } from './RedactionPanel.tsx';
import { SectionsEditor } from './SectionsEditor.tsx';
import { reportKeys } from './ReportsPane.tsx';
import { TimelineOption } from './TimelineOption.tsx';

type Tab = 'compose' | 'preview' | 'redaction' | 'export';

/** One report: its title block, sections and items, preview, redaction review and export. */
export function ReportEditor({
  id,
  tags,
  onClose,
  onOpenAtPage,
}: {
  id: string;
  tags: Tag[];
  onClose: () => void;
  onOpenAtPage?: ((passage: PassageView) => void) | undefined;
}) {
  const client = useQueryClient();
  const loaded = useQuery({ queryKey: reportKeys.report(id), queryFn: () => invoke('reports:get', { id }) });
  const passages = useQuery({ queryKey: ['passages', {}], queryFn: () => invoke('passages:list', {}) });
  const [report, setReport] = useState<Report | null>(null);
  const [tab, setTab] = useState<Tab>('compose');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.data) setReport(loaded.data);
  }, [loaded.data]);

  const save = async (patch: { title?: string; subtitle?: string; authorLine?: string; reportDate?: string | null; body?: ReportBody; settings?: ReportSettingsPatch }) => {
    // Shown at once: a controlled checkbox that waited for the save showed its old state meanwhile.
    const { settings } = patch;
    if (settings) setReport((r) => (r ? { ...r, settings: mergeReportSettings(r.settings, settings) } : r));
    try {
      const saved = await invoke('reports:update', { id, ...patch });
      setReport(saved);
      setError(null);
      client.setQueryData(reportKeys.report(id), saved);
      await client.invalidateQueries({ queryKey: reportKeys.preview(id) });
      await client.invalidateQueries({ queryKey: reportKeys.list });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const changeBody = (body: ReportBody) => {
    setReport((r) => (r ? { ...r, body } : r));
    void save({ body });
  };

  if (!report) return <div className="reports-pane">{t('reports.loading')}</div>;
  const byId = new Map<string, PassageView>((passages.data ?? []).map((p) => [p.id, p]));
  const field = (key: 'title' | 'subtitle' | 'authorLine', label: StringKey) => (
    <label>
      {t(label)}
      <input value={report[key]} onChange={(e) => setReport({ ...report, [key]: e.target.value })} onBlur={(e) => void save({ [key]: key === 'title' ? e.target.value || t('reports.untitled') : e.target.value })} />
    </label>
  );
  return (
    <div className="reports-pane report-editor">
      <div className="reports-head">
        <button type="button" onClick={onClose} aria-label={t('reports.all')}>
          ←
        </button>
        <h2 className="report-title">{report.title}</h2>
      </div>
      <div role="tablist" className="report-tabs">
        {(['compose', 'preview', 'redaction', 'export'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
            {t(`reports.tab.${name}`)}
          </button>
        ))}
      </div>
      {error && <p className="error">{error}</p>}
      {tab === 'compose' && (
        <>
          <div className="report-meta">
            {field('title', 'reports.field.title')}
            {field('subtitle', 'reports.field.subtitle')}
            {field('authorLine', 'reports.field.authorLine')}
            <label>
              {t('reports.field.date')}
              <IsoDateInput value={report.reportDate ?? ''} onChange={(value) => void save({ reportDate: value || null })} />
            </label>
            <label>
              {t('reports.citations')}
              <select value={report.settings.citationStyle} onChange={(e) => void save({ settings: { citationStyle: e.target.value as ReportSettings['citationStyle'] } })}>
                <option value="footnote">{t('reports.citations.footnote')}</option>
                <option value="author-date">{t('reports.citations.authorDate')}</option>
              </select>
            </label>
            <label>
              {t('reports.paper')}
              <select value={report.settings.pageSize} onChange={(e) => void save({ settings: { pageSize: e.target.value as ReportSettings['pageSize'] } })}>
                <option value="A4">{t('reports.paper.a4')}</option>
                <option value="Letter">{t('reports.paper.letter')}</option>
              </select>
            </label>
            <label className="inline">
              <input type="checkbox" checked={report.settings.quoteChain} onChange={(e) => void save({ settings: { quoteChain: e.target.checked } })} />
              {t('reports.quoteChain')}
            </label>
            <label className="inline">
              <input type="checkbox" checked={report.settings.custodyAppendix} onChange={(e) => void save({ settings: { custodyAppendix: e.target.checked } })} />
              {t('reports.custodyAppendix')}
            </label>
            <TimelineOption timeline={report.settings.timeline} tags={tags} onChange={(timeline) => void save({ settings: { timeline } })} />
          </div>
          <SectionsEditor body={report.body} passages={byId} allPassages={passages.data ?? []} tags={tags} onChange={changeBody} onOpenAtPage={onOpenAtPage} />
        </>
      )}
      {tab === 'preview' && <Preview id={id} />}
      {tab === 'redaction' && <RedactionPanel id={id} report={report} onSettings={(settings) => void save({ settings })} />}
      {tab === 'export' && (
        <>
          <ExportPanel id={id} />
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (!window.confirm(t('reports.deleteConfirm', { title: report.title }))) return;
              void invoke('reports:delete', { id }).then(async () => {
                await client.invalidateQueries({ queryKey: reportKeys.list });
                onClose();
              });
            }}
          >
            {t('reports.delete')}
          </button>
        </>
      )}
    </div>
  );
}

/** The report exactly as exported (redactions applied), in a sandboxed frame that can run nothing. */
function Preview({ id }: { id: string }) {
  const preview = useQuery({ queryKey: reportKeys.preview(id), queryFn: () => invoke('reports:preview', { id }) });
  // A timeline filter that names no entity (issue 18), say: the message names it.
  if (preview.error)
    return (
      <p className="error" role="alert">
        {preview.error.message}
      </p>
    );
  if (!preview.data) return <p className="meta">{t('reports.rendering')}</p>;
  return <iframe className="report-preview" title={t('reports.preview')} sandbox="" srcDoc={preview.data.html} />;
}
