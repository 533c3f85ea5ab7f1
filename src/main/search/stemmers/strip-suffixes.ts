/**
 * The suffix stripping shared by Dossier's Uyghur and Kazakh stemmers (issue 15). Both languages
 * are agglutinative with suffixes in a fixed order (plural, possessive, case, after a stem), so a
 * light stemmer removes the longest known suffix from the end, again and again, while a stem
 * long enough to be a word remains. Stripping is greedy rather than slot by slot: an inflected form
 * and its base then lose the same final letters, which is what a search index needs (both reach
 * one stem), even where the stem is not a dictionary word.
 */

export interface SuffixRules {
  /** Every suffix form (all vowel-harmony and assimilation variants), in the script of the words. */
  suffixes: readonly string[];
  /** Vowel letters of the script: a stem must keep one. */
  vowels: ReadonlySet<string>;
  /** A stem keeps at least this many letters (a leading hamza carrier not counted). */
  minLength: number;
  /** At most this many suffixes are removed. */
  maxStrips: number;
  /** Suffixes of one consonant letter (м, ң, н) are removed only after a vowel: заң is no за + ң. */
  afterVowelOnly?: ReadonlySet<string>;
  /** Letters that do not count towards the stem's length (the Arabic-script hamza carrier ئ). */
  silent?: ReadonlySet<string>;
}

export interface CompiledRules extends SuffixRules {
  sorted: readonly string[];
}

export function compileRules(rules: SuffixRules): CompiledRules {
  return { ...rules, sorted: [...new Set(rules.suffixes)].sort((a, b) => [...b].length - [...a].length) };
}

function letterCount(letters: string[], silent: ReadonlySet<string> | undefined): number {
  return silent ? letters.filter((l) => !silent.has(l)).length : letters.length;
}

/** The word with its suffixes removed (the word itself when none applies). */
export function stripSuffixes(word: string, rules: CompiledRules): string {
  let letters = [...word];
  for (let strips = 0; strips < rules.maxStrips; strips++) {
    let stripped = false;
    for (const suffix of rules.sorted) {
      const suffixLetters = [...suffix];
      if (suffixLetters.length >= letters.length) continue;
      if (!endsWith(letters, suffixLetters)) continue;
      const stem = letters.slice(0, letters.length - suffixLetters.length);
      // A one-letter suffix is removed only from a longer stem: адам is no ада + м.
      if (letterCount(stem, rules.silent) < rules.minLength + (suffixLetters.length === 1 ? 1 : 0)) continue;
      if (!stem.some((l) => rules.vowels.has(l))) continue;
      if (rules.afterVowelOnly?.has(suffix) && !rules.vowels.has(stem.at(-1)!)) continue;
      letters = stem;
      stripped = true;
      break;
    }
    if (!stripped) break;
  }
  return letters.join('');
}

function endsWith(letters: string[], suffix: string[]): boolean {
  const offset = letters.length - suffix.length;
  return suffix.every((l, i) => letters[offset + i] === l);
}
