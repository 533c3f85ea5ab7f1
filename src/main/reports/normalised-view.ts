/**
 * The normalised view of a text that redaction detects on (issue 13): the same words whatever way
 * they were typed, with a map from every normalised code unit back to the original span it came
 * from, so a match is redacted over the whole original, invisible characters included.
 *
 * Per cluster (a base character and its combining marks): NFKC (full-width ＠．５ → @.5, ligatures,
 * presentation forms, NFD → NFC), lower case, default-ignorable characters (zero-width space and
 * joiners, soft hyphen, word joiner, BOM, bidi controls, variation selectors) and tatweel removed,
 * Arabic-script vowel marks removed and keyboard variants folded, every decimal digit (Arabic-Indic,
 * Persian, Devanagari…) to ASCII, every dash and minus to "-", curly apostrophes to "'". A run of
 * whitespace becomes one space, one "\n" when it holds one line break, "\n\n" for more.
 */

export interface NormalisedView {
  /** The normalised text the detectors run on. */
  text: string;
  /** For each UTF-16 unit of `text`, the [start, end) of the original it came from. */
  starts: Int32Array;
  ends: Int32Array;
}

const WHITESPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const IGNORABLE = '\\p{Default_Ignorable_Code_Point}\\u0640';
/** A whitespace run, or a base character with its marks and any invisible characters after it. */
const CLUSTER = new RegExp(`[\\x21-\\x7e]+(?![\\p{M}${IGNORABLE}])|[${WHITESPACE}][${WHITESPACE}${IGNORABLE}]*|[^${WHITESPACE}][\\p{M}${IGNORABLE}]*`, 'gsu');
/** A run of printable ASCII: each character maps to itself (lower-cased), the fast path for most text. */
const ASCII_RUN = /^[\x21-\x7e]+$/;
const STARTS_WITH_SPACE = new RegExp(`^[${WHITESPACE}]`, 'u');
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
const IGNORABLE_RE = new RegExp(`[${IGNORABLE}]`, 'gu');
/** Harakat and the superscript alef: writers of the same name differ in whether they type them. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
/** Keyboard variants of one letter (the search tokeniser folds the same ones): keheh, Persian yeh, heh. */
const ARABIC_FOLD: Record<string, string> = { '\u06A9': '\u0643', '\u06CC': '\u064A', '\u0647': '\u06D5', '\u0674': '', '\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627' };
const ARABIC_VARIANTS = /[\u06A9\u06CC\u0647\u0674\u0623\u0625\u0622]/g;
const DASH = /[\p{Pd}\u2212\u2796\u2E3A\u2E3B\uFE63]/gu;
const APOSTROPHE = /[\u2018\u2019\u02BC\u2032\uFF07]/g;
const DIGIT = /\p{Nd}/gu;
const ASCII_WORD = /^[\x21-\x7e]$/;

const digitCache = new Map<string, string>();
/**
 * The ASCII digit for any Unicode decimal digit. Unicode encodes each set of decimal digits as ten
 * consecutive code points from zero, so the value is the distance from the start of the run.
 */
function asciiDigit(d: string): string {
  const cached = digitCache.get(d);
  if (cached) return cached;
  const cp = d.codePointAt(0)!;
  let zero = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  const value = String((cp - zero) % 10);
  digitCache.set(d, value);
  return value;
}

function normaliseCluster(cluster: string): string {
  if (ASCII_WORD.test(cluster)) return cluster.toLowerCase();
  return cluster
    .normalize('NFKC')
    .toLowerCase()
    .replace(IGNORABLE_RE, '')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_VARIANTS, (c) => ARABIC_FOLD[c] ?? c)
    .replace(DIGIT, asciiDigit)
    .replace(DASH, '-')
    .replace(APOSTROPHE, "'")
    .replace(/ё/g, 'е')
    // Turkish İ lower-cases to i + combining dot above; Ilham typed İLHAM is the same name.
    .replace(/i\u0307/g, 'i');
}

export function normalisedView(original: string): NormalisedView {
  const parts: string[] = [];
  let starts = new Int32Array(original.length + 16);
  let ends = new Int32Array(original.length + 16);
  let length = 0;
  const map = (out: number, start: number, end: number, step: boolean) => {
    if (length + out > starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(Math.max(a.length * 2, length + out));
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
    }
    for (let i = 0; i < out; i++, length++) {
      starts[length] = step ? start + i : start;
      ends[length] = step ? start + i + 1 : end;
    }
  };
  for (const m of original.matchAll(CLUSTER)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (raw.length > 1 && ASCII_RUN.test(raw)) {
      parts.push(raw.toLowerCase());
      map(raw.length, start, end, true);
      continue;
    }
    let out: string;
    if (STARTS_WITH_SPACE.test(raw)) {
      const breaks = raw.match(LINE_BREAK)?.length ?? 0;
      out = breaks === 0 ? ' ' : breaks === 1 ? '\n' : '\n\n';
    } else {
      out = normaliseCluster(raw);
    }
    map(out.length, start, end, false);
    parts.push(out);
  }
  return { text: parts.join(''), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** The original span a match [start, end) of the normalised text covers. */
export function originalSpan(view: NormalisedView, start: number, end: number): { start: number; end: number } {
  return { start: view.starts[start]!, end: view.ends[end - 1]! };
}

/** Just the normalised string, for terms and tests. */
export function normaliseForMatching(text: string): string {
  return normalisedView(text).text;
}
