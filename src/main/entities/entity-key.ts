/**
 * A cross-script key for a name the gazetteer and the alias groups do not know (issue 18): the
 * name in Latin letters (Uyghur by ULY, Kazakh by the 2021 alphabet, Russian by iuliia's scheme,
 * Chinese in pinyin), diacritics folded, then reduced to a consonant skeleton in which the
 * letters transliterations disagree on meet (kh/x/h, q/k, gh/g, j/zh/dzh). So Ильхам Тохти,
 * Ilham Tohti and ئىلھام توختى share one key, as they share one person.
 */
import { pinyinOf } from '../search/names/chinese.ts';
import { foldDiacritics } from '../search/names/fold.ts';
import { kazakhCyrillicToLatin } from '../search/names/kazakh-script.ts';
import { russianToLatin } from '../search/names/russian-script.ts';
import { uyghurArabicToLatin } from '../search/names/uyghur-script.ts';
import { normaliseTerm, WORD } from '../search/tokenizer.ts';

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const KAZAKH_LETTERS = /[әғқңөұүһі]/u;

/** One word in Latin letters, lower case, diacritics folded. */
export function latinOf(word: string): string {
  const term = normaliseTerm(word);
  if (HAN.test(term)) return pinyinOf(term).replace(/\s+/g, '');
  if (ARABIC.test(term)) return foldDiacritics(uyghurArabicToLatin(term));
  if (CYRILLIC.test(term)) return foldDiacritics(KAZAKH_LETTERS.test(term) ? kazakhCyrillicToLatin(term) : russianToLatin(term));
  return foldDiacritics(term);
}

/** The consonant skeleton of a Latin word: the first letter kept, later vowels dropped, sounds that scripts write differently merged. */
export function skeleton(latin: string): string {
  const merged = latin
    .replace(/[^a-z]/g, '')
    .replace(/kh|x|q/g, 'h')
    .replace(/gh|ğ/g, 'g')
    .replace(/dzh|dj|zh|j/g, 'j')
    .replace(/ch|tsh/g, 'c')
    .replace(/sh|ş/g, 's')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i');
  if (!merged) return '';
  const rest = merged.slice(1).replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  return merged[0] + rest;
}

const keys = new Map<string, string>();
const MAX_KEYS = 100_000;

/** The key of a name as written: its words' skeletons joined by a space (kept per name: pinyin and transliteration are the costly part). */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = [...name.matchAll(WORD)]
      .map((m) => skeleton(latinOf(m[0])))
      .filter(Boolean)
      .join(' ');
    if (keys.size < MAX_KEYS) keys.set(name, key);
  }
  return key;
}
