import { describe, expect, it } from 'vitest';
import { stemKazakh } from '../../../src/main/search/stemmers/kazakh.ts';
import { stemUyghur } from '../../../src/main/search/stemmers/uyghur.ts';
import { normaliseTerm } from '../../../src/main/search/tokenizer.ts';
import { uyghurCyrillicToArabic, uyghurCyrillicToLatin, uyghurLatinToCyrillic } from '../../../src/main/search/names/uyghur-script.ts';

/**
 * Tables of inflected forms written from the grammars named in the stemmers' modules: each base,
 * then its plural, possessive and case forms and their combinations. Every form must reach the
 * stem of its base, and the bases must stay apart.
 */
const UYGHUR: Record<string, string[]> = {
  // human: plural, plural + genitive, dative, accusative, 1pl possessive, adjective -iy
  ئىنسان: ['ئىنسانلار', 'ئىنسانلارنىڭ', 'ئىنسانغا', 'ئىنساننى', 'ئىنسانىمىز', 'ئىنسانىي'],
  // camp: plural, locative, 3sg possessive + ablative, plural + locative, dative, genitive, 1pl possessive
  لاگېر: ['لاگېرلار', 'لاگېردا', 'لاگېرىدىن', 'لاگېرلاردا', 'لاگېرغا', 'لاگېرنىڭ', 'لاگېرىمىز'],
  // state: plural, plural + genitive, locative and ablative after t, 3sg possessive with raising (دۆلىتى), dative
  دۆلەت: ['دۆلەتلەر', 'دۆلەتلەرنىڭ', 'دۆلەتتە', 'دۆلەتتىن', 'دۆلىتى', 'دۆلەتكە'],
  // right: 3sg possessive, + accusative, plural, plural + 3sg possessive (raised -liri)
  ھوقۇق: ['ھوقۇقى', 'ھوقۇقىنى', 'ھوقۇقلار', 'ھوقۇقلىرى'],
  // child: raising before plural and possessive
  بالا: ['بالىلار', 'بالىسى', 'بالىلارنىڭ'],
  // school: locative, 3sg possessive with raising
  مەكتەپ: ['مەكتەپتە', 'مەكتىپى', 'مەكتەپلەر'],
  // person
  ئادەم: ['ئادەملەر', 'ئادىمى', 'ئادەمنىڭ'],
  // book: plural, 3sg possessive + locative, accusative, locative, 2sg polite possessive
  كىتاب: ['كىتابلار', 'كىتابىدا', 'كىتابنى', 'كىتابتا', 'كىتابىڭىز'],
  // house: a short root (a two-letter case suffix on a two-letter root is left: ئۆيدە, see uyghur.ts)
  ئۆي: ['ئۆيلەر', 'ئۆيلەردە', 'ئۆيىمىز'],
};

const UYGHUR_LATIN: Record<string, string[]> = {
  insan: ['insanlar', 'insanlarning', 'insangha', 'insaniy'],
  lagér: ['lagérlar', 'lagérda', 'lagéridin', 'lagérlarda'],
  döwlet: ['döwletler', 'döwletning', 'döwlitimiz'],
  bala: ['balilar', 'balisi'],
  // conscience: dative written with ULY's apostrophe splitting n + gh (UDHR), 3sg possessive + accusative, adjective -iy
  wijdan: ["wijdan'gha", 'wijdanini', 'wijdaniy'],
};

const UYGHUR_CYRILLIC: Record<string, string[]> = {
  инсан: ['инсанлар', 'инсанларниң', 'инсанға'],
  лагер: ['лагерлар', 'лагерда', 'лагеридин'],
  // conscience (UDHR art. 1 and 18): the ULY forms converted, wijdan'gha as виҗданға
  виҗдан: ['виҗданини', 'виҗданға', 'виҗданий'],
  // activity, benefit: written with ULY's apostrophe between vowels (pa'aliyet, menpe'et), both vowels in Cyrillic
  паалийәт: ['паалийәтлирини'],
  мәнпәәт: ['мәнпәитини'],
  // art: the glottal stop after a consonant is ъ (ULY sen'et)
  сәнъәт: ['сәнъәттин'],
};

