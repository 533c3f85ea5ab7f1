/** Issue 21: the pure parts of the Word export's runs: language tags, paragraph direction, XML-safe text. */
import { describe, expect, it } from 'vitest';
import { firstStrongIsRtl, runLanguage, toXmlText, wordLanguage } from '../../../src/main/reports/docx-runs.ts';

describe('DOCX runs', () => {
  it('gives Word the region its proofing tools expect, and keeps a tag that has one', () => {
    expect(['en', 'zh', 'zh-Hant', 'zh-HK', 'ug', 'kk', 'ru', 'ar', 'uz-Cyrl-UZ', 'de-CH'].map(wordLanguage)).toEqual(['en-US', 'zh-CN', 'zh-TW', 'zh-TW', 'ug-CN', 'kk-KZ', 'ru-RU', 'ar-SA', 'uz-Cyrl-UZ', 'de-CH']);
    // what is not a language tag is not written into the file
    expect([null, '', 'not a tag', 'x"><w:b/>'].map(wordLanguage)).toEqual([null, null, null, null]);
  });

  it('puts a language in its own slot and the defaults in the others', () => {
    expect(runLanguage('ug')).toEqual({ value: 'en-US', eastAsia: 'zh-CN', bidirectional: 'ug-CN' });
    expect(runLanguage('zh-Hant')).toEqual({ value: 'en-US', eastAsia: 'zh-TW', bidirectional: 'ar-SA' });
    expect(runLanguage('kk')).toEqual({ value: 'kk-KZ', eastAsia: 'zh-CN', bidirectional: 'ar-SA' });
    expect(runLanguage(null)).toEqual({ value: 'en-US', eastAsia: 'zh-CN', bidirectional: 'ar-SA' });
  });

  it('lays a paragraph out by its first letter, as dir="auto" does', () => {
    expect(firstStrongIsRtl('«بىز ھەر كۈنى»')).toBe(true);
    expect(firstStrongIsRtl('2019: ئۇ مۇنداق دېدى')).toBe(true);
    expect(firstStrongIsRtl('Testimony: ئۇ مۇنداق دېدى')).toBe(false);
    expect(firstStrongIsRtl('她说：بىز')).toBe(false);
    expect(firstStrongIsRtl('█████ 12')).toBe(false);
  });

  it('keeps only text XML can carry', () => {
    expect(toXmlText('a\u0001b\r\nc\rd\ud800e\udc00f\ufffe')).toBe('a\ufffdb\nc\nd\ufffde\ufffdf\ufffd');
    expect(toXmlText('😀 ئۇ 中')).toBe('😀 ئۇ 中');
  });
});
