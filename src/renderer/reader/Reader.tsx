import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Block, DocumentFull, PassageView, Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { keys } from '../queries.ts';
import { BlockView } from './BlockView.tsx';
import { DocumentHeader } from './DocumentHeader.tsx';
import { DocumentPassages } from './DocumentPassages.tsx';
import { blockIndexAt, findMatches, firstEndingAfter } from './find.ts';
import { FindBar } from './FindBar.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { OriginalView } from './OriginalView.tsx';
import { PassageEditor } from './PassageEditor.tsx';
import { selectionOffsets } from './selection.ts';
import { t } from '../strings/t.ts';
import { TagPopover } from './TagPopover.tsx';
import { PageView } from './PageView.tsx';
import { pageStartsIn } from './page-markers.ts';
import { layoutOf } from '../../shared/page-layout.ts';

export interface ReaderProps {
  doc: DocumentFull;
  passages: PassageView[];
  tags: Tag[];
  /** A range to scroll to and flash, e.g. when opened from a passage list; the nonce repeats a request. */
  focus: { start: number; end: number; nonce: number; pages?: boolean } | null;
  /** Linked scrolling: the paragraph the other pane shows at its top. */
  linkTo: { block: number; nonce: number } | null;
  onTopBlock?: ((block: number) => void) | undefined;
  /** Ctrl+F in this pane: a changing number focuses the find box. */
  findNonce: number;
}

/**
 * One document in one pane: header, find, and the text rendered block by block. Only the blocks
 * in view are in the DOM (TanStack Virtual), so a 300-page PDF scrolls like a short article.
 */
