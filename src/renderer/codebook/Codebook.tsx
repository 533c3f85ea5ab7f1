import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useRun } from '../notice.ts';
import { TagEditor } from './TagEditor.tsx';
import { tagTree } from './tree.ts';
import { t, tn } from '../strings/t.ts';

/** "5 passages", or, when subtags hold some (issue 14), "5 passages with its subtags, 1 of them tagged with this tag itself". */
const countLabel = (tag: Tag) =>
  tag.ownPassageCount === tag.passageCount
    ? tn('codebook.passages', tag.passageCount)
    : t('codebook.passagesWithSubtags', { all: tn('codebook.passages', tag.passageCount), own: tag.ownPassageCount });

interface Props {
  tags: Tag[];
  selected: string[];
  /** Plain click selects one tag; Ctrl/Shift-click adds or removes it from the selection. */
  onSelect(ids: string[]): void;
}

/** The codebook panel: the tag tree with passage counts, a new-tag field, and the selected tag's editor. */
export function Codebook({ tags, selected, onSelect }: Props) {
  const client = useQueryClient();
  const run = useRun();
  const [newName, setNewName] = useState('');
  const rows = tagTree(tags);
  const editing = selected.length === 1 ? tags.find((tag) => tag.id === selected[0]) : undefined;

  const create = async () => {
    if (!newName.trim()) return;
    if (await run(() => invoke('tags:create', { name: newName }))) {
      setNewName('');
      await client.invalidateQueries();
    }
  };

  return (
    <div className="codebook">
      {tags.length === 0 ? (
        <p className="empty">{t('codebook.empty')}</p>
      ) : (
        <ul className="tag-list" aria-label={t('layout.codebook')}>
          {rows.map(({ tag, depth }) => (
            <li key={tag.id} style={{ paddingInlineStart: depth * 14 }}>
              <button
                type="button"
                aria-pressed={selected.includes(tag.id)}
                onClick={(e) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey) {
                    onSelect(selected.includes(tag.id) ? selected.filter((id) => id !== tag.id) : [...selected, tag.id]);
                  } else onSelect(selected.length === 1 && selected[0] === tag.id ? [] : [tag.id]);
                }}
              >
                <span className="swatch" style={{ backgroundColor: tag.color }} aria-hidden />
                <span className="name" dir="auto">
                  {tag.name}
                </span>
                <span className="count" aria-label={countLabel(tag)} title={tag.ownPassageCount === tag.passageCount ? undefined : countLabel(tag)}>
                  {tag.passageCount}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="new-tag"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input
          aria-label={t('codebook.newTagName')}
          placeholder={t('codebook.newTagPlaceholder')}
          value={newName}
          dir="auto"
          onChange={(e) => setNewName(e.target.value)}
        />
        <button type="submit" disabled={!newName.trim()}>
          {t('codebook.addTag')}
        </button>
      </form>
      {editing && <TagEditor key={editing.id} tag={editing} tags={tags} onGone={() => onSelect([])} />}
    </div>
  );
}
