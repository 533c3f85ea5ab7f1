import { useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { DocumentFull, PassageView, Tag } from '../../shared/domain.ts';
import { layoutOf, pageLabel, pageOfOffset, type PageLayout, type WordBox } from '../../shared/page-layout.ts';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { drawImage, drawPage, openPdf } from './pdf-pages.ts';
import { overlaps, pageWords, spanBetween } from './page-selection.ts';

export interface PageViewProps {
  doc: DocumentFull;
  passages: PassageView[];
  tagById: Map<string, Tag>;
  /** A spot to show: the page holding it scrolls into view. */
  focus: { start: number; nonce: number } | null;
  /** The span being tagged (selected here or in the text). */
  pending: { start: number; end: number } | null;
  onSelect: (range: { start: number; end: number; x: number; y: number }) => void;
}

/** Words Tesseract was less sure of are marked on the page (recognise-document.ts counts the same). */
const LOW_CONFIDENCE = 60;

/**
 * The original pages of a PDF or a scan beside its text (issue 16). Pages are drawn by pdf.js on
 * demand, when they come near the view; over each lies a layer of the stored word boxes, which
 * carries selection, passage highlights and the marks of unsure OCR words. Selection is drawn
 * from those boxes rather than pdf.js's text layer, which mis-selects Arabic-script text.
 */
export function PageView({ doc, passages, tagById, focus, pending, onSelect }: PageViewProps) {
  const layout = useMemo(() => layoutOf(doc.meta) ?? [], [doc.meta]);
  const [source, setSource] = useState<{ pdf: PDFDocumentProxy | null; bytes: Uint8Array } | null>(null);
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(400);
  const scrollRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ from: WordBox; to: WordBox } | null>(null);
  const [dragSpan, setDragSpan] = useState<{ start: number; end: number } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    void (async () => {
      const original = await invoke('documents:original', { id: doc.id }).catch(() => null);
      if (!original || cancelled) return setFailed(!cancelled);
      opened = doc.format === 'pdf' ? await openPdf(original.bytes).catch(() => null) : null;
      if (cancelled) return void opened?.destroy();
      if (doc.format === 'pdf' && !opened) return setFailed(true);
      setSource({ pdf: opened, bytes: original.bytes });
    })();
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [doc.id, doc.format]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(200, el.clientWidth - 24)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!focus) return;
    const page = pageOfOffset(doc.pageStarts ?? [0], focus.start);
    scrollRef.current?.querySelector(`[data-page="${page}"]`)?.scrollIntoView({ block: 'start' });
  }, [focus, doc.pageStarts]);

  const finish = (event: React.MouseEvent) => {
    const current = drag.current;
    drag.current = null;
    if (!current) return;
    setDragSpan(null);
    onSelect({ ...spanBetween(current.from, current.to), x: event.clientX, y: event.clientY });
  };

  const selection = dragSpan ?? pending;
  return (
    <div className="page-view" ref={scrollRef} role="region" aria-label={t('pages.region', { title: doc.title })} onMouseUp={finish} onMouseLeave={() => drag.current && setDragSpan(null)}>
      {failed && <p className="page-view-note">{t('pages.unreadable')}</p>}
      {layout.map((page, index) => (
        <Page
          key={index}
          index={index}
          page={page}
          label={pageLabel(layout, index)}
          scale={width / (page.width || 1)}
          source={source}
          text={doc.text}
          passages={passages}
          tagById={tagById}
          selection={selection}
          onWordDown={(word) => {
            drag.current = { from: word, to: word };
            setDragSpan(spanBetween(word, word));
          }}
          onWordEnter={(word) => {
            if (!drag.current) return;
            drag.current.to = word;
            setDragSpan(spanBetween(drag.current.from, word));
          }}
        />
      ))}
    </div>
  );
}

interface PageProps {
  index: number;
  page: PageLayout;
  label: string;
  scale: number;
  source: { pdf: PDFDocumentProxy | null; bytes: Uint8Array } | null;
  text: string;
  passages: PassageView[];
  tagById: Map<string, Tag>;
  selection: { start: number; end: number } | null;
  onWordDown: (word: WordBox) => void;
  onWordEnter: (word: WordBox) => void;
}

/** One page: a placeholder of the page's size until it is near the view, then its drawing and word layer. */
function Page({ index, page, label, scale, source, text, passages, tagById, selection, onWordDown, onWordEnter }: PageProps) {
  const ref = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const words = useMemo(() => (near ? pageWords(page) : []), [near, page]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && setNear(true), { rootMargin: '400px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!near || !source || !canvas.current) return;
    const target = canvas.current;
    if (source.pdf) void drawPage(source.pdf, index, target, scale).then(() => target.setAttribute('data-drawn', 'true')).catch(() => undefined);
    else void drawImage(source.bytes, target).then((ok) => ok && target.setAttribute('data-drawn', 'true'));
  }, [near, source, index, scale]);

  const colourOf = (word: WordBox): string | null => {
    for (const p of passages) {
      if (!overlaps(word, p.start, p.end)) continue;
      return (p.tagIds[0] && tagById.get(p.tagIds[0])?.color) || '#f5d76e';
    }
    return null;
  };

  return (
    <section className="pv-page" data-page={index} ref={ref} style={{ width: page.width * scale, height: page.height * scale }} aria-label={t('pages.page', { label })}>
      {/* No canvas until the page is near the view: a 500-page PDF keeps a handful in the DOM (issue 16, bench:pages). */}
      {near && <canvas ref={canvas} className="pv-canvas" style={{ width: page.width * scale, height: page.height * scale }} />}
      <div className="pv-words" dir="ltr">
        {words.map((word, i) => {
          const colour = colourOf(word);
          const selected = selection !== null && overlaps(word, selection.start, selection.end);
          const low = word.confidence >= 0 && word.confidence < LOW_CONFIDENCE;
          return (
            <span
              key={i}
              className={`pv-word${selected ? ' selected' : ''}${colour ? ' tagged' : ''}${low ? ' low' : ''}`}
              data-start={word.start}
              data-end={word.end}
              title={low ? t('pages.lowConfidence', { n: word.confidence }) : undefined}
              style={{
                left: word.x * scale,
                top: word.top * scale,
                width: Math.max(2, word.width * scale),
                height: word.height * scale * 1.2,
                ...(colour ? { backgroundColor: `${colour}66` } : {}),
              }}
              onMouseDown={(e) => {
                e.preventDefault();
                onWordDown(word);
              }}
              onMouseEnter={() => onWordEnter(word)}
            >
              {/* The word, invisible over its image: the layer reads in the text's order (right to left too). */}
              {text.slice(word.start, word.end)}
            </span>
          );
        })}
      </div>
      <span className="pv-label">{label}</span>
    </section>
  );
}
