/**
 * Memo search (issue 21, item 1). Memos are searched by the service, not indexed by the search
 * engine: there is at most one per document and tag, they are short, and they change on every save,
 * which would re-index a delta segment each time (and the index layout is being reworked, issue 17).
 * A scan of every memo through the search tokenizer (the same Unicode words, NFKC and case folding
 * as the index) answers the same query language in milliseconds at thousands of memos.
 */
import type { MemoHit } from '../../shared/qda.ts';
import type { Database } from '../store/database.ts';
import { parseQuery, type Clause } from '../search/query-parser.ts';
import { tokenize, type TextToken } from '../search/tokenizer.ts';
import { listMemos } from './memos.ts';

/** The tokens a clause matches in a memo (empty: no match); field clauses never match a memo (it has no title or source). */
function clauseMatches(clause: Clause, tokens: TextToken[]): TextToken[][] {
  if (clause.field) return [];
  const { terms } = clause;
  if (terms.length === 0) return [];
  const hits: TextToken[][] = [];
  for (let i = 0; i + terms.length <= tokens.length; i++) {
    const ok = terms.every((term, k) => {
      const token = tokens[i + k]!.term;
      return clause.kind === 'prefix' && k === terms.length - 1 ? token.startsWith(term) : token === term;
    });
    if (ok) hits.push(tokens.slice(i, i + terms.length));
  }
  return hits;
}

function snippetAround(body: string, start: number, end: number, marks: [number, number][]): MemoHit['snippet'] {
  const from = Math.max(0, body.lastIndexOf('\n', start) + 1, start - 80);
  const lineEnd = body.indexOf('\n', end);
  const to = Math.min(lineEnd === -1 ? body.length : lineEnd, end + 120);
  const text = body.slice(from, to);
  const highlights = marks.filter(([s, e]) => s >= from && e <= to).map(([s, e]): [number, number] => [s - from, e - from]);
  return { text, highlights };
}

/** The memos a search-box query finds (all words, phrases, -exclusions, prefix*), most matches first. */
export function searchMemos(db: Database, query: string, limit = 50): MemoHit[] {
  const parsed = parseQuery(query);
  if (!parsed.ok || parsed.clauses.length === 0) return [];
  const positive = parsed.clauses.filter((c) => !c.negated);
  if (positive.length === 0) return [];
  const hits: { hit: MemoHit; score: number }[] = [];
  for (const memo of listMemos(db)) {
    const tokens = tokenize(memo.body);
    const matched = positive.map((clause) => clauseMatches(clause, tokens));
    if (matched.some((m) => m.length === 0)) continue;
    if (parsed.clauses.some((c) => c.negated && clauseMatches(c, tokens).length > 0)) continue;
    const marks = matched.flat().map((run): [number, number] => [run[0]!.start, run[run.length - 1]!.end]);
    marks.sort((a, b) => a[0] - b[0]);
    const first = marks[0]!;
    hits.push({ hit: { memo, snippet: snippetAround(memo.body, first[0], first[1], marks) }, score: marks.length });
  }
  return hits
    .sort((a, b) => b.score - a.score || b.hit.memo.updatedAt.localeCompare(a.hit.memo.updatedAt))
    .slice(0, limit)
    .map((h) => h.hit);
}
