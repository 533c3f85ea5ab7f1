import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { invoke } from '../api.ts';
import { useRun } from '../notice.ts';
import { t } from '../strings/t.ts';

interface Props {
  onClose(): void;
}

/**
 * Alias groups (issue 15): names of one person or place in any script; a search for one finds
 * them all. A non-modal popover beside the search box, like the syntax help.
 */
export function AliasPanel({ onClose }: Props) {
  const client = useQueryClient();
  const run = useRun();
  const groups = useQuery({ queryKey: ['aliases'], queryFn: () => invoke('aliases:list', {}) });
  const [names, setNames] = useState('');
  const [problem, setProblem] = useState('');

  const add = async () => {
    const list = names.split('\n').map((n) => n.trim()).filter(Boolean);
    if (list.length < 2) {
      setProblem(t('aliases.needTwo'));
      return;
    }
    setProblem('');
    if (await run(() => invoke('aliases:add', { names: list }))) {
      setNames('');
      // Search results depend on the groups.
      await client.invalidateQueries();
    }
  };
  const remove = async (id: string) => {
    if (await run(() => invoke('aliases:remove', { id }))) await client.invalidateQueries();
  };

  return (
    <div
      className="query-help alias-panel"
      role="dialog"
      aria-label={t('aliases.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="query-help-head">
        <h2>{t('aliases.title')}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('aliases.close')}
        </button>
      </div>
      <p className="meta">{t('aliases.intro')}</p>
      {groups.data && groups.data.length === 0 && <p className="empty">{t('aliases.none')}</p>}
      <ul className="alias-groups">
        {groups.data?.map((group) => (
          <li key={group.id}>
            <span dir="auto">{group.names.join(' = ')}</span>{' '}
            <button type="button" className="link" aria-label={t('aliases.remove', { label: group.label })} onClick={() => void remove(group.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label>
        {t('aliases.names')}
        <textarea dir="auto" rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
      </label>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" onClick={() => void add()}>
        {t('aliases.add')}
      </button>
    </div>
  );
}
