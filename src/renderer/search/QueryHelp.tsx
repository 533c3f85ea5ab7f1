import { t } from '../strings/t.ts';

type SyntaxId = 'and' | 'phrase' | 'not' | 'prefix' | 'fuzzy' | 'exact' | 'fields';

/**
 * The query language (src/main/search/query-parser.ts), with examples in the scripts users search. Each row's pattern and meaning are in strings/en.ts (`search.help.<id>.syntax`, `search.help.<id>`); the
 * examples are queries a user would type, in the scripts they search, so they stay here.
 */
export const QUERY_SYNTAX: { id: SyntaxId; examples: { text: string; lang?: string }[] }[] = [
  {
    id: 'and',
    examples: [{ text: 'camp detention' }, { text: 'лагерь задержание', lang: 'ru' }],
  },
  {
    id: 'phrase',
    examples: [{ text: '"steamed buns"' }, { text: '"再教育营"', lang: 'zh' }],
  },
  {
    id: 'not',
    examples: [{ text: 'camp -summer' }, { text: 'лагерь -летний', lang: 'ru' }],
  },
  {
    id: 'prefix',
    examples: [{ text: 'detain*' }, { text: 'ئىنسان*', lang: 'ug' }],
  },
  {
    id: 'fuzzy',
    examples: [{ text: 'Urumqi~1' }, { text: 'лагер~1', lang: 'ru' }],
  },
  {
    id: 'exact',
    examples: [{ text: '=camps' }, { text: '=ئىنسان', lang: 'ug' }],
  },
  {
    id: 'fields',
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
            <tr key={row.id}>
              <th scope="row">
                <code>{t(`search.help.${row.id}.syntax`)}</code>
              </th>
              <td>
                {t(`search.help.${row.id}`)}
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
