import { useEffect, useState } from 'react';
import { ENTITY_TYPES } from '../../shared/entities.ts';
import { t } from '../strings/t.ts';
import { useEntities, useEntity, useEntityProgress } from './entity-queries.ts';

interface Props {
  /** The ids of the documents naming the chosen entity, or null for any. */
  onChange(documentIds: Set<string> | null): void;
}

/** Issue 18: the library's entity facet: people, places, organisations and facilities with their document counts. */
export function LibraryEntityFilter({ onChange }: Props) {
  useEntityProgress();
  const entities = useEntities();
  const [id, setId] = useState('');
  const detail = useEntity(id || null);
  useEffect(() => {
    if (!id) onChange(null);
    else if (detail.data) onChange(new Set(detail.data.byDocument.map((d) => d.documentId)));
    else if (detail.error) setId('');
  }, [id, detail.data, detail.error, onChange]);
  const all = entities.data ?? [];
  if (all.length === 0) return null;
  return (
    <select aria-label={t('entities.library')} value={id} onChange={(e) => setId(e.target.value)}>
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
