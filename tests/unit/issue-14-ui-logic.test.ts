/** Issue 14, the interface's pure parts: the word cursor, margin numbers, popover placement, small texts. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/shared/domain.ts';
import { locate, paragraphNumbers } from '../../src/shared/locator.ts';
import { endSentence, summariseImport } from '../../src/renderer/import-summary.ts';
import { isIsoDate } from '../../src/renderer/iso-date.ts';
import { moveCaret, selectedRange } from '../../src/renderer/reader/caret.ts';
import { marginLabels } from '../../src/renderer/reader/margin.ts';
import { placePopover } from '../../src/renderer/reader/popover-position.ts';
import { paletteKeys } from '../../src/renderer/shell/platform.ts';

/** Blocks of `parts` joined by a blank line, as the importers' canonical text is. */
function layout(parts: [Block['kind'], string][]): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  for (const [kind, part] of parts) {
    if (text) text += '\n\n';
    blocks.push({ kind, start: text.length, end: text.length + part.length });
    text += part;
  }
  return { text, blocks };
}

describe('item 10: the word cursor', () => {
  const { text, blocks } = layout([
    ['heading', 'Testimony'],
    ['paragraph', 'He was detained in March. The guards took his phone.'],
    ['paragraph', '他说他们被关押在再教育营里。每天只能吃三个馒头。'],
  ]);
  const at = (s: string) => text.indexOf(s);
  const word = (from: number, direction: 1 | -1) => moveCaret(text, blocks, from, 'word', direction);

  it('moves to the end of the next word and the start of the previous one, skipping punctuation', () => {
    expect(text.slice(at('He'), word(at('He'), 1))).toBe('He');
    expect(word(at('He') + 2, 1)).toBe(at('was') + 3);
    expect(word(at(' in March'), -1)).toBe(at('detained'));
    // past "March." the next word is "The", not the full stop
    expect(text.slice(at('The'), word(at('March') + 5, 1))).toBe('The');
  });

  it('crosses into the next and previous block, and stays put at either end', () => {
    expect(word(blocks[0]!.end, 1)).toBe(at('He') + 2);
    expect(word(at('He'), -1)).toBe(at('Testimony'));
    expect(word(0, -1)).toBe(0);
    expect(word(text.length, 1)).toBe(text.length);
  });

  it('selects by sentence, in Chinese too, without the space after it', () => {
    const end = moveCaret(text, blocks, at('He'), 'sentence', 1);
    expect(text.slice(at('He'), end)).toBe('He was detained in March.');
    expect(text.slice(at('He'), moveCaret(text, blocks, end, 'sentence', 1))).toBe('He was detained in March. The guards took his phone.');
    expect(moveCaret(text, blocks, at('The guards') + 4, 'sentence', -1)).toBe(at('The guards'));
    const zh = moveCaret(text, blocks, at('他说'), 'sentence', 1);
    expect(text.slice(at('他说'), zh)).toBe('他说他们被关押在再教育营里。');
    // Chinese words come from Intl.Segmenter, not from spaces
    expect(word(at('他说'), 1) - at('他说')).toBeLessThan(5);
  });

  it('gives the selection between anchor and caret in either order, trimmed, or nothing', () => {
    expect(selectedRange(text, at('guards') + 6, at('The'))).toEqual({ start: at('The'), end: at('guards') + 6 });
    expect(selectedRange(text, at(' in March'), at(' in March') + 1)).toBeNull();
    expect(selectedRange(text, 5, 5)).toBeNull();
  });
});