export function Reader({ doc, passages, tags, focus, linkTo, onTopBlock, findNonce }: ReaderProps) {
  const client = useQueryClient();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<{ start: number; end: number; x: number; y: number } | null>(null);
  const [editing, setEditing] = useState<{ ids: string[]; x: number; y: number } | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  // Issue 16: the original pages of a PDF or a scan beside the text, and the spot they show.
  const hasPages = useMemo(() => layoutOf(doc.meta) !== null, [doc.meta]);
  const [showPages, setShowPages] = useState(false);
  const [pageFocus, setPageFocus] = useState<{ start: number; nonce: number } | null>(null);
  const [findQuery, setFindQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [flashAt, setFlashAt] = useState<number | null>(null);
  const quietUntil = useRef(0);

  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const passageById = useMemo(() => new Map(passages.map((p) => [p.id, p])), [passages]);
  const blocks: Block[] = useMemo(
    () => (doc.blocks.length ? doc.blocks : [{ kind: 'paragraph' as const, start: 0, end: doc.text.length }]),
    [doc.blocks, doc.text.length],
  );
  const matches = useMemo(() => findMatches(doc.text, findQuery), [doc.text, findQuery]);

  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: (i) => Math.max(32, Math.ceil((blocks[i]!.end - blocks[i]!.start) / 80) * 28 + 14),
    overscan: 8,
  });

  const goTo = useCallback(
    (offset: number, align: 'center' | 'start') => {
      setPageFocus({ start: offset, nonce: Date.now() });
      const index = blockIndexAt(blocks, offset);
      virtualizer.scrollToIndex(index, { align });
      // a second pass once the real heights are measured, and for a spot deep inside a long block
      window.requestAnimationFrame(() =>
        window.requestAnimationFrame(() => {
          const el =
            bodyRef.current?.querySelector<HTMLElement>('.find-hit.current') ??
            bodyRef.current?.querySelector<HTMLElement>(`[data-start="${blocks[index]!.start}"]`);
          el?.scrollIntoView({ block: 'center' });
        }),
      );
    },
    [blocks, virtualizer],
  );

  useEffect(() => {
    if (focus?.pages && hasPages) setShowPages(true);
  }, [focus, hasPages]);

  useEffect(() => {
    if (!focus) return;
    quietUntil.current = Date.now() + 400;
    goTo(focus.start, 'center');
    setFlashAt(focus.start);
    const timer = window.setTimeout(() => setFlashAt(null), 1600);
    return () => window.clearTimeout(timer);
  }, [focus, doc.id, goTo]);

  useEffect(() => {
    if (!linkTo) return;
    quietUntil.current = Date.now() + 300;
    virtualizer.scrollToIndex(Math.min(linkTo.block, blocks.length - 1), { align: 'start' });
  }, [linkTo, virtualizer, blocks.length]);

  const step = (delta: 1 | -1) => {
    if (!matches.length) return;
    const next = (current + delta + matches.length) % matches.length;
    setCurrent(next);
    goTo(matches[next]!.start, 'center');
  };

  // Keyboard selection (Alt+↓ / Alt+↑): a whole paragraph, starting with the one at the top of the view.
  const keyBlock = useRef<number | null>(null);
  const selectParagraph = (step: 1 | -1) => {
    const body = bodyRef.current;
    if (!body) return;
    let index = keyBlock.current;
    if (index === null) index = virtualizer.getVirtualItems().find((item) => item.end > body.scrollTop)?.index ?? 0;
    else index = Math.min(blocks.length - 1, Math.max(0, index + step));
    keyBlock.current = index;
    const block = blocks[index]!;
    let start = block.start;
    let end = block.end;
    while (start < end && /\s/.test(doc.text[start]!)) start++;
    while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
    if (start === end) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    window.requestAnimationFrame(() => {
      const rect = (body.querySelector(`[data-start="${block.start}"]`) ?? body).getBoundingClientRect();
      setEditing(null);
      setPending({ start, end, x: rect.left + 24, y: Math.min(rect.bottom, window.innerHeight - 320) });
    });
  };

  const checkSelection = () => {
    if (!bodyRef.current) return;
    const selection = window.getSelection();
    const range = selectionOffsets(bodyRef.current, selection);
    if (!range || !doc.text.slice(range.start, range.end).trim()) return;
    const rect = selection!.getRangeAt(0).getBoundingClientRect();
    setEditing(null);
    setPending({ ...range, x: rect.left, y: rect.bottom });
  };

  const onScroll = () => {
    if (!onTopBlock || Date.now() < quietUntil.current) return;
    const top = bodyRef.current?.scrollTop ?? 0;
    const first = virtualizer.getVirtualItems().find((item) => item.end > top);
    if (first) onTopBlock(first.index);
  };

  const currentHit = matches.length ? `f:${Math.min(current, matches.length - 1)}` : null;
  const items = virtualizer.getVirtualItems();
  return (
    <article className="reader" aria-label={t('reader.document', { title: doc.title })}>
      <DocumentHeader
        doc={doc}
        showOriginal={showOriginal}
        onToggleOriginal={() => setShowOriginal(!showOriginal)}
        showHistory={showHistory}
        onToggleHistory={() => setShowHistory(!showHistory)}
      />
      <FindBar
        query={findQuery}
        count={matches.length}
        current={Math.min(current, Math.max(0, matches.length - 1))}
        focusNonce={findNonce}
        onQuery={(q) => {
          setFindQuery(q);
          setCurrent(0);
          const first = findMatches(doc.text, q)[0];
          if (first) goTo(first.start, 'center');
        }}
        onStep={step}
      >
        <DocumentPassages
          passages={passages}
          tagById={tagById}
          onChoose={(p, at) => {
            goTo(p.start, 'center');
            setFlashAt(p.start);
            setPending(null);
            setEditing({ ids: [p.id], ...at });
          }}
        />
      </FindBar>
      {hasPages && !showHistory && (
        <div className="reader-tools">
          <button type="button" aria-pressed={showPages} onClick={() => setShowPages(!showPages)}>
            {showPages ? t('pages.hide') : t('pages.show')}
          </button>
        </div>
      )}
      <div className={showPages && !showHistory ? 'reader-split' : 'reader-single'}>
      {showHistory ? (
        <HistoryPanel doc={doc} />
      ) : showOriginal && doc.originalHtml ? (
        <OriginalView html={doc.originalHtml} title={doc.title} />
      ) : (
        <div
          className="reader-body"
          ref={bodyRef}
          onMouseUp={checkSelection}
          onKeyUp={(e) => e.shiftKey && checkSelection()}
          onKeyDown={(e) => {
            if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
            e.preventDefault();
            selectParagraph(e.key === 'ArrowDown' ? 1 : -1);
          }}
          onScroll={onScroll}
          tabIndex={0}
          aria-label={t('reader.text', { title: doc.title })}
          role="document"
        >
          <div className="reader-text" lang={doc.language ?? undefined} style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const block = blocks[item.index]!;
              const pageMarks = pageStartsIn(doc, block);
              const from = firstEndingAfter(matches, block.start);
              const hits = [];
              for (let i = from; i < matches.length && matches[i]!.start < block.end; i++)
                hits.push({ id: `f:${i}`, ...matches[i]! });
              if (pending && pending.start < block.end && pending.end > block.start)
                hits.push({ id: 'sel', start: pending.start, end: pending.end });
              const view = (
                <BlockView
                  key={item.key}
                  index={item.index}
                  block={block}
                  text={doc.text}
                  passages={passages}
                  passageById={passageById}
                  tagById={tagById}
                  hits={hits}
                  currentHit={currentHit}
                  flash={flashAt !== null && block.start <= flashAt && block.end > flashAt}
                  measureRef={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
                  onPassageClick={(ids, x, y) => {
                    setPending(null);
                    setEditing({ ids, x, y });
                  }}
                />
              );
              if (!pageMarks.length) return view;
              // Page breaks of a PDF: a label in the margin where a page begins, outside the text (selection maps text only).
              return [
                view,
                <span key={`${item.key}-page`} className="page-marker" aria-hidden="true" style={{ transform: `translateY(${item.start}px)` }}>
                  {pageMarks.map((m) => t('pages.marker', { label: m })).join(' · ')}
                </span>,
              ];
            })}
          </div>
        </div>
      )}
      {showPages && !showHistory && (
        <PageView
          doc={doc}
          passages={passages}
          tagById={tagById}
          focus={pageFocus}
          pending={pending}
          onSelect={(range) => {
            if (!doc.text.slice(range.start, range.end).trim()) return;
            setEditing(null);
            setPending(range);
            goTo(range.start, 'center');
          }}
        />
      )}
      </div>
      {pending && (
        <TagPopover
          tags={tags}
          quote={doc.text.slice(pending.start, pending.end)}
          position={{ x: pending.x, y: pending.y }}
          onCancel={() => {
            setPending(null);
            bodyRef.current?.focus({ preventScroll: true });
          }}
          onApply={async (choice) => {
            await invoke('passages:create', { documentId: doc.id, start: pending.start, end: pending.end, ...choice });
            // the highlight and the codebook counts are awaited; the library's counts follow in the background
            // (documents:list takes ~230 ms at 10k documents: see scripts/bench-tagging.ts)
            void client.invalidateQueries({ queryKey: keys.documents });
            void client.invalidateQueries({ queryKey: keys.history }); // tagging is undoable (issue 14)
            await Promise.all([
              client.invalidateQueries({ queryKey: ['passages'] }),
              client.invalidateQueries({ queryKey: keys.tags }),
            ]);
            setPending(null);
            window.getSelection()?.removeAllRanges();
            bodyRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
      {editing && (
        <PassageEditor
          passages={editing.ids.map((id) => passageById.get(id)).filter((p): p is PassageView => !!p)}
          tags={tags}
          position={{ x: editing.x, y: editing.y }}
          onClose={() => setEditing(null)}
        />
      )}
    </article>
  );
}
