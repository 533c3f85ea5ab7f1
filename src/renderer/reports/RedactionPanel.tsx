import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExportFormat, Report, ReportSettingsPatch } from '../../shared/reports.ts';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { reportKeys } from './ReportsPane.tsx';

/**
 * Redaction review: what to look for (e-mails, phones, a list of names and terms), then every hit
 * with its context, each to keep or redact. Redacted text is replaced before rendering, so it is
 * absent from every export, not covered.
 */
export function RedactionPanel({ id, report, onSettings }: { id: string; report: Report; onSettings: (s: ReportSettingsPatch) => void }) {
  const rules = report.settings.redaction;
  const preview = useQuery({ queryKey: reportKeys.preview(id), queryFn: () => invoke('reports:preview', { id }) });
  const [terms, setTerms] = useState(rules.terms.join('\n'));
  // The decision shows at once; the preview (and its hit list) follows when main has re-rendered.
  const [decided, setDecided] = useState<Record<string, boolean>>({});
  const hits = preview.data?.hits ?? [];
  const keep = new Set(rules.keep);
  return (
    <div className="redaction">
      <label className="inline">
        <input type="checkbox" checked={rules.emails} onChange={(e) => onSettings({ redaction: { emails: e.target.checked } })} /> {t('reports.redact.emails')}
      </label>
      <label className="inline">
        <input type="checkbox" checked={rules.phones} onChange={(e) => onSettings({ redaction: { phones: e.target.checked } })} /> {t('reports.redact.phones')}
      </label>
      <label>
        {t('reports.redact.terms')}
        <textarea
          aria-label={t('reports.redact.termsLabel')}
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
          onBlur={() => onSettings({ redaction: { terms: terms.split('\n').map((term) => term.trim()).filter(Boolean) } })}
        />
      </label>
      <h3>
        {t('reports.redact.counts', { redacted: hits.filter((h) => h.redact).length, kept: hits.filter((h) => !h.redact).length })}
      </h3>
      <ul className="hits">
        {hits.map((hit) => (
          <li key={hit.id} className={(decided[hit.id] ?? hit.redact) ? 'hit redact' : 'hit keep'}>
            <label className="inline">
              <input
                type="checkbox"
                checked={decided[hit.id] ?? hit.redact}
                aria-label={t('reports.redact.hit', { kind: hit.kind, where: hit.where })}
                onChange={(e) => {
                  setDecided((d) => ({ ...d, [hit.id]: e.target.checked }));
                  const next = new Set(keep);
                  if (e.target.checked) next.delete(hit.id);
                  else next.add(hit.id);
                  onSettings({ redaction: { keep: [...next] } });
                }}
              />
              <span className="kind">{hit.kind}</span> <span className="meta">{hit.where}</span>
            </label>
            <div className="context" dir="auto">
              {hit.context}
            </div>
          </li>
        ))}
        {hits.length === 0 && <li className="empty">{t('reports.redact.none')}</li>}
      </ul>
    </div>
  );
}

const FORMATS: (ExportFormat | 'redaction-log')[] = ['pdf', 'docx', 'html', 'md', 'csv', 'json', 'qdpx', 'redaction-log'];

/** Export with the report's redaction rules; main asks where to save. */
export function ExportPanel({ id }: { id: string }) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const run = async (format: ExportFormat | 'redaction-log') => {
    setStatus({ text: t('reports.export.busy') });
    try {
      const result = await invoke('reports:export', { id, format });
      setStatus(result.path ? { text: t('reports.export.saved', { path: result.path, redacted: result.redacted }) } : null);
    } catch (e) {
      setStatus({ text: (e as Error).message, error: true });
    }
  };
  return (
    <div className="export">
      <p className="meta">{t('reports.export.note')}</p>
      {FORMATS.map((format) => (
        <button key={format} type="button" onClick={() => void run(format)}>
          {t('reports.export.button', { format: t(`reports.format.${format}`) })}
        </button>
      ))}
      {status && <p className={status.error ? 'error' : 'meta'}>{status.text}</p>}
    </div>
  );
}
