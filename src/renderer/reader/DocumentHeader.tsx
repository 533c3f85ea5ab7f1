import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentFull } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useRun } from '../notice.ts';
import { t } from '../strings/t.ts';

const FIELDS = [
  ['title', 'doc.fieldTitle'],
  ['source', 'doc.fieldSource'],
  ['author', 'doc.fieldAuthor'],
  ['publishedAt', 'doc.fieldDate'],
  ['language', 'doc.fieldLanguage'],
  ['url', 'doc.fieldUrl'],
] as const;
type Field = (typeof FIELDS)[number][0];

interface Props {
  doc: DocumentFull;
  showOriginal: boolean;
  onToggleOriginal(): void;
  showHistory: boolean;
  onToggleHistory(): void;
}

/** Title and metadata of the open document, editable in place (documents:updateMeta). */
export function DocumentHeader({ doc, showOriginal, onToggleOriginal, showHistory, onToggleHistory }: Props) {
  const client = useQueryClient();
  const run = useRun();
  const [draft, setDraft] = useState<Record<Field, string> | null>(null);

  const startEditing = () => setDraft(Object.fromEntries(FIELDS.map(([key]) => [key, doc[key] ?? ''])) as Record<Field, string>);
  const save = async () => {
    if (!draft) return;
    const changes = Object.fromEntries(
      FIELDS.filter(([key]) => draft[key] !== (doc[key] ?? '')).map(([key]) => [key, draft[key]]),
    );
    const saved = await run(async () => {
      if (Object.keys(changes).length) await invoke('documents:updateMeta', { id: doc.id, ...changes });
      return true;
    });
    if (saved) {
      setDraft(null);
      await client.invalidateQueries();
    }
  };

  if (draft) {
    return (
      <form
        className="reader-header editing"
        aria-label={t('doc.details')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
      >
        {FIELDS.map(([key, label]) => (
          <label key={key}>
            <span>{t(label)}</span>
            <input
              dir="auto"
              value={draft[key]}
              placeholder={key === 'publishedAt' ? t('doc.datePlaceholder') : key === 'language' ? t('doc.languagePlaceholder') : ''}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </label>
        ))}
        <div className="actions">
          <button type="button" onClick={() => setDraft(null)}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('doc.saveDetails')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <header className="reader-header">
      <h1 dir="auto" lang={doc.language ?? undefined}>
        {doc.title}
      </h1>
      <p className="meta" dir="auto">
        {[doc.source, doc.author, doc.publishedAt, doc.language, doc.format.toUpperCase()].filter(Boolean).join(' · ')}
        {doc.reviewFlags.length > 0 && <span className="flag"> · {t('doc.needsReview', { flags: doc.reviewFlags.join('; ') })}</span>}
      </p>
      <div className="header-actions">
        <button type="button" className="link" onClick={startEditing}>
          {t('doc.editDetails')}
        </button>
        {doc.originalHtml && (
          <button type="button" className="link" aria-pressed={showOriginal} onClick={onToggleOriginal}>
            {showOriginal ? t('doc.showText') : t('doc.showOriginal')}
          </button>
        )}
        <button type="button" className="link" aria-pressed={showHistory} onClick={onToggleHistory}>
          {showHistory ? t('doc.hideHistory') : t('doc.showHistory')}
        </button>
      </div>
    </header>
  );
}
