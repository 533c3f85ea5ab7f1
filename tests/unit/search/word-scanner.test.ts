/**
 * Issue 17: forEachWord scans ASCII words by character code and leaves the rest to WORD; it must find
 * exactly the words, at exactly the places, that `text.matchAll(WORD)` finds, in every script.
 */
import { describe, expect, it } from 'vitest';
import { forEachWord, WORD } from '../../../src/main/search/tokenizer.ts';
import { seededRandom } from '../../../scripts/seeded-random.ts';

const byRegex = (text: string) => [...text.matchAll(WORD)].map((m) => [m[0], m.index] as const);
const byScanner = (text: string) => {
  const out: (readonly [string, number])[] = [];
  forEachWord(text, (word, start) => out.push([word, start]));
  return out;
};

// Pieces that meet at every kind of boundary: ASCII, the joiners, accents and combining marks,
// Cyrillic, Arabic (with ZWNJ), Han, astral letters and emoji (surrogate pairs), digits, punctuation.
const PIECES = ['camp', 'Urumqi', '2018', "don't", 'e.g', 'snake_case', "'", '’', '.', '_', ' ', '\n', ',', ')', '-', 'é', 'café', 'e\u0301', 'l’été', 'лагерь', 'ئۇيغۇر', 'ک\u200Cه', '新疆', '𠀀', '😀', '½', '١٢', 'x', 'A', '\u0301'];

describe('forEachWord (issue 17)', () => {
  it('finds what the WORD expression finds, in text of every script', () => {
    expect(byScanner("Held in 2018 at Urumqi's camp, e.g. in l’été; лагерь ئۇيغۇر 新疆 😀 𠀀x.")).toEqual(
      byRegex("Held in 2018 at Urumqi's camp, e.g. in l’été; лагерь ئۇيغۇر 新疆 😀 𠀀x."),
    );
    const random = seededRandom(17);
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => PIECES[Math.floor(random() * PIECES.length)]!).join('');
      expect(byScanner(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