describe('item 6: the margin counts paragraphs as citations do', () => {
  const { blocks } = layout([
    ['heading', 'Title'],
    ['paragraph', 'One.'],
    ['quote', 'Two.'],
    ['heading', 'Section'],
    ['list-item', 'Three.'],
    ['paragraph', 'Four.'],
  ]);

  it('numbers every block but headings, and every block start is cited with its own number', () => {
    const numbers = paragraphNumbers(blocks);
    expect(numbers).toEqual([null, 1, 2, null, 3, 4]);
    blocks.forEach((block, i) => {
      const n = numbers[i];
      if (n !== null && n !== undefined) expect(locate(block.start, blocks, null)).toEqual({ kind: 'paragraph', n });
      // a quote ending inside a block is still cited by that block's number
      if (n !== null && n !== undefined) expect(locate(block.end - 1, blocks, null)).toEqual({ kind: 'paragraph', n });
    });
    expect(marginLabels(blocks, null).paragraphs).toEqual(numbers);
  });

  it('shows where each PDF page begins, as the page citations name', () => {
    const pdf = layout([
      ['paragraph', 'Page one, first.'],
      ['paragraph', 'Page one, second.'],
      ['paragraph', 'Page two.'],
      ['paragraph', 'Page three.'],
    ]);
    const pageStarts = [0, pdf.blocks[2]!.start, pdf.blocks[3]!.start];
    const { pages } = marginLabels(pdf.blocks, pageStarts);
    expect([...pages]).toEqual([
      [0, 1],
      [2, 2],
      [3, 3],
    ]);
    for (const [index, page] of pages) expect(locate(pdf.blocks[index]!.start, pdf.blocks, pageStarts)).toEqual({ kind: 'page', n: page });
    expect(marginLabels([], null)).toEqual({ paragraphs: [], pages: new Map() });
  });
});

describe('item 10: popovers stay inside their pane', () => {
  const left = { left: 300, top: 50, right: 660, bottom: 700 };

  it('moves left and up rather than spilling over the other pane or the window', () => {
    const place = placePopover({ x: 640, y: 680 }, { width: 340, height: 360 }, left);
    expect(place.left).toBeGreaterThanOrEqual(left.left);
    expect(place.left + place.width).toBeLessThanOrEqual(left.right);
    expect(place.top + Math.min(360, place.maxHeight)).toBeLessThanOrEqual(left.bottom);
  });

  it('narrows in a narrow pane and keeps its place where it fits', () => {
    expect(placePopover({ x: 10, y: 10 }, { width: 340, height: 300 }, { left: 0, top: 0, right: 300, bottom: 700 }).width).toBe(284);
    expect(placePopover({ x: 320, y: 100 }, { width: 320, height: 300 }, { left: 0, top: 0, right: 1000, bottom: 900 })).toEqual({
      left: 320,
      top: 108,
      width: 320,
      maxHeight: 884,
    });
  });
});

describe('item 12: small texts', () => {
  it('ends an import summary with one full stop, even after a message that ends in one', () => {
    expect(endSentence('has no readable text (a scanned PDF needs text recognition first).')).toBe(
      'has no readable text (a scanned PDF needs text recognition first).',
    );
    expect(endSentence('Imported 2')).toBe('Imported 2.');
    const summary = summariseImport({
      imported: [],
      duplicates: [],
      failed: [
        { path: '/x/scan.pdf', code: 'EMPTY', message: 'scan.pdf has no readable text (its pages hold neither text nor images to recognise).' },
        { path: '/x/b.bin', code: 'UNSUPPORTED_FORMAT', message: 'b.bin is not a supported format' },
      ],
      skipped: [],
    });
    expect(summary).toBe(
      'Imported 0; 2 failed: scan.pdf has no readable text (its pages hold neither text nor images to recognise). b.bin is not a supported format.',
    );
    expect(summary).not.toContain('..');
  });

  it('names the palette key of the platform', () => {
    expect(paletteKeys('macOS')).toBe('⌘K');
    expect(paletteKeys('MacIntel')).toBe('⌘K');
    expect(paletteKeys('Linux x86_64')).toBe('Ctrl+K');
    expect(paletteKeys('Windows')).toBe('Ctrl+K');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(['2019-03-10', '2020-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['10.03.2019', '03/10/2019', '2019-02-30', '2019-3-10', '2019-13-01', ''].map(isIsoDate)).toEqual([false, false, false, false, false, false]);
  });
});
