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
  /** Suffixes that follow only a vowel (possessive -m, -ng, -si; Kazakh -сы): ئاساسى is ئاساس + ى, not ئاسا + سى. */
  afterVowelOnly?: ReadonlySet<string>;
  /** Suffixes that follow only a consonant (possessive -im, -ing, -i, -imiz). */
  afterConsonantOnly?: ReadonlySet<string>;
  /** A stem left by a suffix of at most two letters keeps at least this many (short suffixes are the likeliest to be part of the word: ئىرادە is no ئىرا + دە). */
  minLengthShortSuffix?: number;
  /** Suffixes that follow only one of the given letters (Kazakh -на/-нда/-нан follow the 3rd-person possessive -ы/-і). */
  onlyAfter?: Readonly<Record<string, string>>;
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
      // A one-consonant suffix is removed only from a longer stem (заң is no за + ң).
      const oneConsonant = suffixLetters.length === 1 && !rules.vowels.has(suffix);
      const minimum = Math.max(rules.minLength + (oneConsonant ? 2 : 0), suffixLetters.length <= 2 ? (rules.minLengthShortSuffix ?? 0) : 0);
      if (letterCount(stem, rules.silent) < minimum) continue;
      const after = rules.onlyAfter?.[suffix];
      if (after !== undefined && !after.includes(stem.at(-1)!)) continue;
      if (!stem.some((l) => rules.vowels.has(l))) continue;
      if (rules.afterVowelOnly?.has(suffix) && !rules.vowels.has(stem.at(-1)!)) continue;
      if (rules.afterConsonantOnly?.has(suffix) && rules.vowels.has(stem.at(-1)!)) continue;
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
