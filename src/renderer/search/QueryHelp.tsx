/** The query language (src/main/search/query-parser.ts), with examples in the scripts users search. */
export const QUERY_SYNTAX: { syntax: string; meaning: string; examples: { text: string; lang?: string }[] }[] = [
  {
    syntax: 'word word',
    meaning: 'Documents with every word (AND)',
    examples: [{ text: 'camp detention' }, { text: 'лагерь задержание', lang: 'ru' }],
  },
  {
    syntax: '"exact phrase"',
    meaning: 'The words side by side, in this order',
    examples: [{ text: '"steamed buns"' }, { text: '"再教育营"', lang: 'zh' }],
  },
  {
    syntax: '-word',
    meaning: 'Leave out documents with the word (or -"phrase")',
    examples: [{ text: 'camp -summer' }, { text: 'лагерь -летний', lang: 'ru' }],
  },
  {
    syntax: 'prefix*',
    meaning: 'Words starting with the prefix (two letters or more)',
    examples: [{ text: 'detain*' }, { text: 'ئىنسان*', lang: 'ug' }],
  },
  {
    syntax: 'word~1',
    meaning: 'Spellings one (or ~2: two) letters apart',
    examples: [{ text: 'Urumqi~1' }, { text: 'лагер~1', lang: 'ru' }],
  },
  {
    syntax: 'title: source: author:',
    meaning: 'Only in the title, the source or the author',
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
      aria-label="Search syntax"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="query-help-head">
        <h2>Search syntax</h2>
        <button type="button" className="link" onClick={onClose}>
          Close (Esc)
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
                {row.meaning}
                <div className="examples">
                  {row.examples.map((ex) => (
                    <button
                      key={ex.text}
                      type="button"
                      className="example"
                      lang={ex.lang}
                      dir="auto"
                      title="Search for this"
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
      <p className="meta">
        Words match in any script and form (camps → camp, лагеря → лагерь). Filter by tag, language, source, year, format
        and date beside the results. ↓ moves into the results, Enter opens one.
      </p>
    </div>
  );
}
