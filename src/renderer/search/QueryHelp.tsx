import { t } from '../strings/t.ts';
import type { StringKey } from '../strings/en.ts';

/** The query language (src/main/search/query-parser.ts), with examples in the scripts users search. */
export const QUERY_SYNTAX: { syntax: string; meaning: StringKey; examples: { text: string; lang?: string }[] }[] = [
  {
    syntax: 'word word',
    meaning: 'search.help.and',
    examples: [{ text: 'camp detention' }, { text: 'лагерь задержание', lang: 'ru' }],
  },
  {
    syntax: '"exact phrase"',
    meaning: 'search.help.phrase',
    examples: [{ text: '"steamed buns"' }, { text: '"再教育营"', lang: 'zh' }],
  },
  {
    syntax: '-word',
    meaning: 'search.help.not',
    examples: [{ text: 'camp -summer' }, { text: 'лагерь -летний', lang: 'ru' }],
  },
  {
    syntax: 'prefix*',
    meaning: 'search.help.prefix',
    examples: [{ text: 'detain*' }, { text: 'ئىنسان*', lang: 'ug' }],
  },
  {
    syntax: 'word~1',
    meaning: 'search.help.fuzzy',
    examples: [{ text: 'Urumqi~1' }, { text: 'лагер~1', lang: 'ru' }],
  },
  {
    syntax: 'title: source: author:',
    meaning: 'search.help.fields',
    examples: [{ text: 'title:再教育营', lang: 'zh' }, { text: 'source:Reuters' }, { text: 'author:"Adrian Zenz"' }],
  },
];

interface Props {
  id: string;
  onExample(text: string): void;
  onClose(): void;
}

/** A non-modal popover under the search box: F1 or Ctrl+/ opens and closes it, Esc closes it. */
export function QueryHelp({ id, onExample, onClose }: Props) {
  return (
    <div
      id={id}
      className="query-help"
      role="dialog"
      aria-label={t('search.help.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="query-help-head">
        <h2>{t('search.help.title')}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('search.help.close')}
        </button>
      </div>
      <table>
        <tbody>
          {QUERY_SYNTAX.map((row) => (
            <tr key={row.syntax}>
              <th scope="row">
                <code>{row.syntax}</code>
              </th>
              <td>
                {t(row.meaning)}
                <div className="examples">
                  {row.examples.map((ex) => (
                    <button
                      key={ex.text}
                      type="button"
                      className="example"
                      lang={ex.lang}
                      dir="auto"
                      title={t('search.help.searchThis')}
                      onClick={() => onExample(ex.text)}
                    >
                      {ex.text}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">{t('search.help.footer')}</p>
    </div>
  );
}
