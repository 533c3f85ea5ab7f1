import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';

interface Props {
  label: string;
  passages: PassageView[];
  tags: Tag[];
  loading: boolean;
  onOpen(passage: PassageView): void;
}

/**
 * Passages across documents (of a tag, several tags or a search), each with its document and
 * date; a click opens the document at the passage in the active pane. Virtualised: thousands of
 * passages cost only the rows in view.
 */
export function PassagesView({ label, passages, tags, loading, onOpen }: Props) {
  const scroll = useRef<HTMLDivElement>(null);
  const tagById = new Map(tags.map((tag) => [tag.id, tag]));
  const virtualizer = useVirtualizer({
    count: passages.length,
    getScrollElement: () => scroll.current,
    estimateSize: () => 84,
    overscan: 6,
  });
  return (
    <section className="passage-list" aria-label={label}>
      <h2>
        {label} <span className="count">({passages.length})</span>
      </h2>
      {passages.length === 0 && <p className="empty">{loading ? t('passages.loading') : t('passages.none')}</p>}
      <div className="passage-scroll" ref={scroll}>
        <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const p = passages[item.index]!;
            return (
              <li
                key={p.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
              >
                <button type="button" onClick={() => onOpen(p)}>
                  <span className="quote" dir="auto">
                    <span className="context">…{p.prefix.slice(-24)}</span>
                    <strong>{p.exact.length > 300 ? `${p.exact.slice(0, 300)}…` : p.exact}</strong>
                    <span className="context">{p.suffix.slice(0, 24)}…</span>
                  </span>
                  <span className="meta" dir="auto">
                    {p.documentTitle}
                    {p.documentPublishedAt ? ` · ${p.documentPublishedAt.slice(0, 10)}` : ''}
                    {` · ${p.author ? t('passages.by', { name: p.author }) : t('passages.byUnknown')}`}
                  </span>
                  <span
                    className="swatches"
                    aria-label={t('passages.tags', {
                      names: p.tagIds
                        .map((id) => tagById.get(id)?.name)
                        .filter(Boolean)
                        .join(', '),
                    })}
                  >
                    {p.tagIds.map((id) => (
                      <span key={id} className="swatch" style={{ backgroundColor: tagById.get(id)?.color }} />
                    ))}
                  </span>
                  {p.note && (
                    <span className="note" dir="auto">
                      {p.note}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
