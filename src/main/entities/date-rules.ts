/**
 * Date rules of our own (issue 18) for what chrono-node does not read: Kazakh and Uyghur month
 * names, the year forms of six languages ("in 2017", "2017 жылы", "2017-يىلى", "2017年", "عام 2017"),
 * Chinese 年月日, and dates relative to the document's date ("last spring", "в прошлом году", "去年",
 * "былтыр", "ئۆتكەن يىلى", "العام الماضي"). Each rule gives year, month and day as far as the text does.
 */

export interface RuleMatch {
  start: number;
  end: number;
  year: number;
  month?: number;
  day?: number;
  relative: boolean;
}

const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const UG_MONTHS = ['يانۋار', 'فېۋرال', 'مارت', 'ئاپرېل', 'ماي', 'ئىيۇن', 'ئىيۇل', 'ئاۋغۇست', 'سېنتەبىر', 'ئۆكتەبىر', 'نويابىر', 'دېكابىر'];
const alt = (list: string[]) => list.join('|');
const monthOf = (list: string[], word: string) => list.findIndex((m) => word.startsWith(m)) + 1;
const YEAR = '(1[89]\\d\\d|20\\d\\d)';

type Rule = (m: RegExpExecArray, base: Date | null) => Omit<RuleMatch, 'start' | 'end'> | null;

/** Seasons: the last such season before the base date, as a year. */
const SEASON_END: Record<string, number> = { spring: 5, summer: 8, autumn: 11, winter: 2 };
const lastSeason = (season: keyof typeof SEASON_END, base: Date): number => {
  const month = base.getUTCMonth() + 1;
  const year = base.getUTCFullYear();
  return month > SEASON_END[season]! ? year : year - 1;
};
const relYear = (base: Date | null, back: number) => (base ? { year: base.getUTCFullYear() - back, relative: true } : null);
const season = (name: keyof typeof SEASON_END) => (_m: RegExpExecArray, base: Date | null) => (base ? { year: lastSeason(name, base), relative: true } : null);

