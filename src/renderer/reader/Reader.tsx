import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Block, DocumentFull, PassageView, Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { keys } from '../queries.ts';
import { BlockView } from './BlockView.tsx';
import { DocumentHeader } from './DocumentHeader.tsx';
import { DocumentPassages } from './DocumentPassages.tsx';
import { blockIndexAt, findMatches, firstEndingAfter } from './find.ts';
import { marginLabels } from './margin.ts';
import { FindBar } from './FindBar.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { OriginalView } from './OriginalView.tsx';
import { PassageEditor } from './PassageEditor.tsx';
import type { Bounds } from './popover-position.ts';
import { caretOffset, caretRect, selectionOffsets } from './selection.ts';
import { useSearchMarks } from './use-search-marks.ts';
import { useWordCursor } from './use-word-cursor.ts';
import { t } from '../strings/t.ts';
import { TagPopover } from './TagPopover.tsx';
import { PageView } from './PageView.tsx';
import { layoutOf, pageLabel } from '../../shared/page-layout.ts';

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
  /** The search the document was opened from: its matched words are marked, with next/previous. */
  search?: string | null | undefined;
  /** A changing non-zero number moves the keyboard focus into the text. */
  grab?: number | undefined;
}

/**
 * One document in one pane: header, find, and the text rendered block by block. Only the blocks
 * in view are in the DOM (TanStack Virtual), so a 300-page PDF scrolls like a short article.
 */
