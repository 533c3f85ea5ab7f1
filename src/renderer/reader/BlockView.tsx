import { memo, type CSSProperties, type Ref } from 'react';
import type { Block, PassageView, Tag } from '../../shared/domain.ts';
import { highlightStyle, passageLabel } from './highlight.ts';
import { segmentRange, type Span } from './segments.ts';

interface Props {
  block: Block;
  index: number;
  text: string;
  passages: PassageView[];
  passageById: Map<string, PassageView>;
  tagById: Map<string, Tag>;
  /** Find matches inside this block, and which one (by id) is current. */
  hits: Span[];
  currentHit: string | null;
  flash: boolean;
  /** The margin: this block's paragraph number as citations count it, and "p. 3" where a PDF page begins. */
  paragraph: number | null;
  pageLabel?: string | undefined;
  style: CSSProperties;
  measureRef: Ref<HTMLDivElement>;
  onPassageClick(ids: string[], x: number, y: number): void;
}

/**
 * One block of the canonical text. Its text content is exactly text.slice(start, end), which is
 * what reader/selection.ts relies on to map a selection back to offsets.
 */
export const BlockView = memo(function BlockView(props: Props) {
  const { block, text, passages, passageById, tagById, hits, currentHit } = props;
  const inside = passages.filter((p) => p.start < block.end && p.end > block.start);
  const hitIds = new Set(hits.map((h) => h.id));
  const level = Math.min(6, (block.level ?? 1) + 1);
  const Tag = block.kind === 'heading' ? (`h${level}` as 'h2') : block.kind === 'quote' ? 'blockquote' : 'p';
  return (
    // The margin labels are CSS content from data attributes: no text node, so the block's text stays text.slice(start, end).
    <div
      ref={props.measureRef}
      data-index={props.index}
      data-para={props.paragraph ?? undefined}
      data-page-label={props.pageLabel}
      style={props.style}
      className={`block-row${props.pageLabel ? ' page-start' : ''}`}
    >
      <Tag
        dir="auto"
        data-start={block.start}
        data-end={block.end}
        className={`block block-${block.kind}${props.flash ? ' flash' : ''}`}
      >
        {segmentRange(block.start, block.end, [...inside, ...hits]).map((seg) => {
          const passageIds = seg.passageIds.filter((id) => !hitIds.has(id));
          // 'sel' is the selection being tagged: it stays visible while focus is in the popover
          const hit = seg.passageIds.find((id) => hitIds.has(id) && id !== 'sel');
          const classes = [
            hit ? `find-hit${hit === currentHit ? ' current' : ''}` : '',
            seg.passageIds.includes('sel') ? 'pending-selection' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const hitClass = classes || undefined;
          const piece = text.slice(seg.start, seg.end);
          if (passageIds.length === 0) {
            return (
              <span key={seg.start} className={hitClass}>
                {piece}
              </span>
            );
          }
          return (
            <mark
              key={seg.start}
              className={hitClass}
              data-passage-ids={passageIds.join(' ')}
              style={highlightStyle(passageIds, passageById, tagById)}
              title={passageLabel(passageIds, passageById, tagById)}
              onClick={(e) => {
                if (window.getSelection()?.isCollapsed === false) return;
                props.onPassageClick(passageIds, e.clientX, e.clientY);
              }}
            >
              {piece}
            </mark>
          );
        })}
      </Tag>
    </div>
  );
});