const RULES: [RegExp, Rule][] = [
  // Uyghur: 2018-يىلى 6-ئاينىڭ 4-كۈنى, 2018-يىلى ئىيۇندا, 2018-يىلى
  [/(\d{4})\s*-?\s*يىلى\s+(\d{1,2})\s*-?\s*ئاينىڭ\s+(\d{1,2})\s*-?\s*كۈنى/gu, (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, relative: false })],
  [/(\d{4})\s*-?\s*يىلى\s+(\d{1,2})\s*-?\s*ئاي/gu, (m) => ({ year: +m[1]!, month: +m[2]!, relative: false })],
  [new RegExp(`(\\d{4})\\s*-?\\s*يىل[ىي]\\s+(\\d{1,2})\\s*-?\\s*(${alt(UG_MONTHS)})[\\p{Script=Arabic}]*`, 'gu'), (m) => ({ year: +m[1]!, month: monthOf(UG_MONTHS, m[3]!), day: +m[2]!, relative: false })],
  [new RegExp(`(\\d{4})\\s*-?\\s*يىل[ىي]\\s+(${alt(UG_MONTHS)})[\\p{Script=Arabic}]*`, 'gu'), (m) => ({ year: +m[1]!, month: monthOf(UG_MONTHS, m[2]!), relative: false })],
  [new RegExp(`(${alt(UG_MONTHS)})[\\p{Script=Arabic}]*\\s+(\\d{4})`, 'gu'), (m) => ({ year: +m[2]!, month: monthOf(UG_MONTHS, m[1]!), relative: false })],
  [/(\d{4})\s*-?\s*يىل[ىي](?:دىن|غىچە|دا)?/gu, (m) => ({ year: +m[1]!, relative: false })],
  [/ئۆتكەن\s+يىلى\s+ئەتىياز[\p{Script=Arabic}]*/gu, season('spring')],
  [/ئۆتكەن\s+يىل[ىي]|بۇلتۇر/gu, (_m, b) => relYear(b, 1)],
  // Kazakh: 2018 жылғы 4 маусымда, 4 маусым 2018 ж., 2018 жылы маусымда, 2017 жылы
  [new RegExp(`(\\d{4})\\s*(?:жылғы|ж\\.)\\s*(\\d{1,2})\\s*(${alt(KK_MONTHS)})\\p{L}*`, 'gu'), (m) => ({ year: +m[1]!, month: monthOf(KK_MONTHS, m[3]!), day: +m[2]!, relative: false })],
  [new RegExp(`(\\d{1,2})\\s+(${alt(KK_MONTHS)})\\p{L}*\\s+(\\d{4})(?:\\s*(?:жылы|ж\\.))?`, 'gu'), (m) => ({ year: +m[3]!, month: monthOf(KK_MONTHS, m[2]!), day: +m[1]!, relative: false })],
  [new RegExp(`(\\d{4})\\s*(?:жылы|жылғы|ж\\.)\\s+(${alt(KK_MONTHS)})\\p{L}*`, 'gu'), (m) => ({ year: +m[1]!, month: monthOf(KK_MONTHS, m[2]!), relative: false })],
  [/(\d{4})\s*(?:жылы|жылғы|жылдан|жылға|жылдың|ж\.)/gu, (m) => ({ year: +m[1]!, relative: false })],
  [/(?:өткен|былтырғы)\s+көктем\p{L}*/gu, season('spring')],
  [/өткен\s+жыл\p{L}*|былтыр/gu, (_m, b) => relYear(b, 1)],
  // Chinese: 2018年6月4日, 2018年6月, 2017年, 去年春天, 去年, 前年
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/gu, (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, relative: false })],
  [/(\d{4})\s*年\s*(\d{1,2})\s*月/gu, (m) => ({ year: +m[1]!, month: +m[2]!, relative: false })],
  [/(\d{4})\s*年/gu, (m) => ({ year: +m[1]!, relative: false })],
  [/去年(?:春天|春季)/gu, season('spring')],
  [/去年/gu, (_m, b) => relYear(b, 1)],
  [/前年/gu, (_m, b) => relYear(b, 2)],
  // Russian: в 2017 году, 2017 г., прошлой весной, в прошлом году
  [/(?:в|с|до|к)?\s*(\d{4})\s*(?:году|года|год|г\.)/gu, (m) => ({ year: +m[1]!, relative: false })],
  [/прошлой\s+весной/gu, season('spring')],
  [/прошлым\s+летом/gu, season('summer')],
  [/в\s+прошлом\s+году|в\s+позапрошлом\s+году/gu, (m, b) => relYear(b, m[0].includes('позапрошлом') ? 2 : 1)],
  // Arabic: عام 2017, سنة 2017, العام الماضي, الربيع الماضي
  [/(?:عام|سنة|العام)\s+(\d{4})/gu, (m) => ({ year: +m[1]!, relative: false })],
  [/الربيع\s+الماضي/gu, season('spring')],
  [/(?:العام|السنة)\s+الماضي(?:ة)?/gu, (_m, b) => relYear(b, 1)],
  // English: last spring, in the spring of 2017, in 2017, since 2016
  [/\blast\s+(spring|summer|autumn|fall|winter)\b/giu, (m, b) => (b ? { year: lastSeason((m[1]!.toLowerCase() === 'fall' ? 'autumn' : m[1]!.toLowerCase()) as keyof typeof SEASON_END, b), relative: true } : null)],
  [new RegExp(`\\b(?:spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?${YEAR}\\b`, 'giu'), (m) => ({ year: +m[1]!, relative: false })],
  [new RegExp(`\\b(?:in|since|until|till|by|from|during|of|before|after|early|late|mid-)\\s*${YEAR}\\b`, 'giu'), (m) => ({ year: +m[1]!, relative: false })],
  // A year standing alone before a comma or full stop in any script: "… released, 2018."
  [new RegExp(`(?<![\\d.\\-/])${YEAR}(?=\\s*[,.;)]|\\s*$)`, 'gu'), (m) => ({ year: +m[1]!, relative: false })],
];

/** Arabic-Indic and Persian digits as ASCII, one code unit each, so offsets stay those of the text. */
export const asciiDigits = (text: string): string =>
  text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0)! - (d >= '\u06F0' ? 0x06f0 : 0x0660)) % 10));

export function ruleDates(text: string, base: Date | null): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const [pattern, rule] of RULES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const value = rule(m, base);
      if (!value || value.year < 1800 || value.year > 2100) continue;
      if (value.month !== undefined && (value.month < 1 || value.month > 12)) continue;
      if (value.day !== undefined && (value.day < 1 || value.day > 31)) continue;
      // The words before the number ("в", "in") belong to the match but not to the date as shown.
      const lead = /^\s+/u.exec(m[0])?.[0].length ?? 0;
      out.push({ start: m.index + lead, end: m.index + m[0].length, ...value });
    }
  }
  return out;
}
