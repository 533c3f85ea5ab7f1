/**
 * A light stemmer for Kazakh in Cyrillic script (issue 15): plural, possessive and case suffixes
 * in all their vowel-harmony (back ы/а, front і/е) and consonant-assimilation (л/д/т, ғ/г/қ/к,
 * н/д/т, м/б/п) variants, then the final-consonant alternation undone (қ/к/п become ғ/г/б before a
 * vowel: бостандық → бостандығы, so a stem ending in ғ, г, б is written back with қ, к, п).
 *
 * Sources for the suffix inventory: Muhamedowa, "Kazakh: A Comprehensive Grammar" (Routledge,
 * 2016), chapters on nouns (number, possession, case); Krippes, "Kazakh Grammar with Affix List"
 * (Dunwoody, 1996). Derivational suffixes are left alone: -лық (бостандық "freedom") stays
 * part of the stem, so "free" and "freedom" are not merged.
 */
import { compileRules, stripSuffixes } from './strip-suffixes.ts';

const PLURAL = ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'];
/**
 * Possessives; -ын/-сын are the 3rd person with the accusative -н, which follows only it. The 1st
 * and 2nd person singular (-ым, -ың, -м, -ң) are left out on purpose: many stems end in the same
 * letters (сенім "belief", білім "knowledge"), and cutting them merged those with other words
 * (сенім with сен "you") far more often than it found "my …" (measured on the UDHR, docs/notes/issue-15.md).
 */
const AFTER_VOWEL = ['ңыз', 'ңіз', 'сы', 'сі', 'мыз', 'міз', 'сын', 'сін'];
const AFTER_CONSONANT = ['ыңыз', 'іңіз', 'ы', 'і', 'ымыз', 'іміз', 'ын', 'ін'];
const POSSESSIVE = [...AFTER_VOWEL, ...AFTER_CONSONANT];
const CASE = [
  // genitive, dative, accusative, locative, ablative, instrumental
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
  'ға', 'ге', 'қа', 'ке', 'на', 'не',
  'ды', 'ді', 'ты', 'ті', 'ны', 'ні',
  'да', 'де', 'та', 'те', 'нда', 'нде',
  'дан', 'ден', 'тан', 'тен', 'нан', 'нен',
  'мен', 'бен', 'пен', 'менен', 'бенен', 'пенен',
];

const RULES = compileRules({
  slots: [CASE, POSSESSIVE, PLURAL],
  vowels: new Set([...'аәеиоөұүыіуэюя']),
  minLength: 2,
  afterVowelOnly: new Set(AFTER_VOWEL),
  onlyAfter: Object.fromEntries(['на', 'не', 'нда', 'нде', 'нан', 'нен'].map((s) => [s, 'ыі'])),
  afterConsonantOnly: new Set(AFTER_CONSONANT),
});

const VOICED_FINAL: Record<string, string> = { 'ғ': 'қ', 'г': 'к', 'б': 'п' };

/** The stem of a lower-case Kazakh Cyrillic word. */
export function stemKazakh(word: string): string {
  const stem = stripSuffixes(word, RULES);
  const last = stem.at(-1)!;
  return stem.length > 3 && VOICED_FINAL[last] ? stem.slice(0, -1) + VOICED_FINAL[last] : stem;
}
