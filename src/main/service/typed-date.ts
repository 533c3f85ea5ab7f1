/**
 * Dates as people type them into a document's details (issue 14): "June 4, 2018", "4 June 2018",
 * "4 июня 2018", "2018年6月4日", "04.06.2018", "June 2018", "2018". Stored as ISO 8601 with the
 * precision typed (YYYY, YYYY-MM or YYYY-MM-DD). chrono-node reads the words of English, Russian,
 * Ukrainian and Chinese dates; numeric forms follow small rules of our own, because chrono reads
 * 04.06.2018 the American way while dotted dates are day-first wherever they are written.
 */
import * as chrono from 'chrono-node';
import { DossierError } from '../../shared/errors.ts';

export const DATE_HINT = 'Type a date such as 2018-06-04, 4 June 2018, June 2018, 04.06.2018, 4 июня 2018 or 2018年6月4日.';

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD when the day exists in that month (no 31 June), else null. */
function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const PARSERS = [chrono.en, chrono.ru, chrono.uk, chrono.zh];

/**
 * The ISO form of a typed date, or null for an empty field. Throws BAD_INPUT, saying what to type,
 * when the text is not a date or is ambiguous (03/04/2018).
 */
export function parseTypedDate(input: string, now = new Date()): string | null {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const bad = (why: string) => new DossierError('BAD_INPUT', `“${text.slice(0, 60)}” ${why} ${DATE_HINT}`);
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
    if (month === null) return String(year);
    if (month < 1 || month > 12) throw bad('has no month 1 to 12.');
    if (day === null) return `${year}-${pad(month)}`;
    return isoDay(year, month, day) ?? (() => { throw bad('is not a day of the calendar.'); })();
  }
  // Day first with dots (Russian, German, Kazakh… usage): 04.06.2018, 4.6.2018; month and year: 06.2018.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(text);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1])) ?? (() => { throw bad('is not a day of the calendar.'); })();
  m = /^(\d{1,2})\.(\d{4})$/.exec(text);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${pad(Number(m[1]))}`;
  // Slashes are day-first in most of the world and month-first in the US: only an unambiguous one is read.
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const iso = a > 12 ? isoDay(year, b, a) : b > 12 ? isoDay(year, a, b) : a === b ? isoDay(year, a, b) : null;
    if (iso) return iso;
    throw bad(a <= 12 && b <= 12 ? 'could be day/month or month/day.' : 'is not a day of the calendar.');
  }
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${pad(Number(m[2]))}`;
  m = /^(\d{4})\s*年$/.exec(text);
  if (m) return m[1]!;
  for (const parser of PARSERS) {
    const [result, ...more] = parser.parse(text, now);
    // the whole field must be the date (a trailing "г." or full stop aside), not a date inside other words
    if (!result || more.length || result.index > 0 || !/^[\s.,г]*$/.test(text.slice(result.text.length))) continue;
    const { start } = result;
    const year = start.get('year');
    const month = start.get('month');
    if (year === null || month === null || !start.isCertain('year')) continue;
    if (start.isCertain('day')) {
      const iso = isoDay(year, month, start.get('day')!);
      if (iso) return iso;
    } else if (start.isCertain('month')) return `${year}-${pad(month)}`;
  }
  throw bad('is not a date Dossier can read.');
}
