import { useState, type Ref } from 'react';
import { t } from '../strings/t.ts';
import { QueryHelp } from './QueryHelp.tsx';
import { AliasPanel } from './AliasPanel.tsx';

export const SEARCH_BOX_ID = 'search-box';
/** The results list; focusing it moves focus to its current hit (SearchList). */
export const SEARCH_HITS_ID = 'search-hits';

interface Props {
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange(value: string): void;
  /** Enter: show the results of the query in the box (they hide while a hit is read). */
  onSubmit?(): void;
}

/** The toolbar's search box, with the query language's help one keystroke away (F1 or Ctrl+/). */
export function SearchBox({ ref, value, onChange, onSubmit }: Props) {
  const [help, setHelp] = useState(false);
  const [aliases, setAliases] = useState(false);
  const focusBox = () => document.getElementById(SEARCH_BOX_ID)?.focus();
  const closeHelp = () => {
    setHelp(false);
    focusBox();
  };
  return (
    <div className="search-field">
      <input
        ref={ref}
        id={SEARCH_BOX_ID}
        type="search"
        className="search-box"
        aria-label={t('search.box')}
        aria-describedby="search-box-hint"
        aria-expanded={help}
        aria-controls={help ? 'query-help' : undefined}
        placeholder={t('search.boxPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'F1' || ((e.ctrlKey || e.metaKey) && e.key === '/')) {
            e.preventDefault();
            setHelp((v) => !v);
          } else if (e.key === 'Escape' && help) {
            e.preventDefault();
            setHelp(false);
          } else if (e.key === 'Enter' && value.trim()) {
            e.preventDefault();
            onSubmit?.();
          } else if (e.key === 'ArrowDown' && value.trim()) {
            const hits = document.getElementById(SEARCH_HITS_ID);
            if (hits) {
              e.preventDefault();
              hits.focus();
            }
          }
        }}
      />
      <span id="search-box-hint" className="visually-hidden">
        {t('search.boxHint')}
      </span>
      <button
        type="button"
        className="syntax-button"
        aria-label={t('search.syntaxLabel')}
        title={t('search.syntaxTitle')}
        aria-pressed={help}
        onClick={() => setHelp((v) => !v)}
      >
        {t('search.syntax')}
      </button>
      <button type="button" className="syntax-button" title={t('aliases.openTitle')} aria-pressed={aliases} onClick={() => setAliases((v) => !v)}>
        {t('aliases.open')}
      </button>
      {aliases && <AliasPanel onClose={() => setAliases(false)} />}
      {help && (
        <QueryHelp
          id="query-help"
          onClose={closeHelp}
          onExample={(text) => {
            onChange(text);
            closeHelp();
          }}
        />
      )}
    </div>
  );
}
