import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CITATION_STYLES, FONT_SIZE, IMPORT_LIMIT_MB, LOCK_IDLE_MINUTES, THEMES, type Settings, type SettingsPatch } from '../../shared/settings.ts';
import { RESEARCHER_NAME_MAX } from '../../shared/custody.ts';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { Dialog } from './Dialog.tsx';
import { shellKeys } from './investigation-actions.ts';
import { useSettings } from './theme.ts';
import { ResearcherField } from '../team/ResearcherField.tsx';

interface Draft {
  theme: Settings['theme'];
  readingFontSize: string;
  citationStyle: Settings['citationStyle'];
  emails: boolean;
  phones: boolean;
  terms: string;
  importLimitMb: string;
  researcherName: string;
  lockIdleMinutes: string;
}

const toDraft = (s: Settings): Draft => ({
  theme: s.theme,
  readingFontSize: String(s.readingFontSize),
  citationStyle: s.citationStyle,
  emails: s.redaction.emails,
  phones: s.redaction.phones,
  terms: s.redaction.terms.join('\n'),
  importLimitMb: String(s.importLimitMb),
  researcherName: s.researcherName,
  lockIdleMinutes: String(s.lockIdleMinutes),
});

/** A whole number within limits, or the sentence saying what is allowed. */
function wholeNumber(value: string, label: string, limits: { min: number; max: number }): number | string {
  const n = Number(value);
  return Number.isInteger(n) && n >= limits.min && n <= limits.max ? n : t('settings.range', { label, ...limits });
}

/** Settings (issue 8): saved with settings:update and applied at once; problems shown as sentences. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const client = useQueryClient();
  const settings = useSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const current = draft ?? (settings.data ? toDraft(settings.data.settings) : null);
  const set = (patch: Partial<Draft>) => current && setDraft({ ...current, ...patch });

  const save = async () => {
    if (!current) return;
    const fontSize = wholeNumber(current.readingFontSize, t('settings.fontSize'), FONT_SIZE);
    const limit = wholeNumber(current.importLimitMb, t('settings.importLimit'), IMPORT_LIMIT_MB);
    const idle = wholeNumber(current.lockIdleMinutes, t('lock.idleLabel'), LOCK_IDLE_MINUTES);
    const problem = [fontSize, limit, idle].find((v) => typeof v === 'string');
    if (typeof problem === 'string') {
      setMessage({ text: problem, error: true });
      return;
    }
    const patch: SettingsPatch = {
      theme: current.theme,
      readingFontSize: fontSize as number,
      citationStyle: current.citationStyle,
      redaction: {
        emails: current.emails,
        phones: current.phones,
        terms: current.terms.split('\n').map((s) => s.trim()).filter(Boolean),
      },
      importLimitMb: limit as number,
      researcherName: current.researcherName.trim(),
      lockIdleMinutes: idle as number,
    };
    try {
      const view = await invoke('settings:update', patch);
      client.setQueryData(shellKeys.settings, view);
      setDraft(null);
      setMessage({ text: t('settings.saved'), error: false });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : t('app.genericError'), error: true });
    }
  };

  const problems = settings.data?.problems ?? [];
  return (
    <Dialog title={t('settings.title')} className="settings" onClose={onClose}>
      {settings.error && <p className="error">{settings.error.message}</p>}
      {problems.length > 0 && <p className="error">{t('settings.problems', { list: problems.join(' ') })}</p>}
      {current && (
        <form
          noValidate
          className="form-stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset>
            <legend>{t('settings.appearance')}</legend>
            <div role="radiogroup" aria-label={t('settings.theme')} className="inline-choices">
              {THEMES.map((theme) => (
                <label key={theme}>
                  <input type="radio" name="theme" checked={current.theme === theme} onChange={() => set({ theme })} />
                  {t(`settings.theme.${theme}`)}
                </label>
              ))}
            </div>
            <label>
              {t('settings.fontSize')}
              <input
                type="number"
                min={FONT_SIZE.min}
                max={FONT_SIZE.max}
                value={current.readingFontSize}
                onChange={(e) => set({ readingFontSize: e.target.value })}
              />
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('settings.reports')}</legend>
            <label>
              {t('settings.citation')}
              <select value={current.citationStyle} onChange={(e) => set({ citationStyle: e.target.value as Draft['citationStyle'] })}>
                {CITATION_STYLES.map((style) => (
                  <option key={style} value={style}>
                    {t(`settings.citation.${style}`)}
                  </option>
                ))}
              </select>
            </label>
            <p className="meta">{t('settings.redaction')}</p>
            <label className="inline">
              <input type="checkbox" checked={current.emails} onChange={(e) => set({ emails: e.target.checked })} />
              {t('settings.redactEmails')}
            </label>
            <label className="inline">
              <input type="checkbox" checked={current.phones} onChange={(e) => set({ phones: e.target.checked })} />
              {t('settings.redactPhones')}
            </label>
            <label>
              {t('settings.redactTerms')}
              <textarea rows={3} value={current.terms} onChange={(e) => set({ terms: e.target.value })} />
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('settings.custody')}</legend>
            <label>
              {t('settings.researcherName')}
              <input type="text" maxLength={RESEARCHER_NAME_MAX} value={current.researcherName} onChange={(e) => set({ researcherName: e.target.value })} />
            </label>
            <p className="meta">{t('settings.researcherNameHint')}</p>
            <ResearcherField />
          </fieldset>
          <fieldset>
            <legend>{t('lock.settingsLegend')}</legend>
            <label>
              {t('lock.idleLabel')}
              <input
                type="number"
                min={LOCK_IDLE_MINUTES.min}
                max={LOCK_IDLE_MINUTES.max}
                value={current.lockIdleMinutes}
                onChange={(e) => set({ lockIdleMinutes: e.target.value })}
              />
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('settings.imports')}</legend>
            <label>
              {t('settings.importLimit')}
              <input
                type="number"
                min={IMPORT_LIMIT_MB.min}
                max={IMPORT_LIMIT_MB.max}
                value={current.importLimitMb}
                onChange={(e) => set({ importLimitMb: e.target.value })}
              />
            </label>
          </fieldset>
          {message && (
            <p role="alert" className={message.error ? 'error' : 'ok'}>
              {message.text}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={onClose}>
              {t('settings.close')}
            </button>
            <button type="submit" className="primary">
              {t('settings.save')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
