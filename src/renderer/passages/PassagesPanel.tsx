import { useState } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { usePassageQuery } from '../queries.ts';
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
  const words = useDebounced(text, 150);
  const query = { tagIds, match, text: words };
  const result = usePassageQuery(query, true);
  const names = tagIds.map((id) => tags.find((t) => t.id === id)?.name).filter(Boolean);
  const label = [
    names.length ? `Passages tagged ${names.join(match === 'all' ? ' and ' : ' or ')}` : 'All passages',
    words.trim() ? `matching “${words.trim()}”` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <aside className="right" aria-label="Passages view">
      <div className="passages-controls">
        <input
          type="search"
          aria-label="Search passages and notes"
          placeholder="Words in passages or notes…"
          value={text}
          dir="auto"
          onChange={(e) => onText(e.target.value)}
        />
        {tagIds.length > 1 && (
          <select aria-label="Match tags" value={match} onChange={(e) => setMatch(e.target.value as 'any' | 'all')}>
            <option value="any">Any of the tags</option>
            <option value="all">All of the tags</option>
          </select>
        )}
        <button type="button" aria-label="Close passages view" onClick={onClose}>
          ×
        </button>
      </div>
      <PassagesView label={label} passages={result.data ?? []} tags={tags} loading={result.isFetching} onOpen={onOpen} />
    </aside>
  );
}
