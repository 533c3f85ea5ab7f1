/**
 * Issue 17: the word segmenter, opencc-js, pinyin-pro and iuliia load on their first use instead
 * of at start. What each gives is checked on that first use here, in a fresh test process.
 */
import { describe, expect, it } from 'vitest';
import { queryTerms } from '../../../src/main/search/tokenizer.ts';
import { otherScripts } from '../../../src/main/search/names/spellings.ts';

describe('scripts whose helpers load on first use', () => {
  it('splits Thai and Japanese into dictionary words, and spells Chinese and Russian names in other scripts', () => {
    // Thai is written without spaces: the segmenter's dictionary finds its two words.
    expect(queryTerms('ภาษาไทย')).toEqual(['ภาษา', 'ไทย']);
    // Katakana words are split by the dictionary; the Han run still becomes bigrams.
    expect(queryTerms('ウルムチ市内')).toEqual(['ウルムチ', '市内']);
    // Traditional → simplified (opencc-js) and pinyin (pinyin-pro).
    expect(otherScripts('烏魯木齊')).toEqual(expect.arrayContaining(['乌鲁木齐', 'wulumuqi']));
    // Simplified → traditional.
    expect(otherScripts('乌鲁木齐')).toContain('烏魯木齊');
    // Russian Cyrillic → the Wikipedia romanisation (iuliia).
    expect(otherScripts('урумчи')).toContain('urumchi');
    expect(otherScripts('щукин')).toContain('shchukin');
  });
});
