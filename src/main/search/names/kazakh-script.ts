/**
 * Kazakh Cyrillic ⇄ Kazakh Latin, the alphabet of 2021 (issue 15). The letter table is the
 * one published with the Government of Kazakhstan's decree of 28 January 2021 on the Latin
 * alphabet, as given in Wikipedia's "Kazakh alphabets" article (CC BY-SA 4.0; the letter
 * correspondences are facts). Russian letters absent from the 2021 table (ц, ч, щ, ъ, ь, э, ю, я,
 * ё) follow that article's transcription.
 */

const CYRILLIC_TO_LATIN: Record<string, string> = {
  'а': 'a', 'ә': 'ä', 'б': 'b', 'в': 'v', 'г': 'g', 'ғ': 'ğ', 'д': 'd', 'е': 'e', 'ё': 'io', 'ж': 'j',
  'з': 'z', 'и': 'i', 'й': 'i', 'к': 'k', 'қ': 'q', 'л': 'l', 'м': 'm', 'н': 'n', 'ң': 'ñ', 'о': 'o',
  'ө': 'ö', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ұ': 'ū', 'ү': 'ü', 'ф': 'f', 'х': 'h',
  'һ': 'h', 'ц': 'ts', 'ч': 'ch', 'ш': 'ş', 'щ': 'şş', 'ъ': '', 'ы': 'y', 'і': 'ı', 'ь': '', 'э': 'e',
  'ю': 'iu', 'я': 'ia',
};

/** Kazakh Latin (2021) → Cyrillic, longest letters first; ı and y are the two i's (і, ы). */
const LATIN_TO_CYRILLIC: [string, string][] = [
  ['ch', 'ч'], ['ts', 'ц'], ['şş', 'щ'], ['ia', 'я'], ['iu', 'ю'],
  ['a', 'а'], ['ä', 'ә'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['ğ', 'ғ'], ['d', 'д'], ['e', 'е'], ['j', 'ж'],
  ['z', 'з'], ['i', 'и'], ['k', 'к'], ['q', 'қ'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['ñ', 'ң'], ['o', 'о'],
  ['ö', 'ө'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['ū', 'ұ'], ['ü', 'ү'], ['f', 'ф'],
  ['h', 'х'], ['ş', 'ш'], ['y', 'ы'], ['ı', 'і'],
];

/** Kazakh Cyrillic → Latin (2021 alphabet), with its diacritics (fold them for search). */
export function kazakhCyrillicToLatin(term: string): string {
  return [...term.toLowerCase()].map((c) => CYRILLIC_TO_LATIN[c] ?? c).join('');
}

/** Kazakh Latin (2021 alphabet) → Cyrillic. */
export function kazakhLatinToCyrillic(term: string): string {
  let out = '';
  const text = term.toLowerCase().normalize('NFC');
  for (let i = 0; i < text.length; ) {
    const pair = LATIN_TO_CYRILLIC.find(([latin]) => text.startsWith(latin, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
    } else out += text[i++];
  }
  return out;
}

/** Letters only Kazakh (not Russian) Cyrillic has: a term with one of them is Kazakh (or Uyghur Cyrillic). */
export const KAZAKH_LETTERS = /[әғқңөұүһі]/u;
