import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RESEARCHER_NAME_MAX } from '../../shared/custody.ts';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { teamKeys } from './team-actions.ts';

/**
 * The researcher name of the open investigation (issue 21), in Settings beside the user's own
 * name: it names the coder of every passage made here. Hidden when no investigation is open.
 */
export function ResearcherField() {
  const client = useQueryClient();
  const current = useQuery({ queryKey: teamKeys.researcher, queryFn: () => invoke('team:researcher', {}), retry: false });
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!current.data) return null;
  const value = draft ?? current.data.investigation ?? '';
  const save = async () => {
    try {
      const view = await invoke('team:setResearcher', { name: value.trim() });
      client.setQueryData(teamKeys.researcher, view);
      setDraft(null);
      setMessage({
        text: view.investigation ? t('team.researcherSaved', { name: view.investigation }) : t('team.researcherCleared'),
        error: false,
      });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : t('app.genericError'), error: true });
    }
  };
  return (
    <div className="researcher-field">
      <label>
        {t('team.researcherLabel')}
        <span className="inline-row">
          <input type="text" maxLength={RESEARCHER_NAME_MAX} value={value} onChange={(e) => setDraft(e.target.value)} />
          <button type="button" onClick={() => void save()}>
            {t('team.researcherSave')}
          </button>
        </span>
      </label>
      <p className="meta">{t('team.researcherHint')}</p>
      {message && <p className={message.error ? 'error' : 'ok'}>{message.text}</p>}
    </div>
  );
}
