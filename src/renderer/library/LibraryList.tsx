import type { DocumentSummary } from '../../shared/domain.ts';

interface Props {
  documents: DocumentSummary[];
  openId: string | null;
  onOpen(id: string): void;
}

export function LibraryList({ documents, openId, onOpen }: Props) {
  if (documents.length === 0) {
    return <p className="empty">No documents yet. Import files with the button above, or drop them on the window.</p>;
  }
  return (
    <ul className="doc-list" aria-label="Library">
      {documents.map((d) => (
        <li key={d.id}>
          <button type="button" className={d.id === openId ? 'selected' : undefined} onClick={() => onOpen(d.id)} aria-current={d.id === openId}>
            <span className="title" dir="auto">
              {d.title}
            </span>
            <span className="meta">
              {[d.format.toUpperCase(), d.language, d.publishedAt?.slice(0, 10), d.passageCount ? `${d.passageCount} passages` : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
