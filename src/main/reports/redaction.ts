/**
 * Detection of what must not leave the machine in an export: e-mail addresses, phone numbers and a
 * user list of names and terms (issue 6). Pure functions over strings; the report walk is in
 * redact-report.ts. Hits are replaced BEFORE rendering, so the text is absent from the file.
 */
import type { RedactionKind } from '../../shared/reports.ts';
import { normalisedView, normaliseForMatching, originalSpan } from './normalised-view.ts';

export interface TextHit {
  kind: RedactionKind;
  start: number;
  end: number;
  text: string;
}

/**
 * What replaces a redacted hit. A fixed run, not one block per character: the length of a name or
 * number is itself a clue (a two-character Chinese name, a short village name).
 */
export const REDACTION_MARK = '█████';

// The detectors run on the normalised view (normalised-view.ts): lower case, ASCII digits, "-" for
// every dash, " " for every space, "\n" for one line break; no zero-width or soft-hyphen characters.
const LOCAL = "[\\p{L}\\p{N}._%+'-]+";
const LABEL = '[\\p{L}\\p{N}-]+';
/** A line break may fall anywhere in an address that was wrapped: inside a word or beside its punctuation. */
const wrapped = (part: string) => `${part}(?:\\n${part})*`;
const AT = `(?: ?\\n?@\\n? ?| ?[[({<] ?at ?[\\])}>] ?)`;
const DOT = `(?:\\n?\\.\\n?| ?[[({<] ?dot ?[\\])}>] ?)`;
const EMAIL = new RegExp(`(?<![\\p{L}\\p{N}._%+-])${wrapped(LOCAL)}${AT}${wrapped(LABEL)}(?:${DOT}${wrapped(LABEL)})*${DOT}\\p{L}{2,}(?![\\p{L}\\p{N}])`, 'gu');
/** "media at chinaaid dot org": bare words, so only with a top-level domain people actually use. */
const EMAIL_WORDS = new RegExp(`(?<![\\p{L}\\p{N}._%+-])${LOCAL} at ${LABEL}(?:(?: dot |\\.)${LABEL})*(?: dot |\\.)(\\p{L}{2,})(?![\\p{L}\\p{N}])`, 'gu');
const COMMON_TLDS = new Set(
  'com org net edu gov info io me cn hk tw mo kz kg uz tj tm ru ua by tr de fr uk nl se no dk fi ch at be it es pt pl cz us ca au nz jp kr in pk af ir iq sa ae qa eu int ngo'.split(' '),
);

/**
 * Candidates: an optional +country code, an optional (area code), then groups of digits joined by
 * one space, line break, dot or dash (any dash: the view has folded them). Covers +86 10 1234 5678,
 * (852) 2345-6789, 1-800-555-0199, +7 (495) 123-45-67, 010-12345678 and 13812345678, written in any
 * digits. A number may touch Chinese or Arabic-script letters (电话13812345678), not Latin or
 * Cyrillic ones (an ID like A1234567890). Filtered by `isPhone`.
 */
const SEP = '(?:[ \\n]?[.-][ \\n]?|[ \\n])';
const NOT_BEFORE = '(?<![\\p{N}+.-]|[\\p{Script=Latin}\\p{Script=Cyrillic}])';
const NOT_AFTER = '(?![\\p{N}\\p{Script=Latin}\\p{Script=Cyrillic}]|[.-]\\d)';
const PHONE_CANDIDATE = new RegExp(`${NOT_BEFORE}(?:\\+ ?\\d{1,3}${SEP}?)?(?:\\( ?\\d{1,5} ?\\)${SEP}?)?\\d{1,12}(?:${SEP}\\d{1,12}){0,6}${NOT_AFTER}`, 'gu');

const DATE_LIKE = [
  /^\d{4} ?[-./] ?\d{1,2} ?[-./] ?\d{1,2}$/, // 2018-05-12
  /^\d{1,2} ?[-./] ?\d{1,2} ?[-./] ?\d{4}$/, // 12.05.2018
  /^\d{4} ?- ?\d{4}$/, // 2017-2019
];

/** Amounts in thousands: 1.200.000 or 1 500 000 000 (a first group of 1–3 digits, then groups of exactly 3). */
const THOUSANDS = /^\d{1,3}(?:([ .])\d{3})(?:\1\d{3})*$/;

function isPhone(candidate: string, before: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (DATE_LIKE.some((re) => re.test(candidate)) || THOUSANDS.test(candidate)) return false;
  // a book number, not a telephone
  if (/isbn(?:-1[03])?:? ?$/.test(before)) return false;
  const international = candidate.startsWith('+') || candidate.includes('(');
  const grouped = /[ \n.-]/.test(candidate);
  // A bare run of digits is a phone number only at mobile length (10–15 digits), not an ID or a sum.
  if (!international && !grouped) return digits >= 10;
  // Groups separated only by spaces are often counts and years ("in 2019 1 200 people"): want a
  // leading group of 2–5 digits and at least 8 digits, 10 digits (8 727 356 01 04), or a + / ( prefix.
  if (!international && !/[.-]/.test(candidate)) return digits >= 10 || (digits >= 8 && /^\d{2,5}[ \n]/.test(candidate));
  return true;
}

