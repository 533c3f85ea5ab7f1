/**
 * A light stemmer for Uyghur in its three scripts (issue 15): Arabic (UEY), Latin (ULY, as the
 * search index folds it: ü → u, é → e) and Cyrillic (UKY). The suffixes are listed once, in ULY,
 * and converted to each script with the letter tables of names/uyghur-script.ts.
 *
 * Removed: plural -lar/-ler; possessive -(i)ngiz, -(s)i, -(i)miz (not 1st/2nd singular, see
 * SLOTS_ULY); case -ning (gen),
 * -ni (acc), -gha/-ge/-qa/-ke (dat), -da/-de/-ta/-te (loc), -din/-tin (abl), -diki/-tiki (locative
 * adjective), -dek/-tek (similative), -ghiche/-giche/-qiche/-kiche (limitative); the relational
 * adjective -iy (ئىنسانىي "human"). Other derivations (-liq "with", -siz "without", -chi) are
 * words of their own and stay apart: ھوقۇقلۇق "entitled" is not ھوقۇق "right".
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
  // possessive (-liri: plural + 3rd person, raised). The 1st and 2nd person singular (-im, -ing, -m,
  // -ng) are left out on purpose: many stems end in them (bilim "knowledge" is not bil + im), and
  // cutting them merged more words wrongly than it found "my …" (measured, docs/notes/issue-15.md).
  ['ingiz', 'ngiz', 'imiz', 'miz', 'i', 'si', 'liri'],
  // plural
  ['lar', 'ler'],
  // the relational adjective -iy (ئىنسانىي "human", from ئىنسان)
  ['iy'],
];
const AFTER_VOWEL = ['ngiz', 'miz', 'si'];
const AFTER_CONSONANT = ['ingiz', 'imiz', 'i'];

interface ScriptRules {
  rules: CompiledRules;
  /** The vowels that raising turns into i (ULY a, e), the i to write, and the vowels of the script. */
  raisable: ReadonlySet<string>;
  raised: string;
  /** Final vowels dropped from a polysyllabic stem: the raisable ones and i. */
  droppable: ReadonlySet<string>;
  finals: Record<string, string>;
}

function scriptRules(convert: (suffix: string) => string, vowels: string, raisable: string, raised: string, finals: Record<string, string>, silent?: string): ScriptRules {
  return {
    rules: compileRules({
      slots: SLOTS_ULY.map((slot) => slot.map(convert)),
      vowels: new Set([...vowels]),
      minLength: 2,
      minLengthShortSuffix: 4,
      afterVowelOnly: new Set(AFTER_VOWEL.map(convert)),
      afterConsonantOnly: new Set(AFTER_CONSONANT.map(convert)),
      ...(silent ? { silent: new Set([...silent]) } : {}),
    }),
    raisable: new Set([...raisable]),
    raised,
    droppable: new Set([...raisable, raised]),
    finals,
  };
}

const ARABIC = scriptRules((s) => uyghurLatinToArabic(s, true), 'اەوۇۆۈېى', 'اەې', 'ى', { 'گ': 'ك', 'غ': 'ق' }, 'ئ');
const LATIN = scriptRules((s) => foldDiacritics(s), 'aeiou', 'ae', 'i', { g: 'k' });
const CYRILLIC = scriptRules(uyghurLatinToCyrillic, 'аәеиоуөүюя', 'аәе', 'и', { 'г': 'к', 'ғ': 'қ' });

const ARABIC_LETTERS = /[\u0600-\u06FF]/u;
const CYRILLIC_LETTERS = /\p{Script=Cyrillic}/u;
const LATIN_DIGRAPH_SPLIT = /['’](?=[^aeiouöüé'’])/gu;

/** The stem of a normalised Uyghur term in any of its scripts. */
export function stemUyghur(word: string): string {
  const script = ARABIC_LETTERS.test(word) ? ARABIC : CYRILLIC_LETTERS.test(word) ? CYRILLIC : LATIN;
  // An ULY apostrophe before a consonant only splits letters that would read as a digraph
  // (wijdan'gha is wijdan + gha): the suffix is cut without it. Before a vowel it is the glottal
  // stop, a letter of the word (men'i "ban" is not meni), and stays.
  if (script === LATIN) word = word.replace(LATIN_DIGRAPH_SPLIT, '');
  // Latin "gh" is one letter (غ): its final form is q.
  // The hamza carrier ئ starting a word is left out of the stem: texts also write it as ٴ (which the
  // tokeniser drops) or omit it, and ادەم is still ئادەم.
  let stem = stripSuffixes(script === ARABIC ? word.replace(/^ئ/u, '') : word, script.rules);
  if (script === LATIN && stem.endsWith('gh') && stem.length > 4) stem = stem.slice(0, -2) + 'q';
  let letters = [...stem];
  const vowels = script.rules.vowels;
  // Raising happens in stems of two syllables or more (hem + de keeps hem's e).
  const polysyllabic = letters.filter((l) => vowels.has(l)).length >= 2;
  if (!polysyllabic) return finalConsonant(letters, script).join('');
  // A final a, e or i is where raising shows (bala, balilar): dropped. Final o, u, ö, ü never change (ئاشۇ stays).
  if (script.droppable.has(letters.at(-1)!)) letters = letters.slice(0, -1);
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