export function Reader({ doc, passages, tags, focus, linkTo, onTopBlock, findNonce, search = null, grab = 0 }: ReaderProps) {
  const client = useQueryClient();
  const bodyRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
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
  const marks = useSearchMarks(doc.id, doc.text, search, findQuery);
  const { matches } = marks;
  // The margin counts paragraphs exactly as citations do ("para. 16"), and shows where PDF pages begin.
  const margin = useMemo(() => marginLabels(doc.blocks, doc.pageStarts), [doc.blocks, doc.pageStarts]);
  // A PDF's printed page labels ("iv", "23": issue 16) where it has them, else the page numbers.
  const pageLayout = useMemo(() => layoutOf(doc.meta), [doc.meta]);
  /** The pane this reader fills: popovers stay inside it. */
  const paneBounds = (): Bounds => {
    const rect = articleRef.current?.getBoundingClientRect();
    return rect
      ? { left: rect.left, top: rect.top, right: rect.right, bottom: Math.min(rect.bottom, window.innerHeight) }
      : { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  };

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

  const cursor = useWordCursor({
    text: doc.text,
    blocks,
    bodyRef,
    virtualizer,
    onTag: (range, at) => {
      setEditing(null);
      setPending({ ...range, ...at });
    },
  });
  const { setCursor } = cursor;

  // The word cursor is drawn over the text, at the place of its character after every layout.
  const textRef = useRef<HTMLDivElement>(null);
  const [caretBox, setCaretBox] = useState<{ x: number; y: number; h: number } | null>(null);

  useEffect(() => {
    if (focus?.pages && hasPages) setShowPages(true);
  }, [focus, hasPages]);

  useEffect(() => {
    if (!focus) return;
    quietUntil.current = Date.now() + 400;
    goTo(focus.start, 'center');
    setFlashAt(focus.start);
    // The word cursor starts at the spot opened, so the keyboard can select from there.
    setCursor({ anchor: focus.start, focus: focus.start });
    const timer = window.setTimeout(() => setFlashAt(null), 1600);
    return () => window.clearTimeout(timer);
  }, [focus, doc.id, goTo, setCursor]);

  useEffect(() => {
    if (grab) bodyRef.current?.focus({ preventScroll: true });
  }, [grab]);

  // Opened from a search at a hit: the current match is the one opened at.
  const searchMatchCount = marks.searching ? matches.length : 0;
  useEffect(() => {
    if (!searchMatchCount || !focus) return;
    const at = matches.findIndex((m) => m.end > focus.start);
    setCurrent(Math.max(0, at));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the search's matches arrive or the spot changes
  }, [searchMatchCount, focus]);

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

  const checkSelection = () => {
    if (!bodyRef.current) return;
    const selection = window.getSelection();
    const range = selectionOffsets(bodyRef.current, selection);
    const clicked = caretOffset(bodyRef.current, selection);
    if (clicked !== null) setCursor({ anchor: clicked, focus: clicked });
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
  // What shows as selected: the range being tagged, else the keyboard selection.
  const keyboardSelection = cursor.cursor && cursor.cursor.anchor !== cursor.cursor.focus ? cursor.cursor : null;
  const selected = pending ?? (keyboardSelection ? { start: Math.min(keyboardSelection.anchor, keyboardSelection.focus), end: Math.max(keyboardSelection.anchor, keyboardSelection.focus) } : null);
  const items = virtualizer.getVirtualItems();
  const caretAt = cursor.cursor?.focus;
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const offset = caretAt;
    const block = offset === undefined ? undefined : blocks[blockIndexAt(blocks, offset)];
    const element = block && textRef.current?.querySelector(`[data-start="${block.start}"]`);
    const rect = element && offset !== undefined && offset <= block.end ? caretRect(element, offset - block.start) : null;
    const base = textRef.current?.getBoundingClientRect();
    const next = rect && base ? { x: Math.round(rect.left - base.left), y: Math.round(rect.top - base.top), h: Math.round(rect.height) } : null;
    setCaretBox((prev) => (prev?.x === next?.x && prev?.y === next?.y && prev?.h === next?.h ? prev : next));
  }, [caretAt, blocks, items, totalSize]);
  return (
    <article className="reader" ref={articleRef} aria-label={t('reader.document', { title: doc.title })}>
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
        search={marks.search}
        onDismissSearch={marks.dismiss}
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
          onKeyDown={(e) => {
            if (cursor.onKeyDown(e)) e.preventDefault();
          }}
          onScroll={onScroll}
          onWheel={cursor.onUserScroll}
          onTouchMove={cursor.onUserScroll}
          onPointerDown={cursor.onUserScroll}
          tabIndex={0}
          aria-label={t('reader.text', { title: doc.title })}
          role="document"
        >
          <div ref={textRef} className="reader-text" lang={doc.language ?? undefined} style={{ height: virtualizer.getTotalSize() }}>
            {caretBox && <div className="reader-caret" aria-hidden style={{ transform: `translate(${caretBox.x}px, ${caretBox.y}px)`, height: caretBox.h }} />}
            {items.map((item) => {
              const block = blocks[item.index]!;
              const from = firstEndingAfter(matches, block.start);
              const hits = [];
              for (let i = from; i < matches.length && matches[i]!.start < block.end; i++)
                hits.push({ id: `f:${i}`, ...matches[i]! });
              if (selected && selected.start < block.end && selected.end > block.start)
                hits.push({ id: 'sel', start: selected.start, end: selected.end });
              return (
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
                  paragraph={margin.paragraphs[item.index] ?? null}
                  pageLabel={margin.pages.has(item.index) ? t('reader.pageLabel', { n: pageLabel(pageLayout, margin.pages.get(item.index)! - 1) }) : undefined}
                  measureRef={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
                  onPassageClick={(ids, x, y) => {
                    setPending(null);
                    setEditing({ ids, x, y });
                  }}
                />
              );
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
      {/* What the keyboard has selected, read out as it grows (the highlight alone is not announced). */}
      <span className="visually-hidden" aria-live="polite">
        {keyboardSelection && !pending && selected ? t('reader.keyboardSelection', { text: doc.text.slice(selected.start, Math.min(selected.end, selected.start + 200)) }) : ''}
      </span>
      {pending && (
        <TagPopover
          tags={tags}
          quote={doc.text.slice(pending.start, pending.end)}
          position={{ x: pending.x, y: pending.y }}
          bounds={paneBounds()}
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
            setCursor({ anchor: pending.end, focus: pending.end });
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
          bounds={paneBounds()}
          onClose={(returnFocus) => {
            setEditing(null);
            if (returnFocus) bodyRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </article>
  );
}
