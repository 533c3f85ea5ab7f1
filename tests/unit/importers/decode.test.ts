import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/main/importers/decode.ts';

const CHINESE = '新疆维吾尔自治区的拘留营。他被关押了十一个月，没有审判，家属至今不知道他的下落。';
const RUSSIAN = 'Бывший заключённый рассказал о лагере в Синьцзяне, где его держали одиннадцать месяцев без суда.';
const UYGHUR = 'ئۇ ئۈرۈمچىدىكى لاگېردا ئون بىر ئاي تۇتۇپ تۇرۇلدى، ئائىلىسى ئۇنىڭ قەيەردىلىكىنى بىلمەيدۇ.';

describe('decodeText', () => {
  it('reads GBK and GB18030 Chinese by detection, without a review flag when detection is sure', () => {
    for (const encoding of ['gbk', 'gb18030']) {
      const decoded = decodeText(iconv.encode(CHINESE, encoding), `zh-${encoding}.txt`);
      expect(decoded.text).toBe(CHINESE);
      expect(decoded.encoding).toBe('gb18030');
      expect(decoded.uncertain).toBe(false);
    }
  });

  it('reads Windows-1251 Russian, flagged for review because detection of a single-byte encoding is a guess', () => {
    const decoded = decodeText(iconv.encode(RUSSIAN, 'win1251'), 'ru.txt');
    expect(decoded.text).toBe(RUSSIAN);
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.uncertain).toBe(true);
    expect(decoded.note).toMatch(/ru\.txt .*windows-1251/);
  });

  it('trusts a declared Windows-1251 that the bytes agree with', () => {
    const decoded = decodeText(iconv.encode(RUSSIAN, 'win1251'), 'ru.html', 'windows-1251');
    expect(decoded).toMatchObject({ text: RUSSIAN, encoding: 'windows-1251', uncertain: false });
  });

  it('does not trust a declared charset that the bytes contradict', () => {
    const decoded = decodeText(iconv.encode(CHINESE, 'gbk'), 'zh.html', 'iso-8859-1');
    expect(decoded.text).toBe(CHINESE);
    expect(decoded.uncertain).toBe(true);
    expect(decoded.note).toMatch(/declares iso-8859-1, but its bytes do not read as iso-8859-1/);
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(RUSSIAN, 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(RUSSIAN, 'utf16be')]);
    expect(decodeText(le, 'le.txt')).toMatchObject({ text: RUSSIAN, encoding: 'utf-16le', uncertain: false });
    expect(decodeText(be, 'be.txt')).toMatchObject({ text: RUSSIAN, encoding: 'utf-16be', uncertain: false });
  });

  it('reads Uyghur in Arabic script as UTF-8, with or without a BOM', () => {
    const bytes = new TextEncoder().encode(UYGHUR);
    expect(decodeText(bytes, 'ug.txt')).toMatchObject({ text: UYGHUR, encoding: 'utf-8', uncertain: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), 'ug.txt').text).toBe(UYGHUR);
  });

  it('reads invalid UTF-8 as a flagged guess instead of refusing it', () => {
    const decoded = decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), 'cafe.txt', 'utf-8');
    expect(decoded.text).toBe('café noir');
    expect(decoded.uncertain).toBe(true);
    expect(decoded.note).toMatch(/declares UTF-8, but it is not valid UTF-8/);
  });
});
