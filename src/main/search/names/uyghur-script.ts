/**
 * Uyghur's three scripts, letter for letter (issue 15):
 * - Arabic script (UEY, the official script in Xinjiang),
 * - Latin (ULY, Uyghur Latin Yéziqi, adopted 2001 at Xinjiang University),
 * - Cyrillic (UKY, used in Kazakhstan and the former USSR).
 * The tables are the standard correspondences of the three alphabets as given in Wikipedia's
 * "Uyghur alphabets" article (text CC BY-SA 4.0; letter correspondences are facts) and in
 * de Jong, "A Grammar of Modern Uyghur" (2007), ch. 2. All three are written phonemically with
 * every vowel, so conversion is mechanical; ULY separates ambiguous digraphs with an apostrophe
 * (nan'gha), and the Arabic hamza ئ carries a vowel that starts a syllable.
 *
 * Functions take terms as the search tokeniser normalises them: lower case, Arabic heh folded
 * to ە and Persian yeh to ي (tokenizer.ts).
 */

/** Arabic-script letters → ULY (ئ handled apart). */
const ARABIC_TO_LATIN: Record<string, string> = {
  'ا': 'a', 'ە': 'e', 'ب': 'b', 'پ': 'p', 'ت': 't', 'ج': 'j', 'چ': 'ch', 'خ': 'x', 'د': 'd', 'ر': 'r',
  'ز': 'z', 'ژ': 'zh', 'س': 's', 'ش': 'sh', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'گ': 'g', 'ڭ': 'ng',
  'ل': 'l', 'م': 'm', 'ن': 'n', 'ھ': 'h', 'و': 'o', 'ۇ': 'u', 'ۆ': 'ö', 'ۈ': 'ü', 'ۋ': 'w', 'ې': 'é',
  'ى': 'i', 'ي': 'y',
};
const LATIN_TO_ARABIC: Record<string, string> = Object.fromEntries(Object.entries(ARABIC_TO_LATIN).map(([a, l]) => [l, a]));
const ARABIC_VOWELS = new Set(['ا', 'ە', 'و', 'ۇ', 'ۆ', 'ۈ', 'ې', 'ى']);
const LATIN_VOWELS = new Set(['a', 'e', 'o', 'u', 'ö', 'ü', 'é', 'i']);

/** ULY letters → Uyghur Cyrillic (UKY). */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', e: 'ә', b: 'б', p: 'п', t: 'т', j: 'җ', ch: 'ч', x: 'х', d: 'д', r: 'р', z: 'з', zh: 'ж', s: 'с',
  sh: 'ш', gh: 'ғ', f: 'ф', q: 'қ', k: 'к', g: 'г', ng: 'ң', l: 'л', m: 'м', n: 'н', h: 'һ', o: 'о', u: 'у',
  ö: 'ө', ü: 'ү', w: 'в', é: 'е', i: 'и', y: 'й',
};
const CYRILLIC_TO_LATIN: Record<string, string> = {
  ...Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([l, c]) => [c, l])),
  // UKY writes y + vowel with one letter; ё and э occur in Russian loans.
  'ю': 'yu', 'я': 'ya', 'ё': 'yo', 'э': 'e', 'ц': 'ts', 'щ': 'shch', 'ы': 'i', 'ь': '', 'ә': 'e',
  // ъ is the glottal stop after a consonant (сәнъәт = sen'et), ULY's apostrophe.
  'ъ': "'",
};

/** The ULY letters of a term, digraphs first (ch, gh, ng, sh, zh); an apostrophe splits a digraph. */
function latinLetters(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) {
    const pair = term.slice(i, i + 2);
    if (pair === 'ch' || pair === 'gh' || pair === 'ng' || pair === 'sh' || pair === 'zh') {
      out.push(pair);
      i++;
    } else if (term[i] !== "'" && term[i] !== '’') out.push(term[i]!);
    else out.push("'");
  }
  return out;
}

/** Uyghur Arabic script → ULY. A final ي after a consonant is read as i (Persian-keyboard ی for ى). */
export function uyghurArabicToLatin(term: string): string {
  let out = '';
  const letters = [...term];
  letters.forEach((letter, i) => {
    if (letter === 'ئ') {
      // A hamza inside a word starts a new vowel-initial syllable: ULY marks it with an apostrophe.
      if (i > 0 && out && !out.endsWith("'")) out += "'";
      return;
    }
    const previous = letters[i - 1];
    if (letter === 'ي' && i === letters.length - 1 && i > 0 && previous !== undefined && !ARABIC_VOWELS.has(previous)) {
      out += 'i';
      return;
    }
    out += ARABIC_TO_LATIN[letter] ?? letter;
  });
  return out;
}

/**
 * ULY → Uyghur Arabic script: a vowel starting a word or following another vowel gets the hamza ئ.
 * A suffix (`asSuffix`) follows a consonant, so its first vowel takes none.
 */
export function uyghurLatinToArabic(term: string, asSuffix = false): string {
  let out = '';
  let previousVowel = !asSuffix; // the start of a word counts as a syllable break
  for (const letter of latinLetters(term.toLowerCase())) {
    if (letter === "'") {
      previousVowel = true;
      continue;
    }
    const vowel = LATIN_VOWELS.has(letter);
    if (vowel && previousVowel) out += 'ئ';
    out += LATIN_TO_ARABIC[letter] ?? LATIN_TO_ARABIC[latinFallback(letter)] ?? letter;
    previousVowel = vowel;
  }
  return out;
}

/** Letters a user types for ULY ones on a keyboard without them (u for ü, o for ö, e for é, c for ch). */
function latinFallback(letter: string): string {
  return ({ v: 'w', c: 'ch', ğ: 'gh', ñ: 'ng', ş: 'sh', ç: 'ch' } as Record<string, string>)[letter] ?? letter;
}

/**
 * ULY → Uyghur Cyrillic. ULY's apostrophe does two jobs (Wikipedia, "Uyghur alphabets"): it
 * splits two letters that would read as a digraph (wijdan'gha, n + gh), which Cyrillic needs no
 * mark for (виҗданға), and it writes the glottal stop before a vowel (men'i "ban", not meni "my
 * meaning"; pa'aliyet). After a consonant UKY writes that stop with ъ (сәнъәт, мәсъулийәт); between
 * two vowels both vowels are written and no mark is needed (паалийәт). Dropping the ъ made мәнъи and
 * мәни one word (issue 15).
 */
export function uyghurLatinToCyrillic(term: string): string {
  const letters = latinLetters(term.toLowerCase());
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i]!;
    const next = letters[i + 1];
    if (letter === "'") {
      const previous = letters[i - 1];
      if (previous !== undefined && previous !== "'" && !LATIN_VOWELS.has(previous) && next !== undefined && LATIN_VOWELS.has(next)) out += 'ъ';
      continue;
    }
    if (letter === 'y' && next === 'u') {
      out += 'ю';
      i++;
    } else if (letter === 'y' && next === 'a') {
      out += 'я';
      i++;
    } else out += LATIN_TO_CYRILLIC[letter] ?? LATIN_TO_CYRILLIC[latinFallback(letter)] ?? letter;
  }
  return out;
}

/** Uyghur Cyrillic → ULY. */
export function uyghurCyrillicToLatin(term: string): string {
  return [...term.toLowerCase()].map((c) => CYRILLIC_TO_LATIN[c] ?? c).join('');
}

export const uyghurArabicToCyrillic = (term: string): string => uyghurLatinToCyrillic(uyghurArabicToLatin(term));
export const uyghurCyrillicToArabic = (term: string): string => uyghurLatinToArabic(uyghurCyrillicToLatin(term));
