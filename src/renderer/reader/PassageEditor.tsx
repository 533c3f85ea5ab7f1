import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useRun } from '../notice.ts';
import { t } from '../strings/t.ts';
import { placePopover, type Bounds } from './popover-position.ts';

interface Props {
  passages: PassageView[];
  tags: Tag[];
  position: { x: number; y: number };
  /** The pane it opens in: it stays inside, never over the other pane. */
  bounds: Bounds;
  /** `returnFocus`: closed from the keyboard, so the focus goes back to the text. */
  onClose(returnFocus?: boolean): void;
}

/**
 * Opens on a click on a highlight: the passages there, their tags and note, to edit or delete.
 * It takes the focus, and closes on Escape (from any of its fields) and on a click outside it.
 */
export function PassageEditor({ passages, tags, position, bounds, onClose }: Props) {
  const place = placePopover({ x: position.x, y: position.y + 4 }, { width: 340, height: 360 }, bounds);
  const root = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('textarea')?.focus({ preventScroll: true });
    const outside = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) close.current(false);
    };
    // After the click that opened it has finished.
    const timer = window.setTimeout(() => document.addEventListener('pointerdown', outside, true));
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('pointerdown', outside, true);
    };
  }, []);
  return (
    <div
      ref={root}
      className="tag-popover passage-editor"
      role="dialog"
      aria-label={t('reader.editor')}
      style={place}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose(true);
      }}
    >
      {passages.map((p) => (
        <PassageForm key={p.id} passage={p} tags={tags} onDone={() => onClose(true)} />
      ))}
      <div className="actions">
        <button type="button" onClick={() => onClose(true)}>
          {t('reader.editor.close')}
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
  const tagById = new Map(tags.map((tag) => [tag.id, tag]));
  const others = tags.filter((tag) => !tagIds.includes(tag.id));
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
    <section className="passage-form" aria-label={t('reader.editor.passage', { quote: passage.exact.slice(0, 60) })}>
      <p className="quote" dir="auto">
        “{passage.exact.length > 140 ? `${passage.exact.slice(0, 140)}…` : passage.exact}”
      </p>
      {/* Issue 21: who coded it (merged copies keep each researcher's passages). */}
      <p className="meta">{passage.author ? t('passages.by', { name: passage.author }) : t('passages.byUnknown')}</p>
      <ul className="chips" aria-label={t('reader.editor.tags')}>
        {tagIds.map((id) => (
          <li className="chip" key={id} style={{ borderColor: tagById.get(id)?.color }}>
            <span dir="auto">{tagById.get(id)?.name ?? t('reader.editor.deletedTag')}</span>
            <button
              type="button"
              aria-label={t('reader.editor.removeTag', { name: tagById.get(id)?.name ?? '' })}
              onClick={() => setTagIds(tagIds.filter((other) => other !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <select aria-label={t('reader.editor.addTag')} value="" onChange={(e) => e.target.value && setTagIds([...tagIds, e.target.value])}>
          <option value="">{t('reader.editor.addTagPlaceholder')}</option>
          {others.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      )}
      <textarea
        aria-label={t('reader.editor.note')}
        placeholder={t('reader.editor.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        dir="auto"
      />
      <div className="actions">
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('reader.editor.delete')}
        </button>
        <button type="button" className="primary" disabled={!dirty} onClick={() => void save()}>
          {t('reader.editor.save')}
        </button>
      </div>
    </section>
  );
}
