import { useMemo, useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import { placePopover, type Bounds } from './popover-position.ts';
import { t } from '../strings/t.ts';

export interface TagChoice {
  tagIds: string[];
  tagNames: string[];
  note: string;
}

interface Props {
  tags: Tag[];
  quote: string;
  position: { x: number; y: number };
  /** The pane it opens in: it stays inside. */
  bounds: Bounds;
  onApply(choice: TagChoice): Promise<void>;
  onCancel(): void;
}

/**
 * Opens at a selection: type to filter the codebook or name a new tag, arrows and Enter to
 * choose, an optional note. Several tags can be chosen before applying.
 */
export function TagPopover({ tags, quote, position, bounds, onApply, onCancel }: Props) {
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [newNames, setNewNames] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const tagColor = useMemo(() => new Map(tags.map((tag) => [tag.id, tag.color])), [tags]);
  const parentName = useMemo(() => {
    const names = new Map(tags.map((tag) => [tag.id, tag.name]));
    return new Map(tags.map((tag) => [tag.id, tag.parentId ? names.get(tag.parentId) : undefined]));
  }, [tags]);
  const matches = useMemo(() => tags.filter((tag) => tag.name.toLowerCase().includes(filter.trim().toLowerCase())), [tags, filter]);
  const exact = tags.some((tag) => tag.name.toLowerCase() === filter.trim().toLowerCase());
  const options: { key: string; label: string; create?: string }[] = [
    ...matches.map((tag) => ({ key: tag.id, label: tag.name })),
    ...(filter.trim() && !exact
      ? [{ key: `new:${filter.trim()}`, label: t('reader.tag.create', { name: filter.trim() }), create: filter.trim() }]
      : []),
  ];

  const toggle = (option: (typeof options)[number]) => {
    if (option.create) setNewNames((names) => (names.includes(option.create!) ? names : [...names, option.create!]));
    else setChosen((ids) => (ids.includes(option.key) ? ids.filter((id) => id !== option.key) : [...ids, option.key]));
    setFilter('');
    setActive(0);
  };

  const apply = async () => {
    const pick = options[active];
    const tagIds = [...chosen];
    const tagNames = [...newNames];
    // Enter applies the highlighted tag when something is typed, or when nothing is chosen yet (arrows, then Enter).
    if (pick && (filter.trim() || (!tagIds.length && !tagNames.length))) {
      if (pick.create) tagNames.push(pick.create);
      else if (!tagIds.includes(pick.key)) tagIds.push(pick.key);
    }
    if (!tagIds.length && !tagNames.length) {
      setError(t('reader.tag.chooseFirst'));
      return;
    }
    try {
      await onApply({ tagIds, tagNames, note });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const place = placePopover(position, { width: 320, height: 320 }, bounds);
  return (
    <div className="tag-popover" role="dialog" aria-label={t('reader.tag.title')} style={place}>
      <p className="quote" dir="auto">
        “{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}”
      </p>
      <div className="chips">
        {[...chosen.map((id) => tags.find((tag) => tag.id === id)?.name ?? id), ...newNames].map((name) => (
          <span className="chip" key={name}>
            {name}
          </span>
        ))}
      </div>
      <input
        autoFocus
        aria-label={t('reader.tag.name')}
        placeholder={t('reader.tag.namePlaceholder')}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(options.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter' && e.shiftKey && options[active]) toggle(options[active]);
          else if (e.key === 'Enter') void apply();
          else if (e.key === 'Escape') onCancel();
          else return;
          e.preventDefault();
        }}
      />
      <ul role="listbox" aria-label={t('reader.tag.list')}>
        {options.map((option, i) => (
          <li
            key={option.key}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              toggle(option);
            }}
          >
            {chosen.includes(option.key) ? '✓ ' : ''}
            {!option.create && <span className="swatch" style={{ backgroundColor: tagColor.get(option.key) }} aria-hidden />}
            <span dir="auto">{option.label}</span>
            {parentName.get(option.key) && <span className="meta">{t('reader.tag.parent', { parent: parentName.get(option.key) ?? '' })}</span>}
          </li>
        ))}
      </ul>
      <textarea
        aria-label={t('reader.tag.note')}
        placeholder={t('reader.tag.notePlaceholder')}
        dir="auto"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('reader.tag.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void apply()}>
          {t('reader.tag.apply')}
        </button>
      </div>
    </div>
  );
}
