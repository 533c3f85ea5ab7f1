import type { SearchHit, Snippet, Tag } from '../../shared/domain.ts';
import { t, tNodes } from '../strings/t.ts';

export type OpenAt = (id: string, at: { start: number; end: number } | null) => void;

/** A snippet with its matched words marked, built as React nodes (never as HTML). */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    if (s < at) continue;
    parts.push(snippet.text.slice(at, s), <mark key={s}>{snippet.text.slice(s, e)}</mark>);
    at = e;
  }
  parts.push(snippet.text.slice(at));
  return <>{parts}</>;
}

/** Where a snippet opens the reader: its first marked word, or its start. */
export function snippetTarget(snippet: Snippet): { start: number; end: number } {
  const first = snippet.highlights[0];
  return first
    ? { start: snippet.offset + first[0], end: snippet.offset + first[1] }
    : { start: snippet.offset, end: snippet.offset + Math.min(1, snippet.text.length) };
}

/** Where Enter on a hit opens it: the best snippet, else the top. */
export function hitTarget(hit: SearchHit): { start: number; end: number } | null {
  return hit.snippets[0] ? snippetTarget(hit.snippets[0]) : null;
}

/**
 * Which words of the text matched a query word in another form, script or name (issue 15):
 * "matched ئىنسانلار for ئىنسان". Forms that are the word as typed are not repeated.
 */
function MatchedLine({ hit }: { hit: SearchHit }) {
  const other = (hit.matched ?? [])
    .map((m) => ({ query: m.query, forms: m.forms.filter((f) => f.toLocaleLowerCase() !== m.query.toLocaleLowerCase()) }))
    .filter((m) => m.forms.length > 0);
  if (other.length === 0) return null;
  return (
    <div className="matched meta" dir="auto">
      {other.map((m, i) => (
        <span key={m.query}>
          {i > 0 && '; '}
          {tNodes('search.matchedFor', { forms: <bdi>{m.forms.join(', ')}</bdi>, query: <bdi>{m.query}</bdi> })}
        </span>
      ))}
    </div>
  );
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

interface Props {
  hit: SearchHit;
  tagById: Map<string, Tag>;
  onOpen: OpenAt;
}

export function HitView({ hit, tagById, onOpen }: Props) {
  const meta = [hit.source, hit.publishedAt?.slice(0, 10), hit.language, hit.format].filter(Boolean).join(' · ');
  return (
    <>
      <button type="button" className="hit-title" dir="auto" lang={hit.language ?? undefined} onClick={() => onOpen(hit.documentId, null)}>
        {hit.title}
      </button>
      <div className="meta" dir="auto">
        {meta}
      </div>
      <MatchedLine hit={hit} />
      {hit.snippets.map((snippet) => (
        <button
          key={snippet.offset}
          type="button"
          className="snippet"
          role="link"
          dir="auto"
          lang={hit.language ?? undefined}
          title={t('search.openHere')}
          onClick={() => onOpen(hit.documentId, snippetTarget(snippet))}
        >
          … <SnippetText snippet={snippet} /> …
        </button>
      ))}
      {hit.passages && hit.passages.length > 0 && (
        <ul className="hit-passages" aria-label={t('search.taggedPassages', { title: hit.title })}>
          {hit.passages.map((p) => {
            const names = p.tagIds.map((id) => tagById.get(id)?.name).filter(Boolean).join(', ');
            return (
              <li key={p.id}>
                <button
                  type="button"
                  className="hit-passage"
                  dir="auto"
                  lang={hit.language ?? undefined}
                  onClick={() => onOpen(hit.documentId, { start: p.start, end: p.end })}
                >
                  <span className="swatches" aria-hidden>
                    {p.tagIds.map((id) => (
                      <span key={id} className="swatch" style={{ backgroundColor: tagById.get(id)?.color ?? '#999' }} />
                    ))}
                  </span>
                  <span className="quote">“{clip(p.exact, 140)}”</span>
                  <span className="tag-names">{names}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
