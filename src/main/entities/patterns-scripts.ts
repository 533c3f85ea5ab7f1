/**
 * Names in Chinese, Uyghur (Arabic script) and Arabic that the gazetteer does not hold (issue 18),
 * found by the generic words that follow them (县, ناھىيىسى, 公安局, ئىدارىسى) or precede them
 * (مقاطعة, السيد, وزارة). Neither script has capitals, so these are the only cues short of a model.
 */
import { hitsOf, rx, type PatternHit } from './pattern-types.ts';

/** Characters that end a Chinese name's left side: particles, prepositions and verbs a name follows. */
const ZH_BREAK = '在从到于被的和与了是对把将向由据称说为自往去回及或等名位个';
const ZH_NAME = `[^\\P{Script=Han}${ZH_BREAK}]`;

const ZH_PLACE = '县|市|州|乡|镇|村|区|省';
const ZH_ORG = '公安局|公安厅|委员会|党委|法院|检察院|人民政府|政府|公司|大学|学院|协会|组织|局|厅|部';
const ZH_FACILITY = '职业技能教育培训中心|教育培训中心|培训中心|看守所|拘留所|监狱|再教育营|集中营|教培中心';
const ZH_TITLES = '书记|主任|局长|县长|市长|主席|先生|女士|教授|警官';

const UG_WORD = String.raw`[\p{Script=Arabic}\u200C]+`;
const UG_PLACE = 'ناھىيىسى|شەھىرى|ۋىلايىتى|يېزىسى|كەنتى|رايونى|ئوبلاستى|ئوبلاستىدا';
const UG_ORG = 'ئىدارىسى|كومىتېتى|پارتىيىسى|ئۇنىۋېرسىتېتى|ھۆكۈمىتى|سوتى|تەشكىلاتى|جەمئىيىتى|ئورگىنى';
const UG_FACILITY = 'لاگېرى|لاگىرى|تۈرمىسى|مەركىزى|قاماقخانىسى';
const UG_HONORIFIC = 'ئەپەندى|خانىم|ھاجىم|ئاكا';
const UG_TITLES = 'سېكرېتارى|رەئىسى|باشلىقى|پروفېسسور|دوكتور';

const AR_WORD = String.raw`[\p{Script=Arabic}]+`;
const AR_STOP = 'في|من|إلى|على|عن|عام|سنة|منذ|بعد|قبل|حيث|التي|الذي|مع|و';
const AR_NAME = String.raw`(?!(?:${AR_STOP})\s)${AR_WORD}(?:\s+(?!(?:${AR_STOP})(?:\s|$))${AR_WORD})?`;
const AR_PLACE = 'مقاطعة|محافظة|مدينة|إقليم|قرية|منطقة|ولاية';
const AR_PERSON = 'السيد|السيدة|الرئيس|الدكتور|الشيخ|الإمام|المحامي|الأستاذ|الناشط|الناشطة';
const AR_ORG = 'وزارة|منظمة|لجنة|حزب|مكتب|هيئة|جمعية|جامعة|محكمة|مجلس';
const AR_FACILITY = 'معسكر|سجن|مركز احتجاز|مركز';

/** Whether the text holds one of the words of an alternation: most texts hold none, and the test is far cheaper than the pattern. */
const has = (text: string, words: string) => rx(words, 'u').test(text);
const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;

export function scriptPatterns(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  if (HAN.test(text)) chinese(text, out);
  if (ARABIC.test(text)) arabicScript(text, out);
  return out;
}

function chinese(text: string, out: PatternHit[]): void {
  // Chinese: a place or body named by two to four characters before its generic word.
  hitsOf(text, rx(`(?<name>${ZH_NAME}{2,6}(?:${ZH_FACILITY}))`, 'gu'), 'facility', out);
  hitsOf(text, rx(`(?<name>${ZH_NAME}{2,8}(?:${ZH_ORG}))`, 'gu'), 'org', out);
  hitsOf(text, rx(`(?<name>${ZH_NAME}{2}(?:${ZH_PLACE}))`, 'gu'), 'place', out, (m) => m.groups!.name!.slice(0, -1));
  if (has(text, ZH_TITLES)) hitsOf(text, rx(`(?<name>${ZH_NAME}{2,3})(?:${ZH_TITLES})`, 'gu'), 'person', out);
}

function arabicScript(text: string, out: PatternHit[]): void {
  // Uyghur: the word before a generic word (or two, for a name of two words like "Lopnur nahiyisi").
  if (has(text, UG_PLACE)) hitsOf(text, rx(String.raw`(?<name>${UG_WORD}\s+(?:${UG_PLACE})(?:[\p{Script=Arabic}]{0,5}))`, 'gu'), 'place', out, (m) => m.groups!.name!.split(/\s+/u)[0]);
  if (has(text, UG_ORG)) hitsOf(text, rx(String.raw`(?<name>(?:${UG_WORD}\s+){1,3}(?:${UG_ORG}))`, 'gu'), 'org', out);
  if (has(text, UG_FACILITY)) hitsOf(text, rx(String.raw`(?<name>(?:${UG_WORD}\s+){1,3}(?:${UG_FACILITY}))`, 'gu'), 'facility', out);
  if (has(text, UG_HONORIFIC)) hitsOf(text, rx(String.raw`(?<name>${UG_WORD}(?:\s+${UG_WORD})?)\s+(?:${UG_HONORIFIC})`, 'gu'), 'person', out);
  if (has(text, UG_TITLES)) hitsOf(text, rx(String.raw`(?:${UG_TITLES})\s+(?<name>${UG_WORD}(?:\s+${UG_WORD})?)`, 'gu'), 'person', out);
  // Arabic: the generic word comes first (مقاطعة تولي, السيد فلان, وزارة الخارجية).
  if (has(text, AR_PLACE)) hitsOf(text, rx(String.raw`(?:${AR_PLACE})\s+(?<name>${AR_NAME})`, 'gu'), 'place', out, (m) => m.groups!.name);
  if (has(text, AR_PERSON)) hitsOf(text, rx(String.raw`(?:${AR_PERSON})\s+(?<name>${AR_NAME})`, 'gu'), 'person', out);
  if (has(text, AR_ORG)) hitsOf(text, rx(String.raw`(?<name>(?:${AR_ORG})\s+${AR_NAME}(?:\s+(?!(?:${AR_STOP})(?:\s|$))${AR_WORD})?)`, 'gu'), 'org', out);
  if (has(text, AR_FACILITY)) hitsOf(text, rx(String.raw`(?<name>(?:${AR_FACILITY})\s+${AR_NAME})`, 'gu'), 'facility', out);
}
