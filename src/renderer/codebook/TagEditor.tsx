import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useNotify, useRun } from '../notice.ts';
import { t, tn } from '../strings/t.ts';
import { subtree, tagTree } from './tree.ts';
import { useAnalysis } from '../analysis/analysis-context.ts';

interface Props {
  tag: Tag;
  tags: Tag[];
  /** The tag was deleted or merged away. */
  onGone(): void;
}

const passages = (n: number) => tn('codebook.passages', n);

/** Rename, recolour, describe, move, merge and delete one tag. */
export function TagEditor({ tag, tags, onGone }: Props) {
  const analysis = useAnalysis();
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
  const nameOf = (id: string) => tags.find((other) => other.id === id)?.name ?? '';

  const save = async () => {
    if (await run(() => invoke('tags:update', { id: tag.id, name, color, description, parentId: parentId || null })))
      await client.invalidateQueries();
  };

  const askDelete = async () => {
    const impact = await run(() => invoke('tags:impact', { id: tag.id }));
    if (!impact) return;
    const subtags = impact.subtags ? tn('codebook.subtags', impact.subtags) : '';
    setConfirm({
      title: t('codebook.deleteTitle', { name: tag.name }),
      message: t('codebook.deleteMessage', { passages: passages(impact.passages), name: tag.name, subtags }),
      label: t('codebook.deleteConfirm'),
      action: async () => {
        const result = await run(() => invoke('tags:delete', { id: tag.id }));
        if (!result) return;
        notify({ text: t('codebook.deleted', { name: tag.name, passages: passages(result.passagesAffected) }) });
        onGone();
        await client.invalidateQueries();
      },
    });
  };

  const askMerge = () => {
    if (!mergeInto) return;
    const target = nameOf(mergeInto);
    setConfirm({
      title: t('codebook.mergeTitle', { name: tag.name, target }),
      message: t('codebook.mergeMessage', { passages: passages(tag.passageCount), name: tag.name, target }),
      label: t('codebook.mergeConfirm'),
      action: async () => {
        const result = await run(() => invoke('tags:merge', { sourceId: tag.id, targetId: mergeInto }));
        if (!result) return;
        notify({ text: t('codebook.merged', { name: tag.name, target, passages: passages(result.tag.passageCount) }) });
        onGone();
        await client.invalidateQueries();
      },
    });
  };

  return (
    <form
      className="tag-editor"
      aria-label={t('codebook.edit', { name: tag.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <span>{t('codebook.name')}</span>
        <input value={name} dir="auto" onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="inline">
        <span>{t('codebook.colour')}</span>
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
      <label>
        <span>{t('codebook.description')}</span>
        <textarea value={description} rows={2} dir="auto" onChange={(e) => setDescription(e.target.value)} />
      </label>
      <TagTreeSelect label={t('codebook.under')} empty={t('codebook.topLevel')} rows={parents} value={parentId} onChange={setParentId} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!dirty}>
          {t('codebook.save')}
        </button>
      </div>
      <TagTreeSelect label={t('codebook.mergeInto')} empty={t('codebook.chooseTag')} rows={others} value={mergeInto} onChange={setMergeInto} />
      <div className="actions">
        <button type="button" disabled={!mergeInto} onClick={askMerge}>
          {t('codebook.merge')}
        </button>
        <button type="button" className="danger" onClick={() => void askDelete()}>
          {t('codebook.delete')}
        </button>
        {/* Issue 21: the tag's memo, in the analysis pane. */}
        <button type="button" title={t('memo.buttonTitle')} onClick={() => analysis.open('memos', { scope: 'tag', targetId: tag.id })}>
          {t('memo.button')}
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

/** A select over the codebook tree, indented by depth, with a first entry meaning "none". */
function TagTreeSelect(props: {
  label: string;
  empty: string;
  rows: { tag: { id: string; name: string }; depth: number }[];
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.empty}</option>
        {props.rows.map((r) => (
          <option key={r.tag.id} value={r.tag.id}>
            {'\u2003'.repeat(r.depth)}
            {r.tag.name}
          </option>
        ))}
      </select>
    </label>
  );
}
