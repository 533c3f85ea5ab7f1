import type { SearchResponse, Snippet, Tag } from '../../shared/domain.ts';

interface Props {
  response: SearchResponse | undefined;
  loading: boolean;
  tags?: Tag[];
  onOpen(id: string, at: { start: number; end: number } | null): void;
}

/** A snippet with its matched words marked, built as React nodes (never as HTML). */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    parts.push(snippet.text.slice(at, s), <mark key={s}>{snippet.text.slice(s, e)}</mark>);
    at = e;
  }
  parts.push(snippet.text.slice(at));
  return <>{parts}</>;
}

export function SearchResults({ response, loading, tags = [], onOpen }: Props) {
  const tagById = new Map(tags.map((t) => [t.id, t]));
  if (!response) return <p className="empty">{loading ? 'Searching…' : ''}</p>;
  if (response.error)
    return (
      <p className="error" role="alert">
        {response.error}
      </p>
    );
  if (response.results.length === 0) return <p className="empty">No documents match “{response.query}”.</p>;
  return (
    <section className="search-results" aria-label="Search results">
      <p className="count">
        {response.total} document{response.total === 1 ? '' : 's'} match “{response.query}”
      </p>
      <ol>
        {response.results.map((hit) => (
          <li key={hit.documentId}>
            <button type="button" className="hit-title" dir="auto" onClick={() => onOpen(hit.documentId, null)}>
              {hit.title}
            </button>
            <span className="meta">{[hit.source, hit.publishedAt?.slice(0, 10), hit.language].filter(Boolean).join(' · ')}</span>
            {hit.snippets.map((snippet) => (
              <p
                key={snippet.offset}
                className="snippet"
                dir="auto"
                onClick={() =>
                  onOpen(hit.documentId, {
                    start: snippet.offset + (snippet.highlights[0]?.[0] ?? 0),
                    end: snippet.offset + (snippet.highlights[0]?.[1] ?? 1),
                  })
                }
              >
                … <SnippetText snippet={snippet} /> …
              </p>
            ))}
            {hit.passages && hit.passages.length > 0 && (
              <ul className="hit-passages" aria-label={`Tagged passages in ${hit.title}`}>
                {hit.passages.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className="link"
                      dir="auto"
                      onClick={() => onOpen(hit.documentId, { start: p.start, end: p.end })}
                    >
                      {p.tagIds.map((id) => (
                        <span key={id} className="swatch" style={{ backgroundColor: tagById.get(id)?.color }} aria-hidden />
                      ))}
                      “{p.exact.length > 100 ? `${p.exact.slice(0, 100)}…` : p.exact}” (
                      {p.tagIds
                        .map((id) => tagById.get(id)?.name)
                        .filter(Boolean)
                        .join(', ')}
                      )
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
