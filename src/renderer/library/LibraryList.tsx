import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { DOCUMENT_FORMATS, type DeletionImpact, type DocumentFormat, type Tag } from '../../shared/domain.ts';
import type { LibrarySort } from '../../shared/library.ts';
import { invoke } from '../api.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useNotify, useRun } from '../notice.ts';
import { useLibraryFirstWindow, useLibraryRows, type LibraryFilters } from './library-windows.ts';
import { t, tn } from '../strings/t.ts';
import { LibraryEntityFilter } from '../entities/LibraryEntityFilter.tsx';
import { TagOptions } from '../codebook/TagOptions.tsx';

interface Props {
  tags: Tag[];
  openIds: string[];
  onOpen(id: string): void;
}

/** A row with a one-line title; two-line titles (issue 14, item 11) are measured as they render. */
const ROW = 54;

/**
 * The library: virtualised, sortable, filterable, with multi-select delete. Rows come from the
 * service a window at a time as the list scrolls (issue 17); selection is kept by document id.
 */
export function LibraryList({ tags, openIds, onOpen }: Props) {
  const client = useQueryClient();
  const run = useRun();
  const notify = useNotify();
  const scroll = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<LibrarySort>('imported');
  const [tagId, setTagId] = useState('');
  const [language, setLanguage] = useState('');
  const [format, setFormat] = useState('');
  const [flagged, setFlagged] = useState(false);
  const [entityId, setEntityId] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  /** What the deletion would take, asked of the service when the user asks to delete (issue 14). */
  const [confirming, setConfirming] = useState<DeletionImpact | null>(null);
  const filters = useMemo<LibraryFilters>(
    () => ({
      ...(tagId ? { tagId } : {}),
      ...(language ? { language } : {}),
      ...(format ? { format: format as DocumentFormat } : {}),
      ...(flagged ? { flagged } : {}),
      ...(entityId ? { entityId } : {}),
    }),
    [tagId, language, format, flagged, entityId],
  );
  const first = useLibraryFirstWindow(sort, filters);
  const total = first.data?.total ?? 0;
  const all = first.data?.all ?? 0;
  const languages = first.data?.languages?.map((l) => l.value) ?? [];
  // The previous first window shows while another order loads; rows of later windows are keyed by position until they come.
  const rowAt = useRef<(i: number) => string | undefined>(() => undefined);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroll.current,
    estimateSize: () => ROW,
    overscan: 10,
    getItemKey: (i) => rowAt.current(i) ?? `row-${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const row = useLibraryRows(
    sort,
    filters,
    first.data,
    items.map((item) => item.index),
  );
  rowAt.current = (i) => row(i)?.id;

  const askToDelete = async () => {
    const impact = await run(() => invoke('documents:deleteImpact', { ids: [...selected] }));
    if (impact) setConfirming(impact);
  };
  const remove = async () => {
    setConfirming(null);
    const result = await run(() => invoke('documents:delete', { ids: [...selected] }));
    if (!result) return;
    setSelected(new Set());
    const deleted = t('library.deleted', { documents: tn('library.count', result.deleted), passages: tn('library.passages', result.passagesRemoved) });
    const kept = result.quotesKept ? ` ${tn('library.quotesKept', result.quotesKept)}` : '';
    notify({ text: `${deleted}${kept}${result.undoable ? ` ${t('library.canUndo')}` : ''}` });
    await client.invalidateQueries();
  };

  if (first.data && all === 0) {
    return <p className="empty">{t('library.empty')}</p>;
  }
  return (
    <div className="library">
      <div className="library-controls">
        <label>
          <span className="visually-hidden">{t('library.sortBy')}</span>
          <select aria-label={t('library.sortBy')} value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
            <option value="imported">{t('library.sortImported')}</option>
            <option value="title">{t('library.sortTitle')}</option>
            <option value="date">{t('library.sortDate')}</option>
            <option value="source">{t('library.sortSource')}</option>
          </select>
        </label>
        <select aria-label={t('library.filterTag')} value={tagId} onChange={(e) => setTagId(e.target.value)}>
          <option value="">{t('library.anyTag')}</option>
          <TagOptions tags={tags} />
        </select>
        <select aria-label={t('library.filterLanguage')} value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('library.anyLanguage')}</option>
          {languages.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
        <select aria-label={t('library.filterFormat')} value={format} onChange={(e) => setFormat(e.target.value)}>
          <option value="">{t('library.anyFormat')}</option>
          {DOCUMENT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f.toUpperCase()}
            </option>
          ))}
        </select>
        <LibraryEntityFilter value={entityId} onChange={setEntityId} />
        <label className="inline">
          <input type="checkbox" checked={flagged} onChange={(e) => setFlagged(e.target.checked)} /> {t('library.needsReview')}
        </label>
      </div>
      <p className="meta library-count" aria-live="polite">
        {total === all ? tn('library.count', all) : t('library.countFiltered', { shown: total, total: all })}
        {selected.size > 0 && (
          <>
            {' · '}
            <button type="button" className="link danger" onClick={() => void askToDelete()}>
              {t('library.deleteSelected', { n: selected.size })}
            </button>
          </>
        )}
      </p>
      <div className="library-scroll" ref={scroll}>
        <ul className="doc-list" aria-label={t('layout.library')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const d = row(item.index);
            const place = {
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
            } as const;
            if (!d) {
              return (
                <li key={item.key} data-index={item.index} style={place} className="loading">
                  <span className="meta">{t('library.row.loading')}</span>
                </li>
              );
            }
            const open = openIds.includes(d.id);
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={place}
              >
                <input
                  type="checkbox"
                  aria-label={t('library.select', { title: d.title })}
                  checked={selected.has(d.id)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(d.id);
                    else next.delete(d.id);
                    setSelected(next);
                  }}
                />
                <button
                  type="button"
                  className={open ? 'selected' : undefined}
                  data-doc-id={d.id}
                  title={d.title}
                  onClick={() => onOpen(d.id)}
                  aria-current={open}
                >
                  <span className="title" dir="auto">
                    {d.title}
                  </span>
                  <span className="meta">
                    {[
                      d.format.toUpperCase(),
                      d.language,
                      d.publishedAt?.slice(0, 10),
                      d.source,
                      d.passageCount ? tn('reader.passages.count', d.passageCount) : null,
                      d.reviewFlags.length ? t('library.row.needsReview') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {confirming && (
        <ConfirmDialog
          title={tn('library.deleteTitle', confirming.documents.length)}
          message={tn('library.deleteMessage', confirming.documents.length, {
            documents: tn('library.count', confirming.documents.length),
            passages: tn('library.taggedPassages', confirming.passages),
          })}
          details={
            confirming.reports.length > 0 && (
              <>
                <p>{t('library.deleteQuoted')}</p>
                <ul className="quoted-reports">
                  {confirming.reports.map((r) => (
                    <li key={r.reportId} dir="auto">
                      {t('library.reportQuotes', { title: r.title, quotes: tn('library.quotes', r.quotes) })}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
          confirmLabel={t('library.deleteConfirm')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void remove()}
        />
      )}
    </div>
  );
}
