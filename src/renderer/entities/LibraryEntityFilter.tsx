import { useEffect } from 'react';
import { ENTITY_TYPES } from '../../shared/entities.ts';
import { t } from '../strings/t.ts';
import { useEntities, useEntityProgress } from './entity-queries.ts';

interface Props {
  /** The entity chosen ('' for any). */
  value: string;
  /** The library filters in SQL by the entity's id (issue 17's paged library, store/library-query.ts). */
  onChange(entityId: string): void;
}

/** Issue 18: the library's entity facet: people, places, organisations and facilities with their document counts. */
export function LibraryEntityFilter({ value, onChange }: Props) {
  useEntityProgress();
  const entities = useEntities();
  const all = entities.data ?? [];
  // An entity merged into another or gone after a correction: back to any entity.
  useEffect(() => {
    if (value && entities.data && !entities.data.some((e) => e.id === value)) onChange('');
  }, [value, entities.data, onChange]);
  if (all.length === 0) return null;
  return (
    <select aria-label={t('entities.library')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('entities.libraryAny')}</option>
      {ENTITY_TYPES.map((type) => {
        const list = all.filter((e) => e.type === type).slice(0, 100);
        return list.length ? (
          <optgroup key={type} label={t(`entities.type.${type}`)}>
            {list.map((e) => (
              <option key={e.id} value={e.id}>
                {t('entities.libraryOption', { label: e.label, n: e.documents })}
              </option>
            ))}
          </optgroup>
        ) : null;
      })}
    </select>
  );
}
