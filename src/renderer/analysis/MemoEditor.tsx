import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { invoke } from '../api.ts';
import { useNotify } from '../notice.ts';
import { useDocuments, usePassages } from '../queries.ts';
import { t } from '../strings/t.ts';
import { memoKeys, type MemoTarget } from './analysis-context.ts';
import { MemoView } from './MemoView.tsx';

/** Edits one memo (Markdown) with a preview; links to documents and, on a document memo, its passages are inserted from lists. */
export function MemoEditor({ target, heading }: { target: MemoTarget; heading: string }) {
  const client = useQueryClient();
  const notify = useNotify();
  const memo = useQuery({
    queryKey: memoKeys.memo(target),
    queryFn: () => invoke('memos:get', { scope: target.scope, ...(target.targetId ? { targetId: target.targetId } : {}) }),
  });
  const [draft, setDraft] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const documents = useDocuments();
  const passages = usePassages({ documentId: target.targetId ?? '' }, target.scope === 'document' && !!target.targetId);
  useEffect(() => setDraft(null), [target.scope, target.targetId]);
  const text = draft ?? memo.data?.body ?? '';

  const insert = (snippet: string) => {
    const el = area.current;
    const at = el?.selectionStart ?? text.length;
    setDraft(`${text.slice(0, at)}${snippet}${text.slice(el?.selectionEnd ?? at)}`);
  };
  const save = async () => {
    try {
      const saved = await invoke('memos:save', {
        scope: target.scope,
        ...(target.targetId ? { targetId: target.targetId } : {}),
        body: text,
      });
      setDraft(null);
      notify({ text: saved ? t('memo.saved') : t('memo.removed') });
      await client.invalidateQueries();
    } catch (e) {
      notify({ text: (e as Error).message, error: true });
    }
  };
  const meta = memo.data
    ? [
        memo.data.author ? t('memo.by', { author: memo.data.author }) : '',
        t('memo.updated', { date: memo.data.updatedAt.slice(0, 10) }),
      ]
        .filter(Boolean)
        .join(' · ')
    : '';

  return (
    <section className="memo-editor" aria-label={heading}>
      <div className="memo-head">
        <h3 dir="auto">{heading}</h3>
        <button type="button" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
          {preview ? t('memo.edit') : t('memo.preview')}
        </button>
      </div>
      {meta && <p className="meta">{meta}</p>}
      {preview ? (
        <MemoView body={text} />
      ) : (
        <>
          <textarea
            ref={area}
            aria-label={t('memo.text')}
            placeholder={t('memo.placeholder')}
            value={text}
            rows={8}
            dir="auto"
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="memo-links">
            <select
              aria-label={t('memo.linkDocument')}
              value=""
              onChange={(e) =>
                e.target.value &&
                insert(`[${documents.data?.find((d) => d.id === e.target.value)?.title ?? ''}](#document/${e.target.value})`)
              }
            >
              <option value="">{t('memo.linkDocument')}</option>
              {(documents.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
            {target.scope === 'document' && (passages.data?.length ?? 0) > 0 && (
              <select
                aria-label={t('memo.linkPassage')}
                value=""
                onChange={(e) =>
                  e.target.value &&
                  insert(
                    `[“${passages.data?.find((p) => p.id === e.target.value)?.exact.slice(0, 40) ?? ''}…”](#passage/${e.target.value})`,
                  )
                }
              >
                <option value="">{t('memo.linkPassage')}</option>
                {(passages.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.exact.slice(0, 60)}
                  </option>
                ))}
              </select>
            )}
          </div>
        </>
      )}
      <button type="button" className="primary" disabled={draft === null} onClick={() => void save()}>
        {t('memo.save')}
      </button>
    </section>
  );
}
