/**
 * The suffix stripping shared by Dossier's Uyghur and Kazakh stemmers (issue 15). Both languages
 * are agglutinative with suffixes in a fixed order after the stem (derivation, plural, possessive,
 * case), so a light stemmer works from the end of the word inwards, slot by slot: at most one
 * suffix of each slot, the longest that leaves a stem long enough to be a word. Keeping to the
 * order is what stops it cutting a possessive twice (ئادىمى is ئادەم + ى, not ئاد + ىم + ى).
 * The stem need not be a dictionary word: an inflected form and its base reach the same one.
 */

export interface SuffixRules {
  /** The suffix slots from the end of the word inwards (case, possessive, plural, derivation), each with every form (all vowel-harmony and assimilation variants), in the script of the words. */
  slots: readonly (readonly string[])[];
  /** Vowel letters of the script: a stem must keep one. */
  vowels: ReadonlySet<string>;
  /** A stem keeps at least this many letters (a leading hamza carrier not counted). */
  minLength: number;
  /** Suffixes of one consonant letter (м, ң, н) are removed only after a vowel: заң is no за + ң. */
  afterVowelOnly?: ReadonlySet<string>;
  /** Letters that do not count towards the stem's length (the Arabic-script hamza carrier ئ). */
  silent?: ReadonlySet<string>;
}

export interface CompiledRules extends SuffixRules {
  /** Each slot's forms, longest first. */
  sorted: readonly (readonly string[])[];
}

export function compileRules(rules: SuffixRules): CompiledRules {
  return { ...rules, sorted: rules.slots.map((slot) => [...new Set(slot)].sort((a, b) => [...b].length - [...a].length)) };
}

function letterCount(letters: string[], silent: ReadonlySet<string> | undefined): number {
  return silent ? letters.filter((l) => !silent.has(l)).length : letters.length;
}

/** The word with its suffixes removed (the word itself when none applies). */
export function stripSuffixes(word: string, rules: CompiledRules): string {
  let letters = [...word];
  for (const slot of rules.sorted) {
    for (const suffix of slot) {
      const suffixLetters = [...suffix];
      if (suffixLetters.length >= letters.length) continue;
      if (!endsWith(letters, suffixLetters)) continue;
      const stem = letters.slice(0, letters.length - suffixLetters.length);
      // A one-letter suffix is removed only from a longer stem: адам is no ада + м.
      if (letterCount(stem, rules.silent) < rules.minLength + (suffixLetters.length === 1 ? 2 : 0)) continue;
      if (!stem.some((l) => rules.vowels.has(l))) continue;
      if (rules.afterVowelOnly?.has(suffix) && !rules.vowels.has(stem.at(-1)!)) continue;
      letters = stem;
      break;
    }
  }
  return letters.join('');
}

function endsWith(letters: string[], suffix: string[]): boolean {
  const offset = letters.length - suffix.length;
  return suffix.every((l, i) => letters[offset + i] === l);
}
