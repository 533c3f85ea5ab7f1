import { useState } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { t, tn } from '../strings/t.ts';

interface Props {
  passages: PassageView[];
  tagById: Map<string, Tag>;
  onChoose(passage: PassageView, at: { x: number; y: number }): void;
}

/**
 * The passages of the open document as a list: the keyboard and screen-reader way to reach a
 * highlight, its tags and its note (a click on the highlight does the same with the mouse).
 */
export function DocumentPassages({ passages, tagById, onChoose }: Props) {
  const [open, setOpen] = useState(false);
  if (passages.length === 0) return null;
  return (
    <details className="doc-passages" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{tn('reader.passages.count', passages.length)}</summary>
      {open && (
        <ul aria-label={t('reader.passages.list')}>
          {passages.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={(e) => {
                  const rect = e.currentTarget.getBoundingClientRect();
                  onChoose(p, { x: rect.left, y: rect.bottom });
                }}
              >
                <span dir="auto">“{p.exact.length > 80 ? `${p.exact.slice(0, 80)}…` : p.exact}”</span>
                <span className="meta">
                  {p.tagIds
                    .map((id) => tagById.get(id)?.name)
                    .filter(Boolean)
                    .join(', ') || t('reader.passages.noTags')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
