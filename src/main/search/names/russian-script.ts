/**
 * Russian Cyrillic ⇄ Latin (issue 15). Cyrillic → Latin is the Wikipedia romanisation as
 * implemented by the `iuliia` package (MIT; its schemas are the published standards), the one
 * English-language sources and the press use: Урумчи → Urumchi, Щукин → Shchukin. The way back
 * has no standard: this reverses the same scheme letter group by letter group, so a romanised
 * name typed by a user ("Urumchi", "Khotan") meets its Cyrillic spelling.
 */
import { createRequire } from 'node:module';
import type * as Iuliia from 'iuliia';

/** Loaded on the first Cyrillic term (issue 17): iuliia builds all its schemas at import (~20 ms), which other searches do without. */
const load = createRequire(import.meta.url);
let iuliia: typeof Iuliia | undefined;

export function russianToLatin(term: string): string {
  iuliia ??= load('iuliia') as typeof Iuliia;
  return iuliia.translate(term, iuliia.WIKIPEDIA).toLowerCase();
}

/** Latin letter groups of the Wikipedia scheme, longest first, and the Cyrillic letter each stands for. */
const LATIN_TO_RUSSIAN: [string, string][] = [
  ['shch', 'щ'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'], ['zh', 'ж'], ['yu', 'ю'], ['ya', 'я'],
  ['yo', 'ё'], ['ye', 'е'], ['iy', 'ий'], ['y', 'ы'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'],
  ['d', 'д'], ['e', 'е'], ['z', 'з'], ['i', 'и'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'],
  ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['w', 'в'], ['x', 'кс'],
  ['q', 'к'], ['c', 'к'], ['j', 'дж'],
];

/** A plain Latin term read back as Russian Cyrillic (the inverse of russianToLatin where it is one). */
export function latinToRussian(term: string): string {
  const text = term.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; ) {
    const pair = LATIN_TO_RUSSIAN.find(([latin]) => text.startsWith(latin, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
    } else out += text[i++];
  }
  return out;
}