const KAZAKH: Record<string, string[]> = {
  // freedom: 3sg possessive, + accusative, + dative, plural, genitive, locative
  бостандық: ['бостандығы', 'бостандығын', 'бостандығына', 'бостандықтар', 'бостандықтың', 'бостандықта'],
  // person: plural, plural + genitive, genitive, dative, accusative, plural + dative
  адам: ['адамдар', 'адамдардың', 'адамның', 'адамға', 'адамды', 'адамдарға'],
  // right: 3sg possessive, plural + 3sg possessive, genitive, dative, 3sg possessive + accusative
  құқық: ['құқығы', 'құқықтары', 'құқықтың', 'құқыққа', 'құқығын'],
  // state: plural, genitive, dative, locative, plural + locative
  мемлекет: ['мемлекеттер', 'мемлекеттің', 'мемлекетке', 'мемлекетте', 'мемлекеттерде'],
  // country: a short root
  ел: ['елдер', 'елдің', 'елге', 'елде', 'елдерінің'],
  // school: 3sg possessive, ablative, instrumental
  мектеп: ['мектебі', 'мектептен', 'мектеппен'],
};

function checkTable(table: Record<string, string[]>, stem: (word: string) => string) {
  for (const [base, forms] of Object.entries(table)) {
    for (const form of forms) expect(stem(normaliseTerm(form)), `${form} → ${base}`).toBe(stem(normaliseTerm(base)));
  }
  const stems = Object.keys(table).map((b) => stem(normaliseTerm(b)));
  expect(new Set(stems).size, 'different bases keep different stems').toBe(stems.length);
}

describe('Uyghur stemmer (issue 15)', () => {
  it('reduces plural, possessive and case forms and their combinations to the base, in Arabic script', () => checkTable(UYGHUR, stemUyghur));
  it('does the same in Latin (ULY, diacritics folded as the index folds them)', () => checkTable(UYGHUR_LATIN, stemUyghur));
  it('does the same in Cyrillic', () => checkTable(UYGHUR_CYRILLIC, stemUyghur));
  it('leaves derived words apart from their root: ھوقۇقلۇق "entitled" is not ھوقۇق "right"', () => {
    expect(stemUyghur('ھوقۇقلۇق')).not.toBe(stemUyghur('ھوقۇق'));
  });
  it('keeps a word with the glottal stop apart from one without: men\'i "ban" is not meni "my meaning" (мәнъи, мәнидә)', () => {
    expect(stemUyghur(normaliseTerm("men'i"))).not.toBe(stemUyghur(normaliseTerm('menide')));
    expect(stemUyghur(normaliseTerm("men'i"))).not.toBe(stemUyghur(normaliseTerm('meni')));
    expect(uyghurLatinToCyrillic("men'i")).toBe('мәнъи');
    expect(stemUyghur(normaliseTerm(uyghurLatinToCyrillic("men'i")))).not.toBe(stemUyghur(normaliseTerm('мәнидә')));
    expect(stemUyghur(normaliseTerm(uyghurLatinToCyrillic("men'i")))).not.toBe(stemUyghur(normaliseTerm('мәни')));
  });
  it('converts ULY\'s apostrophe to Cyrillic by what it marks: ъ for the glottal stop after a consonant, nothing between vowels or inside n\'gh', () => {
    expect(["men'i", "sen'et", "pa'aliyet", "menpe'et", "wijdan'gha", 'ijtima’iy'].map(uyghurLatinToCyrillic)).toEqual(['мәнъи', 'сәнъәт', 'паалийәт', 'мәнпәәт', 'виҗданға', 'иҗтимаий']);
    expect(uyghurCyrillicToLatin('мәнъи')).toBe("men'i");
    expect(uyghurCyrillicToArabic('мәнъи')).toBe('مەنئى');
  });
  it('keeps Uyghur letters that are different sounds apart', () => {
    expect(stemUyghur(normaliseTerm('ئۆگىنىشكە'))).not.toBe(stemUyghur(normaliseTerm('ئۇگىنىشكە')));
  });
});

describe('Kazakh stemmer (issue 15)', () => {
  it('reduces plural, possessive and case forms and their combinations to the base', () => checkTable(KAZAKH, stemKazakh));
  it('does not cut a consonant that belongs to a short word', () => {
    expect(stemKazakh('заң')).toBe('заң');
    expect(stemKazakh('адам')).not.toBe(stemKazakh('ада'));
  });
});