const NO_SPACES = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|\p{Script=Thai}/u;
/** Scripts of languages that inflect names with suffixes (Uyghur, Kazakh, Russian, Arabic). */
const INFLECTING = /\p{Script=Arabic}|\p{Script=Cyrillic}/u;
const CYRILLIC_ENDING = /[аеёиоуыэюяйьіүұә]$/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A term, normalised like the text, matches as a whole word; in scripts written without spaces
 * (Chinese, Japanese, Thai) anywhere, with a space or line break allowed between its characters.
 * Runs of whitespace in the term match any whitespace. A name in an inflecting script also matches
 * with case suffixes (Uyghur مىھرىگۈلنىڭ, Kazakh Сайрагүлдің), and a Cyrillic name ending in a vowel
 * with that vowel changed (Гульнара → Гульнары, Гульнарой).
 */
function termPattern(term: string): { anywhere: boolean; source: string } | undefined {
  const clean = normaliseForMatching(term.trim()).trim();
  if (!clean) return undefined;
  if (NO_SPACES.test(clean)) {
    const chars = [...clean.replace(/\s+/g, '')].map(escapeRegExp);
    return { anywhere: true, source: chars.join('[ \\n]?') };
  }
  const words = clean.split(/\s+/);
  let last = words.pop()!;
  let suffix = '';
  if (INFLECTING.test(clean)) {
    if (CYRILLIC_ENDING.test(last) && [...last].length > 4) last = last.slice(0, -1);
    suffix = '[\\p{L}\\p{M}]{0,6}';
  }
  return { anywhere: false, source: `${[...words, last].map(escapeRegExp).join('\\s+')}${suffix}` };
}

let cachedTerms: { key: string; patterns: RegExp[] } | undefined;
/**
 * All terms in at most two regular expressions (one pass over the text however long the list),
 * longest first so that "Ablimit Tursun" wins over "Ablimit" where both start.
 */
function termPatterns(terms: readonly string[]): RegExp[] {
  const key = terms.join('\u0000');
  if (cachedTerms?.key === key) return cachedTerms.patterns;
  const parts = terms.map(termPattern).filter((p): p is { anywhere: boolean; source: string } => !!p);
  const alternation = (list: string[]) => [...new Set(list)].sort((x, y) => y.length - x.length).join('|');
  const anywhere = parts.filter((p) => p.anywhere).map((p) => p.source);
  const words = parts.filter((p) => !p.anywhere).map((p) => p.source);
  const patterns: RegExp[] = [];
  if (anywhere.length) patterns.push(new RegExp(`(?:${alternation(anywhere)})`, 'gu'));
  if (words.length) patterns.push(new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alternation(words)})(?![\\p{L}\\p{N}\\p{M}])`, 'gu'));
  cachedTerms = { key, patterns };
  return patterns;
}

export interface DetectRules {
  emails: boolean;
  phones: boolean;
  terms: readonly string[];
}

/** Every hit in `text`, without overlaps (the longest wins), in text order; offsets and text are the original's. */
export function detect(text: string, rules: DetectRules): TextHit[] {
  if (!text) return [];
  const view = normalisedView(text);
  const subject = view.text;
  const found: TextHit[] = [];
  const push = (kind: RedactionKind, re: RegExp, accept: (m: RegExpMatchArray) => boolean = () => true) => {
    for (const m of subject.matchAll(re)) {
      if (!m[0] || !accept(m)) continue;
      const { start, end } = originalSpan(view, m.index!, m.index! + m[0].length);
      found.push({ kind, start, end, text: text.slice(start, end) });
    }
  };
  if (rules.emails) {
    push('email', EMAIL);
    push('email', EMAIL_WORDS, (m) => COMMON_TLDS.has(m[1]!));
  }
  if (rules.phones) push('phone', PHONE_CANDIDATE, (m) => isPhone(m[0], subject.slice(Math.max(0, m.index! - 10), m.index)));
  for (const re of termPatterns(rules.terms)) push('term', re);
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const result: TextHit[] = [];
  for (const hit of found) {
    const last = result.at(-1);
    if (last && hit.start < last.end) {
      if (hit.end > last.end) result[result.length - 1] = { ...last, end: hit.end, text: text.slice(last.start, hit.end) };
      continue;
    }
    result.push(hit);
  }
  return result;
}

/**
 * `text` with the given ranges replaced by the mark; with `preserveLength`, by one block per code
 * point, so code-point offsets elsewhere in the text stay valid (REFI-QDA sources).
 */
export function applyRedactions(text: string, hits: readonly { start: number; end: number }[], preserveLength = false): string {
  let out = '';
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at) continue;
    out += text.slice(at, hit.start) + (preserveLength ? '█'.repeat([...text.slice(hit.start, hit.end)].length) : REDACTION_MARK);
    at = hit.end;
  }
  return out + text.slice(at);
}

/** Parses a terms file: one name or term a line; blank lines and lines starting with # are ignored. */
export function parseTermsFile(content: string): string[] {
  return content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
