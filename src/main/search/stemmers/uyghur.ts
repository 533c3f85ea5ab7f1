/**
 * A light stemmer for Uyghur in its three scripts (issue 15): Arabic (UEY), Latin (ULY, as the
 * search index folds it: ü → u, é → e) and Cyrillic (UKY). The suffixes are listed once, in ULY,
 * and converted to each script with the letter tables of names/uyghur-script.ts.
 *
 * Removed: plural -lar/-ler; possessive -(i)m, -(i)ng, -(i)ngiz, -(s)i, -(i)miz; case -ning (gen),
 * -ni (acc), -gha/-ge/-qa/-ke (dat), -da/-de/-ta/-te (loc), -din/-tin (abl), -diki/-tiki (locative
 * adjective), -dek/-tek (similative), -ghiche/-giche/-qiche/-kiche (limitative); the adjective
 * suffixes -iy (ئىنسانىي "human") and -liq/-lik/-luq/-lük ("with"), -siz ("without").
 * Then two alternations are undone, so a base and its inflected forms share one stem:
 * - vowel raising: a and e of a polysyllabic stem's last syllable become i (or é) before a suffix
 *   (bala "child" → balilar, yürek → yürigim), so that vowel is written i in every stem, and a
 *   stem-final vowel is dropped;
 * - final consonants k, q become g, gh between vowels (yürek → yürigi): a final g, gh is written k, q.
 *
 * Sources: de Jong, "A Grammar of Modern Uyghur" (Houtsma, 2007), ch. 4–6 (nominal morphology,
 * vowel raising); Engesæth, Yakup and Dwyer, "Greetings from the Teklimakan: a handbook of
 * Modern Uyghur" (University of Kansas, 2009), lessons on case and possession; Hahn, "Spoken
 * Uyghur" (University of Washington Press, 1991).
 */
import { foldDiacritics } from '../names/fold.ts';
import { uyghurLatinToArabic, uyghurLatinToCyrillic } from '../names/uyghur-script.ts';
import { compileRules, stripSuffixes, type CompiledRules } from './strip-suffixes.ts';

/** The suffix slots in ULY from the end of the word inwards, every harmony and assimilation variant. */
const SLOTS_ULY = [
  // case
  ['ning', 'ni', 'gha', 'ge', 'qa', 'ke', 'da', 'de', 'ta', 'te', 'din', 'tin', 'diki', 'tiki', 'dek', 'tek', 'ghiche', 'giche', 'qiche', 'kiche', 'che'],
  // possessive (-liri: plural + 3rd person, raised)
  ['im', 'm', 'ing', 'ng', 'ingiz', 'ngiz', 'imiz', 'miz', 'i', 'si', 'liri', 'liri'],
  // plural
  ['lar', 'ler'],
  // adjectives
  ['iy', 'liq', 'lik', 'luq', 'lük', 'siz'],
];
const SINGLE_CONSONANTS = ['m', 'ng'];

interface ScriptRules {
  rules: CompiledRules;
  /** The vowels that raising turns into i (ULY a, e), the i to write, and the vowels of the script. */
  raisable: ReadonlySet<string>;
  raised: string;
  finals: Record<string, string>;
}

function scriptRules(convert: (suffix: string) => string, vowels: string, raisable: string, raised: string, finals: Record<string, string>, silent?: string): ScriptRules {
  return {
    rules: compileRules({
      slots: SLOTS_ULY.map((slot) => slot.map(convert)),
      vowels: new Set([...vowels]),
      minLength: 2,
      afterVowelOnly: new Set(SINGLE_CONSONANTS.map(convert)),
      ...(silent ? { silent: new Set([...silent]) } : {}),
    }),
    raisable: new Set([...raisable]),
    raised,
    finals,
  };
}

const ARABIC = scriptRules((s) => uyghurLatinToArabic(s, true), 'اەوۇۆۈېى', 'اەې', 'ى', { 'گ': 'ك', 'غ': 'ق' }, 'ئ');
const LATIN = scriptRules((s) => foldDiacritics(s), 'aeiou', 'ae', 'i', { g: 'k' });
const CYRILLIC = scriptRules(uyghurLatinToCyrillic, 'аәеиоуөүюя', 'аәе', 'и', { 'г': 'к', 'ғ': 'қ' });

const ARABIC_LETTERS = /[\u0600-\u06FF]/u;
const CYRILLIC_LETTERS = /\p{Script=Cyrillic}/u;

/** The stem of a normalised Uyghur term in any of its scripts. */
export function stemUyghur(word: string): string {
  const script = ARABIC_LETTERS.test(word) ? ARABIC : CYRILLIC_LETTERS.test(word) ? CYRILLIC : LATIN;
  // Latin "gh" is one letter (غ): its final form is q.
  let stem = stripSuffixes(word, script.rules);
  if (script === LATIN && stem.endsWith('gh') && stem.length > 4) stem = stem.slice(0, -2) + 'q';
  let letters = [...stem];
  const vowels = script.rules.vowels;
  // Raising happens in words of two syllables or more; the word's count is what decides, not the stem's.
  const polysyllabic = [...word].filter((l) => vowels.has(l)).length >= 2;
  if (!polysyllabic) return finalConsonant(letters, script).join('');
  if (vowels.has(letters.at(-1)!) && letters.filter((l) => vowels.has(l)).length >= 2) letters = letters.slice(0, -1);
  letters = finalConsonant(letters, script);
  for (let i = letters.length - 1; i >= 0; i--) {
    if (!vowels.has(letters[i]!)) continue;
    if (script.raisable.has(letters[i]!)) letters[i] = script.raised;
    break;
  }
  return letters.join('');
}

function finalConsonant(letters: string[], script: ScriptRules): string[] {
  const last = letters.at(-1);
  const voiceless = last === undefined ? undefined : script.finals[last];
  return voiceless && letters.length > 3 ? [...letters.slice(0, -1), voiceless] : letters;
}
