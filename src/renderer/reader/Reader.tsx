import { useEffect, useMemo, useRef, useState } from 'react';
import type { Block, DocumentFull, PassageView, Tag } from '../../shared/domain.ts';
import { segmentRange } from './segments.ts';
import { selectionOffsets } from './selection.ts';
import { TagPopover } from './TagPopover.tsx';

export interface ReaderProps {
  doc: DocumentFull;
  passages: PassageView[];
  tags: Tag[];
  /** A range to scroll to and flash, e.g. when opened from a passage list. */
  focus: { start: number; end: number } | null;
  onTag(range: { start: number; end: number }, choice: { tagIds: string[]; tagNames: string[]; note: string }): Promise<void>;
}

const BLOCK_TAG: Record<Block['kind'], 'p' | 'blockquote' | 'li'> = { paragraph: 'p', quote: 'blockquote', 'list-item': 'li', heading: 'p' };

export function Reader({ doc, passages, tags, focus, onTag }: ReaderProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<{ start: number; end: number; x: number; y: number } | null>(null);
  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const passageById = useMemo(() => new Map(passages.map((p) => [p.id, p])), [passages]);
  const blocks = doc.blocks.length ? doc.blocks : [{ kind: 'paragraph' as const, start: 0, end: doc.text.length }];

  useEffect(() => {
    if (!focus || !bodyRef.current) return;
    const target = [...bodyRef.current.querySelectorAll<HTMLElement>('[data-start]')].find(
      (el) => Number(el.dataset.start) <= focus.start && Number(el.dataset.end) > focus.start,
    );
    target?.scrollIntoView({ block: 'center' });
    target?.classList.add('flash');
    const timer = window.setTimeout(() => target?.classList.remove('flash'), 1500);
    return () => window.clearTimeout(timer);
  }, [focus, doc.id]);

  const checkSelection = () => {
    if (!bodyRef.current) return;
    const selection = window.getSelection();
    const range = selectionOffsets(bodyRef.current, selection);
    if (!range || !doc.text.slice(range.start, range.end).trim()) return;
    const rect = selection!.getRangeAt(0).getBoundingClientRect();
    setPending({ ...range, x: rect.left, y: rect.bottom });
  };

  const colourOf = (passageIds: string[]) => {
    const first = passageIds.map((id) => passageById.get(id)?.tagIds[0]).find(Boolean);
    return (first && tagById.get(first)?.color) || '#f2c94c';
  };

  return (
    <article className="reader" aria-label={`Document: ${doc.title}`}>
      <header className="reader-header">
        <h1 dir="auto">{doc.title}</h1>
        <p className="meta">
          {[doc.source, doc.author, doc.publishedAt, doc.language, doc.format.toUpperCase()].filter(Boolean).join(' · ')}
        </p>
      </header>
      <div className="reader-body" ref={bodyRef} onMouseUp={checkSelection} onKeyUp={(e) => e.shiftKey && checkSelection()} tabIndex={0}>
        {blocks.map((block) => {
          const Tag = block.kind === 'heading' ? (`h${Math.min(6, (block.level ?? 1) + 1)}` as 'h2') : BLOCK_TAG[block.kind];
          return (
            <Tag key={block.start} dir="auto" data-start={block.start} data-end={block.end} className={`block block-${block.kind}`}>
              {segmentRange(block.start, block.end, passages).map((seg) =>
                seg.passageIds.length === 0 ? (
                  <span key={seg.start}>{doc.text.slice(seg.start, seg.end)}</span>
                ) : (
                  <mark
                    key={seg.start}
                    data-passage-ids={seg.passageIds.join(' ')}
                    style={{ backgroundColor: `${colourOf(seg.passageIds)}${seg.passageIds.length > 1 ? 'cc' : '66'}` }}
                    title={seg.passageIds
                      .flatMap((id) => passageById.get(id)?.tagIds ?? [])
                      .map((id) => tagById.get(id)?.name)
                      .filter(Boolean)
                      .join(', ')}
                  >
                    {doc.text.slice(seg.start, seg.end)}
                  </mark>
                ),
              )}
            </Tag>
          );
        })}
      </div>
      {pending && (
        <TagPopover
          tags={tags}
          quote={doc.text.slice(pending.start, pending.end)}
          position={{ x: pending.x, y: pending.y }}
          onCancel={() => setPending(null)}
          onApply={async (choice) => {
            await onTag({ start: pending.start, end: pending.end }, choice);
            setPending(null);
            window.getSelection()?.removeAllRanges();
          }}
        />
      )}
    </article>
  );
}
