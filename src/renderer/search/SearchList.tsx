import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { SearchHit, Tag } from '../../shared/domain.ts';
import { HitView, hitTarget, type OpenAt } from './HitView.tsx';
import { t } from '../strings/t.ts';
import { SEARCH_BOX_ID, SEARCH_HITS_ID } from './SearchBox.tsx';

interface Props {
  hits: SearchHit[];
  total: number;
  tags: Tag[];
  onOpen: OpenAt;
  /** Called when the list is scrolled near its end and more hits exist. */
  onMore(): void;
}

/**
 * The hits, virtualised (only the rows in view are in the DOM, measured as they render), so a
 * thousand hits scroll as smoothly as ten. Arrow keys move a roving focus through the hits,
 * Enter opens the focused hit at its best snippet, Up on the first returns to the search box.
 */
export function SearchList({ hits, total, tags, onOpen, onMore }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (i) => hits[i]!.documentId,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hits.length < total && last >= hits.length - 10) onMore();
  }, [last, hits.length, total, onMore]);

  const current = Math.min(active, Math.max(0, hits.length - 1));

  const focusHit = (index: number) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row may only exist after the scroll renders it.
    const tryFocus = (attempts: number) => {
      const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (row) row.focus({ preventScroll: false });
      else if (attempts > 0) requestAnimationFrame(() => tryFocus(attempts - 1));
    };
    tryFocus(5);
  };

  return (
    <div
      ref={scroller}
      id={SEARCH_HITS_ID}
      className="hit-scroll"
      tabIndex={-1}
      onFocus={(e) => {
        if (e.target === e.currentTarget && hits.length > 0) focusHit(current);
      }}
      onKeyDown={(e) => {
        const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
        if (!row) return;
        const index = Number(row.dataset.index);
        if (e.key === 'ArrowDown' && index < hits.length - 1) focusHit(index + 1);
        else if (e.key === 'ArrowUp' && index > 0) focusHit(index - 1);
        else if (e.key === 'ArrowUp') document.getElementById(SEARCH_BOX_ID)?.focus();
        else if (e.key === 'Home') focusHit(0);
        else if (e.key === 'End') focusHit(hits.length - 1);
        else if (e.key === 'Enter' && e.target === row) onOpen(hits[index]!.documentId, hitTarget(hits[index]!));
        else return;
        e.preventDefault();
      }}
    >
      <div role="list" aria-label={t('search.matching')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const hit = hits[item.index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="listitem"
              aria-setsize={total}
              aria-posinset={item.index + 1}
              aria-label={hit.title}
              tabIndex={item.index === current ? 0 : -1}
              className={`hit${item.index === current ? ' current' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
              onFocus={(e) => {
                if (e.target === e.currentTarget) setActive(item.index);
              }}
            >
              <HitView hit={hit} tagById={tagById} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
