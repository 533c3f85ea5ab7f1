import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../strings/t.ts';
import { filterCommands, type DynamicCommand } from './commands.ts';

interface Props {
  entries: (DynamicCommand & { keys?: string | undefined })[];
  onClose(): void;
}

/** Ctrl/Cmd+K: type to filter every action, ↑/↓ to choose, Enter to run, Escape to close. */
export function CommandPalette({ entries, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => filterCommands(entries, query).slice(0, 50), [entries, query]);
  const index = Math.min(active, Math.max(0, shown.length - 1));
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector(`#palette-${index}`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  const run = (entry: DynamicCommand | undefined) => {
    if (!entry) return;
    onClose();
    entry.run();
  };
  return (
    <div className="backdrop palette-backdrop" onMouseDown={onClose}>
      <div className="dialog palette" role="dialog" aria-modal="true" aria-label={t('palette.title')} onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={shown.length ? `palette-${index}` : undefined}
          aria-label={t('palette.title')}
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((index + 1) % Math.max(1, shown.length));
            else if (e.key === 'ArrowUp') setActive((index - 1 + shown.length) % Math.max(1, shown.length));
            else if (e.key === 'Enter') run(shown[index]);
            else if (e.key === 'Escape') onClose();
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
        />
        <ul ref={list} id="palette-list" role="listbox" aria-label={t('palette.results')}>
          {shown.map((entry, i) => (
            <li
              key={entry.id}
              id={`palette-${i}`}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'active' : undefined}
              onMouseMove={() => setActive(i)}
              onClick={() => run(entry)}
            >
              <span>{entry.label}</span>
              {entry.keys && <kbd>{entry.keys}</kbd>}
            </li>
          ))}
        </ul>
        {!shown.length && <p className="empty">{t('palette.empty', { query })}</p>}
      </div>
    </div>
  );
}
