import { describe, expect, it } from 'vitest';
import { cleanText, cleanUserText } from '../../../src/main/store/clean-text.ts';

describe('cleanText: a one-line string from a file, shown as plain text', () => {
  const cases: [string, unknown, string | null][] = [
    ['markup', 'A <b>bold</b> <script>alert(1)</script>claim', 'A bold claim'],
    // Escape sequences go whole (an 8-bit CSI takes its final byte, "d"), not just their ESC.
    ['a terminal escape (OSC 8 link, bell)', 'Title\u001b]8;;http://evil.example\u0007 here', 'Title here'],
    ['a colour escape', 'Red\u001b[31m text', 'Red text'],
    ['C1 controls and NUL', 'a\u0000b\u0085c\u009bd', 'a b c'],
    ['a right-to-left override', 'report\u202Etxet', 'reporttxet'],
    ['isolates', '\u2066left\u2069 \u2067right\u2069', 'left right'],
    ['a lone surrogate', 'bad \ud800 pair', 'bad \ufffd pair'],
    ['a BOM and line separators', '\ufeffLine\u2028two', 'Line two'],
    ['Uyghur with its marks kept', 'ئۇيغۇر\u200f تىلى', 'ئۇيغۇر\u200f تىلى'],
    ['a joiner kept', 'क्\u200dष', 'क्\u200dष'],
    ['nothing left', '<b></b>\u0007', null],
    ['not a string', 42, null],
  ];
  it.each(cases)('%s', (_label, input, expected) => expect(cleanText(input)).toBe(expected));

  it('cuts a long value with an ellipsis', () => expect(cleanText('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`));
});

describe('cleanUserText: what a person typed', () => {
  it('keeps "<" and, with multiline, line breaks and tabs', () => {
    expect(cleanUserText('Children < 14\r\n\tseen\u2029twice', { multiline: true })).toBe('Children < 14\n\tseen\ntwice');
  });
  it('removes controls and bidi overrides in both forms', () => {
    expect(cleanUserText('note\u001b[2J\u202E', { multiline: true })).toBe('note');
    expect(cleanUserText('  Tor\u001bture \n tag ', { multiline: false })).toBe('Tor ture tag');
  });
});
