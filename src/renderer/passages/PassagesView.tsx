import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';
import { usePassageFirstWindow, usePassageRows, type PassageFilter } from './passage-windows.ts';

interface Props {
  label: string;
  filter: PassageFilter;
  tags: Tag[];
  onOpen(passage: PassageView): void;
}

/**
 * Passages across documents (of a tag, several tags or a search), each with its document and
 * date; a click opens the document at the passage in the active pane. Virtualised: thousands of
 * passages cost only the rows in view, and come from the service a window at a time (issue 17).
 */
export function PassagesView({ label, filter, tags, onOpen }: Props) {
  const scroll = useRef<HTMLDivElement>(null);
  const tagById = new Map(tags.map((tag) => [tag.id, tag]));
  const first = usePassageFirstWindow(filter);
  const total = first.data?.total ?? 0;
  const loading = first.isFetching;
  // Rows of later windows are keyed by position until they come (the key is read when the virtualizer lays out).
  const keyAt = useRef<(i: number) => string | undefined>(() => undefined);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroll.current,
    estimateSize: () => 84,
    overscan: 6,
    getItemKey: (i) => keyAt.current(i) ?? `row-${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const rowAt = usePassageRows(
    filter,
    first.data,
    items.map((item) => item.index),
  );
  keyAt.current = (i) => rowAt(i)?.id;
  return (
    <section className="passage-list" aria-label={label}>
      <h2>
        {label} <span className="count">({total})</span>
      </h2>
      {total === 0 && <p className="empty">{loading ? t('passages.loading') : t('passages.none')}</p>}
      <div className="passage-scroll" ref={scroll}>
        <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const p = rowAt(item.index);
            const place = { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` } as const;
            if (!p) {
              return (
                <li key={item.key} data-index={item.index} style={place} className="loading">
                  <span className="meta">{t('passages.loading')}</span>
                </li>
              );
            }
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={place}
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
