import { useMemo, useState } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';
import { useDebounced } from '../use-debounced.ts';
import { PassagesView } from './PassagesView.tsx';

interface Props {
  tags: Tag[];
  tagIds: string[];
  text: string;
  onText(text: string): void;
  onClose(): void;
  onOpen(passage: PassageView): void;
}

/** The right-hand panel: passages of the selected tags (any or all of them) and/or matching words. */
export function PassagesPanel({ tags, tagIds, text, onText, onClose, onOpen }: Props) {
  const [match, setMatch] = useState<'any' | 'all'>('any');
  // A tag stands for itself and its subtags (issue 14); this shows the tags' own passages alone.
  const [ownOnly, setOwnOnly] = useState(false);
  const hasSubtags = tagIds.some((id) => tags.some((tag) => tag.parentId === id));
  const words = useDebounced(text, 150);
  const filter = useMemo(() => ({ tagIds, match, text: words, ...(ownOnly && hasSubtags ? { ownOnly: true } : {}) }), [tagIds, match, words, ownOnly, hasSubtags]);
  const names = tagIds.map((id) => tags.find((tag) => tag.id === id)?.name).filter(Boolean);
  const label = [
    names.length ? t('passages.tagged', { tags: names.join(t(match === 'all' ? 'passages.tagsJoinAll' : 'passages.tagsJoinAny')) }) : t('passages.all'),
    words.trim() ? t('passages.matching', { words: words.trim() }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <aside className="right" aria-label={t('passages.view')}>
      <div className="passages-controls">
        <input
          type="search"
          aria-label={t('passages.search')}
          placeholder={t('passages.searchPlaceholder')}
          value={text}
          dir="auto"
          onChange={(e) => onText(e.target.value)}
        />
        {tagIds.length > 1 && (
          <select aria-label={t('passages.match')} value={match} onChange={(e) => setMatch(e.target.value as 'any' | 'all')}>
            <option value="any">{t('passages.matchAny')}</option>
            <option value="all">{t('passages.matchAll')}</option>
          </select>
        )}
        {hasSubtags && (
          <label className="own-only">
            <input type="checkbox" checked={ownOnly} onChange={(e) => setOwnOnly(e.target.checked)} />
            {t('passages.ownOnly')}
          </label>
        )}
        <button type="button" aria-label={t('passages.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <PassagesView label={label} filter={filter} tags={tags} onOpen={onOpen} />
    </aside>
  );
}
