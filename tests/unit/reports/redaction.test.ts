import { describe, expect, it } from 'vitest';
import { applyRedactions, detect, parseTermsFile, REDACTION_MARK } from '../../../src/main/reports/redaction.ts';

const ALL = { emails: true, phones: true, terms: [] as string[] };
const found = (text: string, rules = ALL) => detect(text, rules).map((h) => [h.kind, h.text]);

describe('redaction detection', () => {
  it('finds the phone numbers publishers print, in international formats', () => {
    const text = `Beijing office: +86 10 1234 5678. Hong Kong: (852) 2345-6789. Toll-free 1-800-555-0199.
Moscow +7 (495) 123-45-67, London +44 20 7946 0958, mobile 13812345678, Urumqi 0991-1234567, fax 010.6532.1234.
Typeset: (852) 2345–6789 and 1‑800‑555‑0100.`;
    expect(found(text).map(([, t]) => t)).toEqual([
      '+86 10 1234 5678',
      '(852) 2345-6789',
      '1-800-555-0199',
      '+7 (495) 123-45-67',
      '+44 20 7946 0958',
      '13812345678',
      '0991-1234567',
      '010.6532.1234',
      '(852) 2345–6789',
      '1‑800‑555‑0100',
    ]);
  });

  it('leaves dates, years, counts and short numbers alone', () => {
    const text = 'Held from 2017-2019 (2017–2019), released on 2019-05-12 (12.05.2019), one of 1,200 detainees in cell 304; in 2018 12 people died. ID 1234567.';
    expect(found(text)).toEqual([]);
  });

  it('finds e-mail addresses, also spelled out with [at] and [dot]', () => {
    expect(found('Write to tips@rfa.org or uyghur-news [at] example [dot] org; not @handle.')).toEqual([
      ['email', 'tips@rfa.org'],
      ['email', 'uyghur-news [at] example [dot] org'],
    ]);
  });

  it('finds user terms as whole words in any case, in Latin, Cyrillic, Arabic script and Chinese', () => {
    const rules = { emails: false, phones: false, terms: ['Mihrigul', 'Гульнара', 'مىھرىگۈل', '阿依古丽'] };
    const text = 'MIHRIGUL said; Mihriguls is another word. Гульнара спросила. مىھرىگۈل ئېيتتى. 她叫阿依古丽，今年三十岁。';
    expect(found(text, rules).map(([, t]) => t)).toEqual(['MIHRIGUL', 'Гульнара', 'مىھرىگۈل', '阿依古丽']);
  });

  it('matches a long terms list in one pass, the longest term winning where two start together', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `Witness${i}`);
    const rules = { emails: false, phones: false, terms: [...many, 'Ablimit', 'Ablimit Tursun', 'Tursun'] };
    expect(found('Ablimit Tursun met Witness2999, then Ablimit alone, and Witness30000 not.', rules).map(([, t]) => t)).toEqual(['Ablimit Tursun', 'Witness2999', 'Ablimit']);
  });

  it('replaces hits by a fixed block run so the text and its length are gone', () => {
    const text = 'Call +86 10 1234 5678 or mail a@b.org now.';
    const out = applyRedactions(text, detect(text, ALL));
    expect(out).toBe(`Call ${REDACTION_MARK} or mail ${REDACTION_MARK} now.`);
    expect(applyRedactions('ab 名字 cd', [{ start: 3, end: 5 }], true)).toBe('ab ██ cd');
  });

  it('reads a terms file: one a line, comments and blank lines skipped', () => {
    expect(parseTermsFile('\uFEFF# names\nMihrigul Tursun\n\n  Kashgar  \r\n')).toEqual(['Mihrigul Tursun', 'Kashgar']);
  });
});
