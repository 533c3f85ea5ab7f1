/**
 * A word in the other scripts its languages are written in (issue 15), as search terms (lower
 * case, Latin diacritics folded, normalised like the index). Reusable outside search: the
 * entities work calls `otherScripts` and `spellingsOfName` on names it finds.
 *
 * - Arabic script (Uyghur) → ULY Latin and Uyghur Cyrillic.
 * - Cyrillic → Latin by the Russian Wikipedia romanisation (iuliia), by the Kazakh 2021
 *   alphabet, and as Uyghur Cyrillic → ULY and Arabic script.
 * - Latin → Uyghur Arabic and Cyrillic (read as ULY), Kazakh Cyrillic (read as 2021 Latin),
 *   Russian (the romanisation reversed).
 * - Chinese → simplified, traditional, pinyin without tones (with tones it folds to the same).
 */
import { normaliseTerm } from '../tokenizer.ts';
import { pinyinOf, simplifiedChinese, traditionalChinese } from './chinese.ts';
import { foldDiacritics } from './fold.ts';
import { kazakhCyrillicToLatin, kazakhLatinToCyrillic } from './kazakh-script.ts';
import { latinToRussian, russianToLatin } from './russian-script.ts';
import { uyghurArabicToCyrillic, uyghurArabicToLatin, uyghurCyrillicToArabic, uyghurCyrillicToLatin, uyghurLatinToArabic, uyghurLatinToCyrillic } from './uyghur-script.ts';

const ARABIC = /^[\u0600-\u06FF]+$/u;
const CYRILLIC = /^\p{Script=Cyrillic}+$/u;
const LATIN = /^[\p{Script=Latin}']+$/u;
const HAN = /^\p{Script=Han}+$/u;

/** Uyghur Cyrillic writes the glottal stop (ъ, ULY's apostrophe after a consonant) in some words and leaves it out in others (хәлқара beside сәнъәт): both are looked up. */
const withoutHardSign = (cyrillic: string) => cyrillic.replace(/ъ/gu, '');

/** One normalised term's spellings in its other scripts (the term itself left out); a word in no known script gives none. */
export function otherScripts(term: string): string[] {
  const out = new Set<string>();
  const add = (spelling: string) => {
    const normalised = normaliseTerm(foldDiacritics(spelling.toLowerCase()));
    if (normalised && normalised !== term) out.add(normalised);
  };
  if (ARABIC.test(term)) {
    add(uyghurArabicToLatin(term));
    add(uyghurArabicToCyrillic(term));
    add(withoutHardSign(uyghurArabicToCyrillic(term)));
  } else if (CYRILLIC.test(term)) {
    add(russianToLatin(term));
    add(kazakhCyrillicToLatin(term));
    add(uyghurCyrillicToLatin(term));
    add(uyghurCyrillicToArabic(term));
  } else if (LATIN.test(term)) {
    add(uyghurLatinToArabic(term));
    add(uyghurLatinToCyrillic(term));
    add(withoutHardSign(uyghurLatinToCyrillic(term)));
    add(kazakhLatinToCyrillic(term));
    add(latinToRussian(term));
  } else if (HAN.test(term)) {
    add(simplifiedChinese(term));
    add(traditionalChinese(term));
    add(pinyinOf(term));
  }
  return [...out];
}

/**
 * Every spelling of a name worth looking up, as display text: the name itself, its other
 * scripts word by word (a Chinese name as a whole: pinyin is written as one word), deduplicated.
 */
export function spellingsOfName(name: string): string[] {
  const out = new Set([name.trim()]);
  const words = name.trim().split(/[\s·・‧-]+/u).filter(Boolean);
  if (words.length === 0) return [];
  const perWord = words.map((w) => [normaliseTerm(w), ...otherScripts(normaliseTerm(w))]);
  // Word i's k-th spelling, aligned across words when each has one of the same kind.
  const kinds = Math.min(...perWord.map((s) => s.length));
  for (let k = 1; k < kinds; k++) out.add(perWord.map((s) => s[k]!).join(' '));
  return [...out];
}
