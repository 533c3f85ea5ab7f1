/**
 * Detection of what must not leave the machine in an export: e-mail addresses, phone numbers and a
 * user list of names and terms (issue 6). Pure functions over strings; the report walk is in
 * redact-report.ts. Hits are replaced BEFORE rendering, so the text is absent from the file.
 */
import type { RedactionKind } from '../../shared/reports.ts';

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

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** "name [at] example [dot] org", the way publishers write addresses to dodge harvesters. */
const EMAIL_SPELLED = /[\p{L}\p{N}._%+-]+\s*[[(]\s*at\s*[\])]\s*[\p{L}\p{N}-]+(?:\s*(?:[[(]\s*dot\s*[\])]|\.)\s*[\p{L}\p{N}-]+)+/giu;

/**
 * Candidates: an optional +country code, an optional (area code), then groups of digits joined by
 * one space, dot or hyphen. Covers +86 10 1234 5678, (852) 2345-6789, 1-800-555-0199,
 * +7 (495) 123-45-67, 010-12345678 and 13812345678, also with typographic hyphens and dashes
 * (U+2010–U+2013) that word processors substitute. Filtered by `isPhone`.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}+(\-.\u2010-\u2013])(?:\+\d{1,3}[ \u00a0.\-\u2010-\u2013]?)?(?:\(\d{1,5}\)[ \u00a0.\-\u2010-\u2013]?)?\d{1,12}(?:[ \u00a0.\-\u2010-\u2013]\d{1,12}){0,6}(?![\p{L}\p{N}]|[.\-\u2010-\u2013]\d)/gu;

const DATE_LIKE = [
  /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/, // 2018-05-12
  /^\d{1,2}[-./]\d{1,2}[-./]\d{4}$/, // 12.05.2018
  /^\d{4}\s?[-–]\s?\d{4}$/, // 2017-2019
];

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (DATE_LIKE.some((re) => re.test(candidate))) return false;
  const international = candidate.startsWith('+') || candidate.includes('(');
  const grouped = /[ \u00a0.\-\u2010-\u2013]/.test(candidate);
  // A bare run of digits is a phone number only at mobile length (10–15 digits), not an ID or a sum.
  if (!international && !grouped) return digits >= 10;
  // Groups separated only by spaces are often counts and years ("in 2019 1 200 people"): want a
  // leading group of 2–5 digits and at least 8 digits, or a + / ( prefix.
  if (!international && !/[.\-\u2010-\u2013]/.test(candidate)) return digits >= 8 && /^\d{2,5} /.test(candidate);
  return true;
}

const HAN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|\p{Script=Thai}/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A term matches case-insensitively as a whole word; in scripts written without spaces (Chinese,
 * Japanese, Thai) anywhere. Runs of whitespace in the term match any whitespace.
 */
function termPattern(term: string): RegExp | undefined {
  const clean = term.normalize('NFC').trim();
  if (!clean) return undefined;
  const body = clean.split(/\s+/).map(escapeRegExp).join('\\s+');
  const bounded = !HAN.test(clean);
  return new RegExp(bounded ? `(?<![\\p{L}\\p{N}\\p{M}])${body}(?![\\p{L}\\p{N}\\p{M}])` : body, 'giu');
}

export interface DetectRules {
  emails: boolean;
  phones: boolean;
  terms: readonly string[];
}

/** Every hit in `text`, without overlaps (the longest wins), in text order. */
export function detect(text: string, rules: DetectRules): TextHit[] {
  if (!text) return [];
  const normalised = text.normalize('NFC');
  // Offsets must refer to `text`; NFC can change lengths, so detect on NFC only when it is a no-op.
  const subject = normalised.length === text.length ? normalised : text;
  const found: TextHit[] = [];
  const push = (kind: RedactionKind, re: RegExp, accept: (s: string) => boolean = () => true) => {
    for (const m of subject.matchAll(re)) {
      if (m[0] && accept(m[0])) found.push({ kind, start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
    }
  };
  if (rules.emails) {
    push('email', EMAIL);
    push('email', EMAIL_SPELLED);
  }
  if (rules.phones) push('phone', PHONE_CANDIDATE, isPhone);
  for (const term of rules.terms) {
    const re = termPattern(term);
    if (re) push('term', re);
  }
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
