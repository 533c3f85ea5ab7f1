/**
 * Dates found in a document's text (issue 18), each with its offsets, normalised to the
 * precision the text gives (day, month or year). chrono-node reads English, Russian and Arabic
 * dates ("June 4, 2018", "4 июня 2018 г.", "4 يونيو 2018"); date-rules.ts reads the rest. Where
 * two readings overlap the longer one wins (chrono's first on a tie): "2018 жылғы 4 маусым" is one
 * day, not a year and a day.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision, FoundDate } from '../../shared/entities.ts';
import { asciiDigits, ruleDates, type RuleMatch } from './date-rules.ts';

const PARSERS = [chrono.en, chrono.ru, chrono.ar];
const RELATIVE_WORDS = /\b(?:last|ago|next|yesterday|today|tomorrow|this)\b|прошл|назад|вчера|сегодня|الماضي|منذ|أمس/iu;
const pad = (n: number) => String(n).padStart(2, '0');

function toFound(text: string, m: RuleMatch): FoundDate {
  const precision: DatePrecision = m.day !== undefined && m.month !== undefined ? 'day' : m.month !== undefined ? 'month' : 'year';
  const value = precision === 'day' ? `${m.year}-${pad(m.month!)}-${pad(m.day!)}` : precision === 'month' ? `${m.year}-${pad(m.month!)}` : String(m.year);
  return { start: m.start, end: m.end, text: text.slice(m.start, m.end), value, precision, relative: m.relative };
}

function chronoDates(text: string, base: Date | null): RuleMatch[] {
  const out: RuleMatch[] = [];
  const ref = base ?? new Date(Date.UTC(2000, 0, 1));
  for (const parser of PARSERS) {
    for (const r of parser.parse(text, ref)) {
      const relative = RELATIVE_WORDS.test(r.text);
      // Without the document's date a relative date means nothing; a month or day without a year is not a date we can place.
      if ((relative && !base) || (!relative && !r.start.isCertain('year'))) continue;
      const year = r.start.get('year');
      if (year === null) continue;
      const month = r.start.isCertain('month') || (relative && r.start.isCertain('day')) ? (r.start.get('month') ?? undefined) : undefined;
      const day = month !== undefined && r.start.isCertain('day') ? (r.start.get('day') ?? undefined) : undefined;
      out.push({ start: r.index, end: r.index + r.text.length, year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}), relative });
    }
  }
  return out;
}

/** The document's date as a day (the middle of a month or year given only so far), or null. */
function baseDate(published: string | null): Date | null {
  const m = published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published) : null;
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 6, m[3] ? Number(m[3]) : m[2] ? 15 : 1));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The dates in a text; `published` (ISO, any precision) anchors relative ones. */
export function findDates(rawText: string, published: string | null): FoundDate[] {
  const text = asciiDigits(rawText);
  const validBase = baseDate(published);
  const candidates = [...chronoDates(text, validBase), ...ruleDates(text, validBase)];
  const rank = (m: RuleMatch) => (m.day !== undefined ? 2 : m.month !== undefined ? 1 : 0);
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || rank(b) - rank(a));
  const taken: RuleMatch[] = [];
  for (const c of candidates) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  return taken.sort((a, b) => a.start - b.start).map((m) => toFound(rawText, m));
}
