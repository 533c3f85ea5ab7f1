import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useRun } from '../notice.ts';

interface Props {
  passages: PassageView[];
  tags: Tag[];
  position: { x: number; y: number };
  onClose(): void;
}

/** Opens on a click on a highlight: the passages there, their tags and note, to edit or delete. */
export function PassageEditor({ passages, tags, position, onClose }: Props) {
  const left = Math.min(position.x, window.innerWidth - 360);
  const top = Math.min(position.y + 12, window.innerHeight - 360);
  return (
    <div
      className="tag-popover passage-editor"
      role="dialog"
      aria-label="Passage"
      style={{ left, top }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {passages.map((p) => (
        <PassageForm key={p.id} passage={p} tags={tags} onDone={onClose} />
      ))}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function PassageForm({ passage, tags, onDone }: { passage: PassageView; tags: Tag[]; onDone(): void }) {
  const client = useQueryClient();
  const run = useRun();
  const [tagIds, setTagIds] = useState(passage.tagIds);
  const [note, setNote] = useState(passage.note);
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const others = tags.filter((t) => !tagIds.includes(t.id));
  const dirty = note !== passage.note || tagIds.join() !== passage.tagIds.join();

  const save = async () => {
    if (await run(() => invoke('passages:update', { id: passage.id, note, tagIds }))) {
      await client.invalidateQueries();
      onDone();
    }
  };
  const remove = async () => {
    if (await run(() => invoke('passages:delete', { id: passage.id }))) {
      await client.invalidateQueries();
      onDone();
    }
  };

  return (
    <section className="passage-form" aria-label={`Passage “${passage.exact.slice(0, 60)}”`}>
      <p className="quote" dir="auto">
        “{passage.exact.length > 140 ? `${passage.exact.slice(0, 140)}…` : passage.exact}”
      </p>
      <ul className="chips" aria-label="Tags of this passage">
        {tagIds.map((id) => (
          <li className="chip" key={id} style={{ borderColor: tagById.get(id)?.color }}>
            <span dir="auto">{tagById.get(id)?.name ?? 'deleted tag'}</span>
            <button
              type="button"
              aria-label={`Remove tag ${tagById.get(id)?.name ?? ''}`}
              onClick={() => setTagIds(tagIds.filter((t) => t !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <select aria-label="Add a tag" value="" onChange={(e) => e.target.value && setTagIds([...tagIds, e.target.value])}>
          <option value="">Add a tag…</option>
          {others.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      )}
      <textarea
        aria-label="Note"
        placeholder="Note (optional)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        dir="auto"
      />
      <div className="actions">
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete passage
        </button>
        <button type="button" className="primary" disabled={!dirty} onClick={() => void save()}>
          Save
        </button>
      </div>
    </section>
  );
}
