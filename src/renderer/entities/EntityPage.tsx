import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EntitySummary } from '../../shared/entities.ts';
import { invoke } from '../api.ts';
import { useRun } from '../notice.ts';
import { t, tn } from '../strings/t.ts';
import { useEntity } from './entity-queries.ts';

interface Props {
  id: string;
  all: EntitySummary[];
  onBack(): void;
  /** Another entity is shown (after a merge or split). */
  onShow(id: string): void;
  onOpen(documentId: string, at: { start: number; end: number }): void;
}

/** Issue 18: one entity, its spellings and mentions in context by document, and the user's corrections. */
export function EntityPage({ id, all, onBack, onShow, onOpen }: Props) {
  const client = useQueryClient();
  const run = useRun();
  const entity = useEntity(id);
  const [label, setLabel] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [splitting, setSplitting] = useState<Set<string>>(new Set());
  const [splitLabel, setSplitLabel] = useState('');
  const after = async (next?: string) => {
    await client.invalidateQueries();
    if (next && next !== id) onShow(next);
  };
  const d = entity.data;
  if (entity.error) {
    return (
      <div className="entity-page">
        <button type="button" className="link" onClick={onBack}>
          {t('entities.back')}
        </button>
        <p className="error" role="alert">
          {entity.error.message}
        </p>
      </div>
    );
  }
  if (!d) return null;
  return (
    <div className="entity-page">
      <button type="button" className="link" onClick={onBack}>
        {t('entities.back')}
      </button>
      <h3 dir="auto">
        {d.label} <span className="meta">{t(`entities.type.${d.type}`)} · {tn('entities.docs', d.documents)}</span>
      </h3>
      <p className="meta" dir="auto">
        {t('entities.spellings')}: {d.spellings.join(' · ')}
      </p>
      <form
        className="entity-action"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim()) void run(() => invoke('entities:rename', { id, label: label.trim() })).then(() => (setLabel(''), after()));
        }}
      >
        <input aria-label={t('entities.renameLabel')} placeholder={d.label} dir="auto" value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit">{t('entities.rename')}</button>
      </form>
      <form
        className="entity-action"
        onSubmit={(e) => {
          e.preventDefault();
          if (mergeInto) void run(() => invoke('entities:merge', { sourceId: id, targetId: mergeInto })).then((r) => r && after(r.id));
        }}
      >
        <select aria-label={t('entities.mergeLabel')} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">{t('entities.merge')}</option>
          {all
            .filter((o) => o.id !== id)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.label} ({t(`entities.type.${o.type}`)})
              </option>
            ))}
        </select>
        <button type="submit" disabled={!mergeInto}>
          {t('entities.mergeDo')}
        </button>
      </form>
      {d.spellings.length > 1 && (
        <form
          className="entity-action entity-split"
          onSubmit={(e) => {
            e.preventDefault();
            if (splitting.size && splitLabel.trim())
              void run(() => invoke('entities:split', { id, spellings: [...splitting], label: splitLabel.trim() })).then((r) => r && (setSplitting(new Set()), after(r.id)));
          }}
        >
          <p className="meta">{t('entities.splitHint')}</p>
          {d.spellings.map((s) => (
            <label key={s} dir="auto">
              <input
                type="checkbox"
                checked={splitting.has(s)}
                onChange={(e) => {
                  const next = new Set(splitting);
                  if (e.target.checked) next.add(s);
                  else next.delete(s);
                  setSplitting(next);
                }}
              />{' '}
              {s}
            </label>
          ))}
          <input aria-label={t('entities.splitLabel')} dir="auto" value={splitLabel} onChange={(e) => setSplitLabel(e.target.value)} />
          <button type="submit" disabled={!splitting.size || !splitLabel.trim()}>
            {t('entities.split')}
          </button>
        </form>
      )}
      {d.byDocument.map((doc) => (
        <section key={doc.documentId} className="entity-document">
          <h4 dir="auto">{doc.title}</h4>
          <ul role="list">
            {doc.mentions.map((m) => (
              <li key={m.id} className="entity-mention">
                <button type="button" className="link mention-context" dir="auto" aria-label={t('entities.mentionOpen', { text: m.text, title: doc.title })} onClick={() => onOpen(doc.documentId, { start: m.start, end: m.end })}>
                  {m.before}
                  <mark>{m.text}</mark>
                  {m.after}
                </button>
                <button type="button" className="link danger" title={t('entities.wrongTitle')} onClick={() => void run(() => invoke('entities:markWrong', { mentionId: m.id })).then(() => after())}>
                  {t('entities.wrong')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
