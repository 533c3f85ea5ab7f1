import { useQuery } from '@tanstack/react-query';
import type { Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { memoKeys, useAnalysis } from '../analysis/analysis-context.ts';
import { memoHeading } from '../analysis/MemosTab.tsx';
import { t, tn } from '../strings/t.ts';

/** Marked text of a snippet: plain pieces and <mark>ed ones, in order. */
function marked(text: string, highlights: [number, number][]) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  highlights.forEach(([s, e], i) => {
    if (s < at) return;
    parts.push(text.slice(at, s), <mark key={i}>{text.slice(s, e)}</mark>);
    at = e;
  });
  parts.push(text.slice(at));
  return parts;
}

/** Issue 21: the memos the search box's query finds, above the documents; a click opens the memo. */
export function MemoHits({ query, tags }: { query: string; tags: Tag[] }) {
  const analysis = useAnalysis();
  const hits = useQuery({
    queryKey: memoKeys.search(query),
    queryFn: () => invoke('memos:search', { query }),
    enabled: query.trim().length > 0,
  });
  if (!hits.data?.length) return null;
  const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
  return (
    <section className="memo-hits" aria-labelledby="memo-hits-heading">
      <h3 id="memo-hits-heading">
        {t('search.memos')} <span className="meta">{tn('search.memos.count', hits.data.length)}</span>
      </h3>
      <ul>
        {hits.data.map(({ memo, snippet }) => (
          <li key={memo.id}>
            <button
              type="button"
              className="link"
              dir="auto"
              onClick={() => analysis.open('memos', { scope: memo.scope, ...(memo.targetId ? { targetId: memo.targetId } : {}) })}
            >
              {memoHeading(
                { scope: memo.scope },
                memo.scope === 'tag' ? (tagName.get(memo.targetId ?? '') ?? memo.targetLabel) : memo.targetLabel,
              )}
            </button>
            <p className="snippet" dir="auto">
              {marked(snippet.text, snippet.highlights)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
