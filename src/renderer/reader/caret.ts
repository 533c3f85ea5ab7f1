import type { Block } from '../../shared/domain.ts';
import { blockIndexAt } from './find.ts';

/**
 * The reader's word cursor (issue 14, item 10): a caret that moves over the canonical text a word
 * or a sentence at a time, so a passage can be selected and tagged from the keyboard. Offsets are
 * UTF-16 offsets into the document's text; segmentation is per block, never the whole document.
 */
export type CaretUnit = 'word' | 'sentence';

const segmenters: Record<CaretUnit, Intl.Segmenter> = {
  word: new Intl.Segmenter(undefined, { granularity: 'word' }),
  sentence: new Intl.Segmenter(undefined, { granularity: 'sentence' }),
};

/** The units of one block as [start, end) offsets in the text: word-like words, or sentences without their trailing space. */
function unitsOf(text: string, block: Block, unit: CaretUnit): { start: number; end: number }[] {
  const slice = text.slice(block.start, block.end);
  const out: { start: number; end: number }[] = [];
  for (const seg of segmenters[unit].segment(slice)) {
    if (unit === 'word' && !seg.isWordLike) continue;
    const trimmed = seg.segment.replace(/\s+$/u, '');
    const lead = trimmed.length - trimmed.trimStart().length;
    if (trimmed.length === lead) continue;
    out.push({ start: block.start + seg.index + lead, end: block.start + seg.index + trimmed.length });
  }
  return out;
}

/**
 * Where the caret goes from `offset`: forward to the end of the next word (or sentence), backward
 * to the start of the previous one, crossing into the next or previous block when this one has
 * no more. At either end of the document it stays where it is.
 */
export function moveCaret(text: string, blocks: readonly Block[], offset: number, unit: CaretUnit, direction: 1 | -1): number {
  if (blocks.length === 0) return offset;
  for (let i = blockIndexAt(blocks, offset); i >= 0 && i < blocks.length; i += direction) {
    const units = unitsOf(text, blocks[i]!, unit);
    if (direction === 1) {
      const next = units.find((u) => u.end > offset);
      if (next) return next.end;
    } else {
      const previous = units.findLast((u) => u.start < offset);
      if (previous) return previous.start;
    }
  }
  return offset;
}

/** The start of the block at or after `offset`'s block that has text, for a caret placed at the top of the view. */
export function blockTextStart(text: string, block: Block): number {
  let at = block.start;
  while (at < block.end && /\s/u.test(text[at]!)) at++;
  return at;
}

/** The selected range between the anchor and the caret, without surrounding white space; null when empty. */
export function selectedRange(text: string, anchor: number, focus: number): { start: number; end: number } | null {
  let start = Math.min(anchor, focus);
  let end = Math.max(anchor, focus);
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
