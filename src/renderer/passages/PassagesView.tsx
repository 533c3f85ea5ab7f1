import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';
import { usePassageFirstWindow, usePassageRows, type PassageFilter } from './passage-windows.ts';

type Props = {
  label: string;
  tags: Tag[];
  onOpen(passage: PassageView): void;
} & (
  | { filter: PassageFilter }
  /** A short list the caller already holds (issue 21: the passages of an analysis table's cell). */
  | { passages: PassageView[]; loading: boolean }
);

const NO_FILTER: PassageFilter = {};

/**
 * Passages across documents (of a tag, several tags or a search), each with its document and
 * date; a click opens the document at the passage in the active pane. Virtualised: thousands of
 * passages cost only the rows in view, and come from the service a window at a time (issue 17).
 */
export function PassagesView(props: Props) {
  const { label, tags, onOpen } = props;
  const given = 'passages' in props ? props : null;
  const filter = 'filter' in props ? props.filter : NO_FILTER;
  const scroll = useRef<HTMLDivElement>(null);
  const tagById = new Map(tags.map((tag) => [tag.id, tag]));
  const first = usePassageFirstWindow(filter, !given);
  const total = given ? given.passages.length : (first.data?.total ?? 0);
  const loading = given ? given.loading : first.isFetching;
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
  const windowRow = usePassageRows(
    filter,
    first.data,
    given ? [] : items.map((item) => item.index),
  );
  const rowAt = given ? (i: number) => given.passages[i] : windowRow;
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
