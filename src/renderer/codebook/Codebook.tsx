import type { PassageView, Tag } from '../../shared/domain.ts';

interface Props {
  tags: Tag[];
  selectedTagId: string | null;
  onSelect(id: string | null): void;
}

export function Codebook({ tags, selectedTagId, onSelect }: Props) {
  if (tags.length === 0) return <p className="empty">No tags yet. Select text in a document to tag it.</p>;
  return (
    <ul className="tag-list" aria-label="Codebook">
      {tags.map((t) => (
        <li key={t.id}>
          <button type="button" aria-pressed={t.id === selectedTagId} onClick={() => onSelect(t.id === selectedTagId ? null : t.id)}>
            <span className="swatch" style={{ backgroundColor: t.color }} aria-hidden />
            <span className="name" dir="auto">
              {t.name}
            </span>
            <span className="count" aria-label={`${t.passageCount} passages`}>
              {t.passageCount}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

interface PassageListProps {
  tag: Tag | undefined;
  passages: PassageView[];
  onOpen(passage: PassageView): void;
}

export function PassageList({ tag, passages, onOpen }: PassageListProps) {
  return (
    <section className="passage-list" aria-label={tag ? `Passages tagged ${tag.name}` : 'Passages'}>
      <h2>{tag ? `Passages: ${tag.name}` : 'Passages'}</h2>
      {passages.length === 0 && <p className="empty">No passages.</p>}
      <ul>
        {passages.map((p) => (
          <li key={p.id}>
            <button type="button" onClick={() => onOpen(p)}>
              <span className="quote" dir="auto">
                “{p.exact}”
              </span>
              <span className="meta" dir="auto">
                {p.documentTitle}
                {p.documentPublishedAt ? ` · ${p.documentPublishedAt.slice(0, 10)}` : ''}
              </span>
              {p.note && <span className="note">{p.note}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
