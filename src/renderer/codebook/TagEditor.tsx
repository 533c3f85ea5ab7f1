import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useNotify, useRun } from '../notice.ts';
import { subtree, tagTree } from './tree.ts';

interface Props {
  tag: Tag;
  tags: Tag[];
  /** The tag was deleted or merged away. */
  onGone(): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rename, recolour, describe, move, merge and delete one tag. */
export function TagEditor({ tag, tags, onGone }: Props) {
  const client = useQueryClient();
  const run = useRun();
  const notify = useNotify();
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const [description, setDescription] = useState(tag.description);
  const [parentId, setParentId] = useState(tag.parentId ?? '');
  const [mergeInto, setMergeInto] = useState('');
  const [confirm, setConfirm] = useState<{ title: string; message: string; label: string; action: () => Promise<void> } | null>(
    null,
  );

  const inside = subtree(tags, tag.id);
  const parents = tagTree(tags).filter((r) => !inside.has(r.tag.id));
  const others = tagTree(tags).filter((r) => r.tag.id !== tag.id && !inside.has(r.tag.id));
  const dirty = name !== tag.name || color !== tag.color || description !== tag.description || parentId !== (tag.parentId ?? '');
  const nameOf = (id: string) => tags.find((t) => t.id === id)?.name ?? '';

  const save = async () => {
    if (await run(() => invoke('tags:update', { id: tag.id, name, color, description, parentId: parentId || null })))
      await client.invalidateQueries();
  };

  const askDelete = async () => {
    const impact = await run(() => invoke('tags:impact', { id: tag.id }));
    if (!impact) return;
    const subtags = impact.subtags ? ` and its ${plural(impact.subtags, 'subtag')}` : '';
    setConfirm({
      title: `Delete tag “${tag.name}”?`,
      message: `${plural(impact.passages, 'passage')} will lose the tag “${tag.name}”${subtags}. The passages themselves stay. You can undo this.`,
      label: 'Delete tag',
      action: async () => {
        const result = await run(() => invoke('tags:delete', { id: tag.id }));
        if (!result) return;
        notify({ text: `Deleted tag “${tag.name}”; ${plural(result.passagesAffected, 'passage')} lost it. Undo with Ctrl+Z.` });
        onGone();
        await client.invalidateQueries();
      },
    });
  };

  const askMerge = () => {
    if (!mergeInto) return;
    const target = nameOf(mergeInto);
    setConfirm({
      title: `Merge “${tag.name}” into “${target}”?`,
      message: `The ${plural(tag.passageCount, 'passage')} tagged “${tag.name}” will be tagged “${target}” instead (once, if they had both), and “${tag.name}” will be removed. You can undo this.`,
      label: 'Merge',
      action: async () => {
        const result = await run(() => invoke('tags:merge', { sourceId: tag.id, targetId: mergeInto }));
        if (!result) return;
        notify({ text: `Merged “${tag.name}” into “${target}”, which now has ${plural(result.tag.passageCount, 'passage')}.` });
        onGone();
        await client.invalidateQueries();
      },
    });
  };

  return (
    <form
      className="tag-editor"
      aria-label={`Edit tag ${tag.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <span>Name</span>
        <input value={name} dir="auto" onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="inline">
        <span>Colour</span>
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
      <label>
        <span>Description</span>
        <textarea value={description} rows={2} dir="auto" onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        <span>Under</span>
        <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">Top level</option>
          {parents.map((r) => (
            <option key={r.tag.id} value={r.tag.id}>
              {'\u2003'.repeat(r.depth)}
              {r.tag.name}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!dirty}>
          Save tag
        </button>
      </div>
      <label>
        <span>Merge into</span>
        <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">Choose a tag…</option>
          {others.map((r) => (
            <option key={r.tag.id} value={r.tag.id}>
              {'\u2003'.repeat(r.depth)}
              {r.tag.name}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="button" disabled={!mergeInto} onClick={askMerge}>
          Merge…
        </button>
        <button type="button" className="danger" onClick={() => void askDelete()}>
          Delete tag…
        </button>
      </div>
      {confirm && (
        <ConfirmDialog
          title={confirm.title}
          message={confirm.message}
          confirmLabel={confirm.label}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const action = confirm.action;
            setConfirm(null);
            void action();
          }}
        />
      )}
    </form>
  );
}
