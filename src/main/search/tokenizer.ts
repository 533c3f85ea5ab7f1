/**
 * The Unicode tokeniser every index and every query goes through (DESIGN.md, Search).
 * Lunr's own trimmer keeps only ASCII word characters, so Chinese, Uyghur, Kazakh and Russian
 * would vanish from a stock index; this one matches Unicode words (and uses Intl.Segmenter for
 * scripts written without spaces).
 */

import { foldDiacritics } from './names/fold.ts';

export interface TextToken {
  /** The normalised term as indexed. */
  term: string;
  /** [start, end) in the original text, UTF-16 code units. */
  start: number;
  end: number;
}

/** Bumped whenever tokenisation or normalisation changes, so serialised caches are rebuilt. */
// 7: Kazakh and Uyghur stemmers, Latin diacritics folded, Han unigrams beside bigrams (issue 15).
// 8: ULY apostrophes splitting a digraph ignored by the Uyghur stemmer (wijdan'gha), UKY ъ kept (issue 15).
export const PIPELINE_VERSION = 8;

/** Made on first use (issue 17): building it loads ICU's word dictionaries, ~25 ms in every thread, and only scripts written without spaces need it. */
let segmenter: Intl.Segmenter | undefined;
const HAN = /^\p{Script=Han}+$/u;
// Arabic-script marks that vary between writers of the same word: harakat, superscript alef, tatweel.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const EDGE_NON_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu;
/**
 * Arabic-script letters that writers of the same word type differently depending on their
 * keyboard, folded to one form. Uyghur's own letters (ئ ې ى ۆ ۇ ۈ ۋ ڭ گ ھ) stay distinct:
 * they are different sounds, and folding them would merge different words.
 * - Persian keheh ک → Arabic kaf ك (Uyghur writes k with ك).
 * - Persian yeh ی → Arabic yeh ي (Uyghur y); alef maksura ى is Uyghur i and is kept. A final ی
 *   after a consonant is ى (see FINAL_PERSIAN_YEH_AFTER_CONSONANT).
 * - Arabic heh ه → ە (Uyghur ae; Uyghur typed on an Arabic keyboard uses ه for it). ھ (h) is kept.
 * - Kazakh/Uyghur high hamza ٴ (often omitted) and zero-width (non-)joiners are dropped.
 * - Arabic-Indic and Persian digits → ASCII digits, so 2017 and ٢٠١٧ are one term.
 */
const ARABIC_FOLD: Record<string, string> = { '\u06A9': '\u0643', '\u06CC': '\u064A', '\u0647': '\u06D5', '\u0674': '', '\u200C': '', '\u200D': '' };
const ARABIC_VARIANTS = /[\u06A9\u06CC\u0647\u0674\u200C\u200D]/g;
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
/**
 * Persian yeh at the end of a word is drawn without dots, like Uyghur ى (i): typed after a consonant
 * it is that i (ئۈرۈمچی = ئۈرۈمچى, Ürümchi); after a vowel it is y (خىتای = خىتاي). Issue 15.
 */
const FINAL_PERSIAN_YEH_AFTER_CONSONANT = /(?<=[^\u0627\u06D5\u0648\u06C7\u06C6\u06C8\u06D0\u0649\u0626\u0647])\u06CC$/u;

/** Arabic-script folding (see ARABIC_FOLD) after marks are removed. */
function foldArabic(term: string): string {
  return term
    .replace(FINAL_PERSIAN_YEH_AFTER_CONSONANT, '\u0649')
    .replace(ARABIC_VARIANTS, (c) => ARABIC_FOLD[c] ?? c)
    .replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0)! - (d >= '\u06F0' ? 0x06f0 : 0x0660)) % 10));
}

// eslint-disable-next-line no-control-regex -- "only ASCII" is the point
const ASCII = /^[\x00-\x7F]*$/;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u200C\u200D]/;

/** NFKC, case folding, Latin diacritics folded, ё as е, Arabic-script marks removed and variants folded, non-word characters trimmed from the ends. */
export function normaliseTerm(raw: string): string {
  if (ASCII.test(raw)) return /^[a-z0-9].*[a-z0-9]$|^[a-z0-9]$/i.test(raw) ? raw.toLowerCase() : raw.toLowerCase().replace(EDGE_NON_WORD, '');
  let term = raw.normalize('NFKC').toLowerCase();
  if (ARABIC_SCRIPT.test(term)) term = foldArabic(term.replace(ARABIC_MARKS, ''));
  // ё is written е in most Russian text: one term for both.
  // Latin diacritics are folded (issue 15): Ürümchi, Urumchi and pinyin's Wūlǔmùqí meet their plain spelling.
  return foldDiacritics(term.replace(/ё/g, 'е').replace(EDGE_NON_WORD, ''));
}

/**
 * A word: letters, digits and marks, with inner apostrophes, dots and underscores ("don't",
 * "e.g", "snake_case"). Matching this regular expression is several times faster than
 * Intl.Segmenter, which is kept for the scripts written without spaces that need its dictionary.
 */
