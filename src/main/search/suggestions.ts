/**
 * What to suggest when a query finds nothing (issue 15): for each plain word, the query with that
 * word as a prefix (`word*`), then with the nearest spelling the index holds (found by `word~1`,
 * then `word~2`, and written back as the word of the text that matched).
 */
import type { MatchedForms } from '../../shared/domain.ts';
import type { Clause } from './query-parser.ts';

export interface SuggestionCandidate {
  /** A query to try. */
  query: string;
  /** When set, the suggestion to show is made from what the trial query matched (a real spelling); otherwise the query itself. */
  spelling?: (matched: MatchedForms[]) => string | undefined;
}

const HAN = /\p{Script=Han}/u;

export function suggestionQueries(query: string, clauses: Clause[]): SuggestionCandidate[] {
  const out: SuggestionCandidate[] = [];
  for (const clause of clauses) {
    const word = clause.text;
    if (clause.negated || clause.kind !== 'term' || clause.field || !word || HAN.test(word) || [...word].length < 3) continue;
    const replace = (by: string) => query.replace(word, by);
    out.push({ query: replace(`${word.replace(/^=/, '')}*`) });
    for (const distance of [1, 2]) {
      const fuzzy = `${word.replace(/^=/, '')}~${distance}`;
      out.push({
        query: replace(fuzzy),
        spelling: (matched) => {
          const form = matched.find((m) => m.query === fuzzy)?.forms[0];
          return form ? replace(form.toLowerCase()) : undefined;
        },
      });
    }
  }
  return out;
}
