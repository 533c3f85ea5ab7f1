import { cleanText } from './clean.ts';

/** A title of last resort: the first line of the text, or the file name without its extension. */
export function fallbackTitle(text: string, fileName: string): string {
  const firstLine = text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  if (firstLine && firstLine.length <= 200) return firstLine;
  if (firstLine) return `${firstLine.slice(0, 197)}…`;
  return fileName.replace(/\.[^.]+$/, '');
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A publication date as the store keeps it (YYYY-MM-DD), from the forms found in meta tags,
 * JSON-LD, PDF Info and e-mail headers. The calendar date as written: no time-zone shift.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(s); // PDF date
  if (m) return isoDate(Number(m[1]), Number(m[2] ?? '1'), Number(m[3] ?? '1'));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^(?:\\w+,\\s*)?${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i').exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = new RegExp(`^(?:\\w+,\\s*)?(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})`, 'i').exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  return null;
}

export interface Dateline {
  place: string | null;
  date: string;
}

/**
 * A news dateline near the start of the text: "(Ili Kazakh, Xinjiang—June 4, 2018)",
 * "URUMQI, June 4, 2018 —", "Beijing, 4 June 2018:" or "2018年6月4日". Only the first 1,500 characters
 * are searched, so a date quoted later in the article is not taken for the publication date.
 */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, 1500);
  const usDate = `${MONTH}\\s+\\d{1,2},?\\s+\\d{4}`;
  const euDate = `\\d{1,2}\\s+${MONTH}\\s+\\d{4}`;
  const patterns = [
    new RegExp(`\\(([^()\\n]{2,80}?)\\s*[—–-]{1,2}\\s*(${usDate}|${euDate})\\s*\\)`, 'i'),
    new RegExp(`(?:^|\\n)\\s*([A-Z][A-Za-z .'-]{1,40}(?:,\\s*[A-Z][A-Za-z .'-]{1,40})?),\\s+(${usDate}|${euDate})\\s*[—–:-]`),
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(head);
    if (!m) continue;
    const date = normalizeDate(m[2]!);
    if (date) return { place: cleanText(m[1], 120), date };
  }
  const zh = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(head);
  if (zh) {
    const date = isoDate(Number(zh[1]), Number(zh[2]), Number(zh[3]));
    if (date) return { place: null, date };
  }
  return null;
}
