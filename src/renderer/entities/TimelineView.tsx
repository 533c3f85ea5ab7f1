import { useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useNotify, useRun } from '../notice.ts';
import { t, tn } from '../strings/t.ts';
import { useDebounced } from '../use-debounced.ts';
import { useTimeline } from './entity-queries.ts';
import { bucketsOf, finer, ZOOMS, type Zoom } from './timeline-buckets.ts';
import { TagOptions } from '../codebook/TagOptions.tsx';

interface Props {
  tags: Tag[];
  /** The entity the timeline starts filtered by (from the entity page). */
  entity?: string | undefined;
  onOpen(documentId: string, at: { start: number; end: number } | null): void;
}

/** Issue 18: the investigation's dated events by period, filtered by tag and entity, zoomable from decades to days. */
export function TimelineView({ tags, entity: initialEntity, onOpen }: Props) {
  const run = useRun();
  const notify = useNotify();
  const [tagId, setTagId] = useState('');
  const [entity, setEntity] = useState(initialEntity ?? '');
  const [zoom, setZoom] = useState<Zoom>('year');
  const [within, setWithin] = useState<string | null>(null);
  const typed = useDebounced(entity.trim(), 300);
  const filter = { ...(tagId ? { tagIds: [tagId] } : {}), ...(typed ? { entities: [typed] } : {}) };
  const timeline = useTimeline(filter);
  const buckets = bucketsOf(timeline.data?.events ?? [], zoom, within);
  const exportCsv = async () => {
    const result = await run(() => invoke('timeline:export', filter));
    if (result?.path) notify({ text: t('timeline.exported', { path: result.path, n: result.events }) });
  };

  return (
    <div className="timeline">
      <div className="timeline-controls">
        <label>
          {t('timeline.tag')}
          <select value={tagId} onChange={(e) => setTagId(e.target.value)}>
            <option value="">{t('timeline.anyTag')}</option>
            <TagOptions tags={tags} />
          </select>
        </label>
        <label>
          {t('timeline.entity')}
          <input type="search" dir="auto" value={entity} placeholder={t('timeline.entityPlaceholder')} onChange={(e) => setEntity(e.target.value)} />
        </label>
        <label>
          {t('timeline.zoom')}
          <select
            value={zoom}
            onChange={(e) => {
              setZoom(e.target.value as Zoom);
              setWithin(null);
            }}
          >
            {ZOOMS.map((z) => (
              <option key={z} value={z}>
                {t(`timeline.zoom.${z}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void exportCsv()}>
          {t('timeline.export')}
        </button>
      </div>
      {within && (
        <button type="button" className="link" onClick={() => setWithin(null)}>
          {t('timeline.clearZoom')}
        </button>
      )}
      {timeline.error && (
        <p className="error" role="alert">
          {timeline.error.message}
        </p>
      )}
      {timeline.data && buckets.length === 0 && <p className="empty">{t('timeline.none')}</p>}
      <ol className="timeline-periods" role="list">
        {buckets.map((bucket) => {
          const next = finer(zoom);
          return (
            <li key={bucket.period} className="timeline-period" aria-label={t('timeline.period', { period: bucket.period })}>
              <h4>
                {next ? (
                  <button
                    type="button"
                    className="link"
                    aria-label={t('timeline.zoomIn', { period: bucket.period })}
                    title={t('timeline.zoomIn', { period: bucket.period })}
                    onClick={() => {
                      setWithin(bucket.period);
                      setZoom(next);
                    }}
                  >
                    {bucket.period}
                  </button>
                ) : (
                  bucket.period
                )}{' '}
                <span className="meta">{tn('timeline.events', bucket.events.length)}</span>
              </h4>
              <ul role="list">
                {bucket.events.map((e, i) => (
                  <li key={`${e.documentId}:${e.kind}:${e.start}:${i}`} className={`timeline-event ${e.kind}`}>
                    <button
                      type="button"
                      className="link"
                      aria-label={t('timeline.open', { date: e.date, title: e.title })}
                      onClick={() => onOpen(e.documentId, e.kind === 'mentioned' ? { start: e.start, end: e.end } : null)}
                    >
                      <span className="timeline-date">{e.date}</span> <span className="meta">{t(`timeline.${e.kind}`)}</span>{' '}
                      <bdi className="timeline-title">{e.title}</bdi>
                    </button>
                    {e.kind === 'mentioned' && (
                      <p className="timeline-context" dir="auto">
                        {e.context.trim()}
                      </p>
                    )}
                    {e.entities.length > 0 && (
                      <p className="meta timeline-entities" dir="auto">
                        {e.entities.map((x) => x.label).join(' · ')}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {(timeline.data?.groups.length ?? 0) > 0 && (
        <section className="timeline-together" aria-labelledby="timeline-together">
          <h4 id="timeline-together">{t('timeline.together')}</h4>
          <ul role="list">
            {timeline.data!.groups.map((g) => (
              <li key={`${g.entityId}:${g.period}`} dir="auto">
                {t('timeline.togetherItem', { period: g.period, label: g.label, docs: tn('entities.docs', g.documentIds.length) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