export const WORD = /[\p{L}\p{N}\p{M}]+(?:['’._][\p{L}\p{N}\p{M}]+)*/gu;
const WORD_AT = new RegExp(WORD.source, 'uy');

/** ASCII letters and digits: the word characters of most text, tested without a regular expression. */
const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** The joiners WORD allows inside a word: ' ’ . _ */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 46 || c === 95;

/**
 * Each WORD match of `text` with where it starts, as `text.matchAll(WORD)` finds them (a test checks
 * it), without a match object per word: a word of ASCII letters and digits is scanned by character
 * code, and only a word with another character goes to the regular expression, from its start.
 * Issue 17: at 100,000 documents the matches' garbage was a large share of a full build.
 */
export function forEachWord(text: string, emit: (word: string, start: number) => void): void {
  forEachWordSpan(text, (start, end) => emit(text.slice(start, end), start));
}

/** Where each word of `text` starts and ends, as forEachWord finds them: for a caller that looks words up without slicing them (word-table.ts). */
export function forEachWordSpan(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && !isAsciiWordChar(c)) {
      i++;
      continue;
    }
    let end = -1;
    if (c < 128) {
      let j = i + 1;
      for (;;) {
        while (j < n && isAsciiWordChar(text.charCodeAt(j))) j++;
        const next = j < n ? text.charCodeAt(j) : -1;
        if (next >= 128 && !isJoiner(next)) break;
        if (next >= 0 && isJoiner(next) && j + 1 < n) {
          const after = text.charCodeAt(j + 1);
          if (isAsciiWordChar(after)) {
            j += 2;
            continue;
          }
          if (after >= 128) break;
        }
        end = j;
        break;
      }
    }
    if (end < 0) {
      // A character outside ASCII in or at the word: the regular expression decides, from here.
      WORD_AT.lastIndex = i;
      const match = WORD_AT.exec(text);
      if (!match) {
        // Not a word character; a pair of surrogates is one character.
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        continue;
      }
      end = i + match[0].length;
    }
    emit(i, end);
    i = end;
  }
}

const HAN_RUN = /\p{Script=Han}+/gu;
const NEEDS_DICTIONARY = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAS_HAN = /\p{Script=Han}/u;

/**
 * Splits text into index terms with their offsets. A run of Han characters becomes its
 * overlapping two-character words (and a lone character stays itself), so any Chinese word
 * of two characters or more is found whatever a dictionary would make of it.
 */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  forEachWord(text, (word, start) => {
    if (NEEDS_DICTIONARY.test(word)) segmentWords(word, start, tokens);
    else if (HAS_HAN.test(word)) splitHan(word, start, tokens);
    else {
      const term = normaliseTerm(word);
      if (term) tokens.push({ term, start, end: start + word.length });
    }
  });
  return tokens;
}

function pushHanRun(text: string, start: number, end: number, tokens: TextToken[]): void {
  if (end - start === 1) tokens.push({ term: text[start]!, start, end });
  for (let i = start; i + 2 <= end; i++) tokens.push({ term: text.slice(i, i + 2), start: i, end: i + 2 });
}

/** A word mixing Han and other letters: Han runs as bigrams, the rest as words. */
function splitHan(word: string, offset: number, tokens: TextToken[]): void {
  let at = 0;
  const rest = (end: number) => {
    const part = word.slice(at, end);
    const term = part ? normaliseTerm(part) : '';
    if (term) tokens.push({ term, start: offset + at, end: offset + end });
  };
  for (const run of word.matchAll(HAN_RUN)) {
    rest(run.index);
    const bigrams: TextToken[] = [];
    pushHanRun(run[0], 0, run[0].length, bigrams);
    for (const t of bigrams) tokens.push({ term: t.term, start: offset + run.index + t.start, end: offset + run.index + t.end });
    at = run.index + run[0].length;
  }
  rest(word.length);
}

/** Japanese, Thai, Lao, Khmer, Burmese: Intl.Segmenter's dictionary finds the words; Han runs still become bigrams. */
function segmentWords(text: string, offset: number, tokens: TextToken[]): void {
  let hanStart = -1;
  let hanEnd = -1;
  const flushHan = () => {
    if (hanStart < 0) return;
    const run: TextToken[] = [];
    pushHanRun(text, hanStart, hanEnd, run);
    for (const t of run) tokens.push({ term: t.term, start: offset + t.start, end: offset + t.end });
    hanStart = -1;
  };
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) {
      flushHan();
      continue;
    }
    const start = segment.index;
    const end = start + segment.segment.length;
    if (HAN.test(segment.segment)) {
      if (hanStart < 0 || start !== hanEnd) {
        flushHan();
        hanStart = start;
      }
      hanEnd = end;
      continue;
    }
    flushHan();
    const term = normaliseTerm(segment.segment);
    if (term) tokens.push({ term, start: offset + start, end: offset + end });
  }
  flushHan();
}

/** The terms of a piece of query text, in order, without offsets. */
export function queryTerms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}
