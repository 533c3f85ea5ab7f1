/**
 * The Unicode tokeniser every index and every query goes through (DESIGN.md, Search).
 * Lunr's own trimmer keeps only ASCII word characters, so Chinese, Uyghur, Kazakh and Russian
 * would vanish from a stock index; this one segments with Intl.Segmenter instead.
 */

export interface TextToken {
  /** The normalised term as indexed. */
  term: string;
  /** [start, end) in the original text, UTF-16 code units. */
  start: number;
  end: number;
}

/** Bumped whenever tokenisation or normalisation changes, so serialised caches are rebuilt. */
export const PIPELINE_VERSION = 2;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const HAN = /^\p{Script=Han}+$/u;
// Arabic-script marks that vary between writers of the same word: harakat, superscript alef, tatweel.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const EDGE_NON_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu;
/**
 * Arabic-script letters that writers of the same word type differently depending on their
 * keyboard, folded to one form. Uyghur's own letters (ئ ې ى ۆ ۇ ۈ ۋ ڭ گ ھ) stay distinct:
 * they are different sounds, and folding them would merge different words.
 * - Persian keheh ک → Arabic kaf ك (Uyghur writes k with ك).
 * - Persian yeh ی → Arabic yeh ي (Uyghur y); alef maksura ى is Uyghur i and is kept.
 * - Arabic heh ه → ە (Uyghur ae; Uyghur typed on an Arabic keyboard uses ه for it). ھ (h) is kept.
 * - Kazakh/Uyghur high hamza ٴ (often omitted) and zero-width (non-)joiners are dropped.
 * - Arabic-Indic and Persian digits → ASCII digits, so 2017 and ٢٠١٧ are one term.
 */
const ARABIC_FOLD: Record<string, string> = { '\u06A9': '\u0643', '\u06CC': '\u064A', '\u0647': '\u06D5', '\u0674': '', '\u200C': '', '\u200D': '' };
const ARABIC_VARIANTS = /[\u06A9\u06CC\u0647\u0674\u200C\u200D]/g;
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-script folding (see ARABIC_FOLD) after marks are removed. */
function foldArabic(term: string): string {
  return term
    .replace(ARABIC_VARIANTS, (c) => ARABIC_FOLD[c] ?? c)
    .replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0)! - (d >= '\u06F0' ? 0x06f0 : 0x0660)) % 10));
}

/** NFKC, case folding, ё as е, Arabic-script marks removed and variants folded, non-word characters trimmed from the ends. */
export function normaliseTerm(raw: string): string {
  // ё is written е in most Russian text: one term for both.
  return foldArabic(raw.normalize('NFKC').toLowerCase().replace(ARABIC_MARKS, ''))
    .replace(/ё/g, 'е')
    .replace(EDGE_NON_WORD, '');
}

/**
 * Splits text into index terms with their offsets. A run of Han characters becomes its
 * overlapping two-character words (and a lone character stays itself), so any Chinese word
 * of two characters or more is found whatever the segmenter's dictionary made of it.
 */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let hanStart = -1;
  let hanEnd = -1;
  const flushHan = () => {
    if (hanStart < 0) return;
    if (hanEnd - hanStart === 1) tokens.push({ term: text[hanStart]!, start: hanStart, end: hanEnd });
    for (let i = hanStart; i + 2 <= hanEnd; i++) tokens.push({ term: text.slice(i, i + 2), start: i, end: i + 2 });
    hanStart = -1;
  };
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
    if (term) tokens.push({ term, start, end });
  }
  flushHan();
  return tokens;
}

/** The terms of a piece of query text, in order, without offsets. */
export function queryTerms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}
