import type { Block, BlockKind } from '../../shared/domain.ts';

export interface BlockDraft {
  kind: BlockKind;
  text: string;
  level?: number;
}

/**
 * Joins block texts into the canonical text, a blank line between blocks, and records each
 * block's offsets. Every format ends here, so offsets are computed in one place.
 */
export function assembleBlocks(drafts: BlockDraft[]): { text: string; blocks: Block[]; draftStarts: number[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  /** Where each draft's text starts in the canonical text (for an empty draft, where the next one would). */
  const draftStarts: number[] = [];
  let offset = 0;
  for (const draft of drafts) {
    const clean = draft.text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    draftStarts.push(parts.length && clean ? offset + 2 : offset);
    if (!clean) continue;
    if (parts.length) {
      parts.push('\n\n');
      offset += 2;
    }
    const block: Block = { kind: draft.kind, start: offset, end: offset + clean.length };
    if (draft.level !== undefined) block.level = draft.level;
    blocks.push(block);
    parts.push(clean);
    offset += clean.length;
  }
  return { text: parts.join(''), blocks, draftStarts };
}

/** Plain text: paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
export function paragraphsOf(text: string): BlockDraft[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => ({ kind: 'paragraph' as const, text: paragraph }));
}
