import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentFull } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useRun } from '../notice.ts';

const FIELDS = [
  ['title', 'Title'],
  ['source', 'Source'],
  ['author', 'Author'],
  ['publishedAt', 'Date'],
  ['language', 'Language'],
  ['url', 'Address'],
] as const;
type Field = (typeof FIELDS)[number][0];

interface Props {
  doc: DocumentFull;
  showOriginal: boolean;
  onToggleOriginal(): void;
}

/** Title and metadata of the open document, editable in place (documents:updateMeta). */
export function DocumentHeader({ doc, showOriginal, onToggleOriginal }: Props) {
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
        aria-label="Document details"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
      >
        {FIELDS.map(([key, label]) => (
          <label key={key}>
            <span>{label}</span>
            <input
              dir="auto"
              value={draft[key]}
              placeholder={key === 'publishedAt' ? 'YYYY-MM-DD' : key === 'language' ? 'en, zh, ug, kk, ru…' : ''}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </label>
        ))}
        <div className="actions">
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save details
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
        {doc.reviewFlags.length > 0 && <span className="flag"> · needs review: {doc.reviewFlags.join('; ')}</span>}
      </p>
      <div className="header-actions">
        <button type="button" className="link" onClick={startEditing}>
          Edit details
        </button>
        {doc.originalHtml && (
          <button type="button" className="link" aria-pressed={showOriginal} onClick={onToggleOriginal}>
            {showOriginal ? 'Show text' : 'Show original'}
          </button>
        )}
      </div>
    </header>
  );
}
