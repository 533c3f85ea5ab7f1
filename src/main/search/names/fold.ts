/**
 * Diacritic folding for Latin-script terms (issue 15): "Ürümchi", "Ürümqi" typed without its
 * umlauts, pinyin with tone marks ("Wūlǔmùqí") and Kazakh Latin ("Ürımjı") all meet the plain
 * ASCII spelling a researcher types. Cyrillic and Arabic letters are left alone: there the
 * "diacritic" letters (й, ә, ү, ئې) are letters of their own.
 */

const MARKS = /\p{M}/gu;
/** Latin letters that NFD does not decompose but users write as their base letter. */
const LATIN_EXTRA: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
const LATIN_EXTRA_RE = /[ıøłđðħßæœþ]/g;
const LATIN_WITH_MARKS = /^[\p{Script=Latin}\p{M}\p{N}'’._]+$/u;
// eslint-disable-next-line no-control-regex -- "only ASCII" is the point
const ASCII = /^[\x00-\x7F]*$/;

/** A lower-case term with its Latin diacritics removed; terms in other scripts come back unchanged. */
export function foldDiacritics(term: string): string {
  if (ASCII.test(term) || !LATIN_WITH_MARKS.test(term)) return term;
  return term
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(LATIN_EXTRA_RE, (c) => LATIN_EXTRA[c] ?? c)
    .normalize('NFC');
}
