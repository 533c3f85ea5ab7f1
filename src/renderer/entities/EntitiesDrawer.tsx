import { useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import { ENTITY_TYPES } from '../../shared/entities.ts';
import { t, tn } from '../strings/t.ts';
import { EntityPage } from './EntityPage.tsx';
import { useEntities, useEntityProgress } from './entity-queries.ts';
import { TimelineView } from './TimelineView.tsx';
import './entities.css';

interface Props {
  tags: Tag[];
  onClose(): void;
  onOpen(documentId: string, at: { start: number; end: number } | null): void;
}

/** Issue 18: the entities of the investigation by type (each opening its page) and the timeline. */
export function EntitiesDrawer({ tags, onClose, onOpen }: Props) {
  const [tab, setTab] = useState<'entities' | 'timeline'>('entities');
  const [shown, setShown] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const entities = useEntities();
  const progress = useEntityProgress();
  const all = entities.data ?? [];
  const wanted = filter.trim().toLowerCase();
  const matching = wanted ? all.filter((e) => e.label.toLowerCase().includes(wanted) || e.spellings.some((s) => s.toLowerCase().includes(wanted))) : all;

  return (
    <section className="entities-pane" aria-label={t('entities.pane')}>
      <div className="entities-head" role="tablist">
        {(['entities', 'timeline'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
            {t(`entities.tab.${k}`)}
          </button>
        ))}
        <button type="button" className="drawer-close" aria-label={t('entities.close')} title={t('entities.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {progress?.running && (
        <p className="meta" role="status">
          {t('entities.progress', { done: progress.done, total: progress.total })}
        </p>
      )}
      {tab === 'timeline' && <TimelineView tags={tags} onOpen={onOpen} />}
      {tab === 'entities' && shown && <EntityPage id={shown} all={all} onBack={() => setShown(null)} onShow={setShown} onOpen={onOpen} />}
      {tab === 'entities' && !shown && (
        <div className="entity-list">
          <input type="search" aria-label={t('entities.filter')} placeholder={t('entities.filter')} dir="auto" value={filter} onChange={(e) => setFilter(e.target.value)} />
          {entities.data && all.length === 0 && <p className="empty">{t('entities.none')}</p>}
          {ENTITY_TYPES.map((type) => {
            const list = matching.filter((e) => e.type === type);
            if (list.length === 0) return null;
            return (
              <section key={type} aria-labelledby={`entities-${type}`}>
                <h3 id={`entities-${type}`}>{t(`entities.type.${type}`)}</h3>
                <ul role="list">
                  {list.map((e) => (
                    <li key={e.id}>
                      <button type="button" className="link" aria-label={t('entities.open', { label: e.label, docs: tn('entities.docs', e.documents) })} onClick={() => setShown(e.id)}>
                        <bdi>{e.label}</bdi> <span className="count">{e.documents}</span>
                      </button>{' '}
                      <span className="meta" dir="auto">
                        {e.spellings.filter((s) => s !== e.label).slice(0, 4).join(' · ')}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}
