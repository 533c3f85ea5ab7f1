import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentFull } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useNotify, useRun } from '../notice.ts';
import { t } from '../strings/t.ts';
import { fileOwnFields } from './file-fields.ts';
import { useAnalysis } from '../analysis/analysis-context.ts';

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
  const analysis = useAnalysis();
  const notify = useNotify();
  const [draft, setDraft] = useState<Record<Field, string> | null>(null);
  // The service's sentence for a refused save, shown beside the form (issue 14) until a save succeeds.
  const [error, setError] = useState<string | null>(null);
  const fileFields = fileOwnFields(doc.meta);

  const startEditing = () => setDraft(Object.fromEntries(FIELDS.map(([key]) => [key, doc[key] ?? ''])) as Record<Field, string>);
  const stopEditing = () => {
    setDraft(null);
    setError(null);
  };
  const save = async () => {
    if (!draft) return;
    const changes = Object.fromEntries(
      FIELDS.filter(([key]) => draft[key] !== (doc[key] ?? '')).map(([key]) => [key, draft[key]]),
    );
    try {
      if (Object.keys(changes).length) await invoke('documents:updateMeta', { id: doc.id, ...changes });
    } catch (e) {
      const message = e instanceof Error && e.message ? e.message : t('app.genericError');
      setError(message);
      notify({ text: message, error: true });
      return;
    }
    stopEditing();
    // replaces an earlier refusal in the status bar
    notify({ text: t('doc.detailsSaved') });
    await client.invalidateQueries();
  };
  const markReviewed = async () => {
    const done = await run(() => invoke('documents:markReviewed', { id: doc.id }));
    if (done) {
      notify({ text: t('doc.reviewedDone') });
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
        onKeyDown={(e) => e.key === 'Escape' && stopEditing()}
      >
        {FIELDS.map(([key, label]) => (
          <label key={key}>
            <span>{t(label)}</span>
            <input
              dir="auto"
              value={draft[key]}
              placeholder={key === 'publishedAt' ? t('doc.datePlaceholder') : key === 'language' ? t('doc.languagePlaceholder') : ''}
              aria-describedby={key === 'publishedAt' ? `date-hint-${doc.id}` : undefined}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
            {key === 'publishedAt' && (
              <small id={`date-hint-${doc.id}`} className="field-hint">
                {t('doc.dateHint')}
              </small>
            )}
            {fileFields && key === 'title' && fileFields.title && <small className="field-hint">{t('doc.fileSays', { value: fileFields.title })}</small>}
            {fileFields && key === 'author' && fileFields.author && <small className="field-hint">{t('doc.fileSays', { value: fileFields.author })}</small>}
          </label>
        ))}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={stopEditing}>
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
      {fileFields && (
        <p className="meta file-fields" dir="auto">
          {t(fileFields.kind === 'pdf' ? 'doc.pdfFields' : 'doc.docxFields', {
            fields: [
              fileFields.title && t('doc.fileTitle', { value: fileFields.title }),
              fileFields.author && t('doc.fileAuthor', { value: fileFields.author }),
              fileFields.created && t('doc.fileCreated', { value: fileFields.created }),
            ]
              .filter(Boolean)
              .join(' · '),
          })}
        </p>
      )}
      <div className="header-actions">
        {doc.reviewFlags.length > 0 && (
          <button type="button" className="link" onClick={() => void markReviewed()}>
            {t('doc.markReviewed')}
          </button>
        )}
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
        {/* Issue 21: the document's memo, in the analysis pane. */}
        <button type="button" className="link" title={t('memo.buttonTitle')} onClick={() => analysis.open('memos', { scope: 'document', targetId: doc.id })}>
          {t('memo.button')}
        </button>
      </div>
    </header>
  );
}
