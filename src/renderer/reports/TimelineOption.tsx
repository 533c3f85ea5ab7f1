import { useEffect, useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import type { ReportTimelineSettings } from '../../shared/reports.ts';
import { t } from '../strings/t.ts';
import { TagOptions } from '../codebook/TagOptions.tsx';

/**
 * Issue 18: whether the report carries the timeline section, limited as the timeline view is: to
 * the sources of one tag and to the events naming one entity (any spelling; saved when the field is left).
 */
export function TimelineOption({ timeline, tags, onChange }: { timeline: ReportTimelineSettings; tags: Tag[]; onChange: (patch: Partial<ReportTimelineSettings>) => void }) {
  const [entity, setEntity] = useState(timeline.entities[0] ?? '');
  useEffect(() => setEntity(timeline.entities[0] ?? ''), [timeline.entities]);
  return (
    <>
      <label className="inline">
        <input type="checkbox" checked={timeline.include} onChange={(e) => onChange({ include: e.target.checked })} />
        {t('reports.timeline')}
      </label>
      {timeline.include && (
        <>
          <label>
            {t('reports.timeline.tag')}
            <select value={timeline.tagIds[0] ?? ''} onChange={(e) => onChange({ tagIds: e.target.value ? [e.target.value] : [] })}>
              <option value="">{t('timeline.anyTag')}</option>
              {/* A tag deleted since stays chosen until another is: the export says so rather than widen the timeline. */}
              {timeline.tagIds[0] && !tags.some((tag) => tag.id === timeline.tagIds[0]) && <option value={timeline.tagIds[0]}>{t('reports.timeline.deletedTag')}</option>}
              <TagOptions tags={tags} />
            </select>
          </label>
          <label>
            {t('reports.timeline.entity')}
            <input
              type="search"
              dir="auto"
              value={entity}
              placeholder={t('timeline.entityPlaceholder')}
              onChange={(e) => setEntity(e.target.value)}
              onBlur={() => {
                const name = entity.trim();
                if (name !== (timeline.entities[0] ?? '')) onChange({ entities: name ? [name] : [] });
              }}
            />
          </label>
        </>
      )}
    </>
  );
}
