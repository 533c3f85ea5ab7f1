/**
 * Names in Latin and Cyrillic script that the gazetteer does not hold (issue 18), found by the
 * capitals and words around them: titles and honorifics ("Mr.", "Dr.", "господин", "мырза"),
 * generic words of places ("County", "уезд", "ауданы"), of organisations ("Ministry", "Bureau",
 * "Министерство", "комитеті") and of facilities ("camp", "лагерь"), and runs of capitalised words
 * inside a sentence (people, when nothing else names them).
 */
import { hitsOf, rx, type PatternHit } from './pattern-types.ts';

const CAP = String.raw`\p{Lu}[\p{Ll}’'\-]+`;
/** A run of 1–4 capitalised words, with lower-case joiners of organisation names in between. */
const CAPS = String.raw`${CAP}(?:\s+(?:(?:of|for|and|the|de|al-|bin)\s+)?${CAP}){0,4}`;

const EN_TITLES = String.raw`(?:Mr|Mrs|Ms|Dr|Prof)\.?|Mister|Madam|President|Secretary|Governor|Minister|Chairman|Director|Judge|Officer|Imam|Professor|General`;
const EN_PLACE = 'County|Prefecture|City|Province|Region|Village|Township|District';
const EN_ORG = 'Ministry|Bureau|Committee|Party|Association|Organi[sz]ation|Council|Court|Police|Office|University|Corps|Department|Agency|Foundation|Union|Institute|Watch|International|Radio|Government|Congress|Procuratorate|Commission|Company|Group|News|Times|Post';
const EN_FACILITY = String.raw`(?:Vocational\s+Skills\s+Education\s+and\s+Training\s+)?(?:Cent(?:er|re)|Camp|Prison|Detention\s+Cent(?:er|re)|Jail|Re-education\s+Camp)`;

const RU_TITLE_WORDS = 'господин|госпожа|президент|председатель|секретарь|губернатор|министр|генерал|судья|профессор|доктор|мырза|ханым|төраға|хатшы|әкім';
/** Each title in lower case and capitalised (a case-blind pattern would take any word after it for a name). */
const RU_TITLES = RU_TITLE_WORDS.split('|').flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).join('|');
const CYR_CAP = String.raw`\p{Lu}[\p{Ll}\-]+`;
const CYR_CAPS = String.raw`${CYR_CAP}(?:\s+${CYR_CAP}){0,2}`;

/** Capitalised words that start sentences or name months and days rather than people. */
const NOT_NAMES = new Set(
  ('The A An In On At For From To Of And But Or If When While After Before During Since Until This That These Those He She It They We I You His Her Their Our My ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'Chinese Kazakh Uyghur Russian Arabic English Muslim Muslims Islam Spring Summer Autumn Winter According Many Some Most Several Later Then There Here ' +
    'В На И Но Он Она Они Мы Я По С Из За Для После До Когда Это Как Его Ее Их Январь Май Июнь Июль Весной Летом Осенью Зимой Мен Ол Олар Біз Бұл Және Мұнда Содан Кейін')
    .split(' ')
    .concat(RU_TITLES.split('|'), EN_TITLES.replace(/\(\?:|\)\\\.\?/g, '').split('|')),
);

const startsSentence = (text: string, at: number): boolean => /(^|[.!?:«"“\n]\s*)$/u.test(text.slice(Math.max(0, at - 3), at));

export function latinCyrillicPatterns(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  // Places: "Toli County", "Ili Prefecture"; Cyrillic "Толи уезд", "Толы ауданы", "город Кульджа", "г. Алматы".
  hitsOf(text, rx(String.raw`(?<name>${CAP}(?:\s+${CAP})?\s+(?:${EN_PLACE}))\b`, 'gu'), 'place', out, (m) => m.groups!.name!.replace(rx(String.raw`\s+(?:${EN_PLACE})$`, 'u'), ''));
  hitsOf(text, rx(String.raw`(?<name>${CYR_CAP}\s+(?:уезд|район|округ|област|ауданы|облысы|қаласы|ауылы|аймағы)\p{Ll}*)`, 'gu'), 'place', out, (m) => m.groups!.name!.split(/\s+/u)[0]);
  hitsOf(text, rx(String.raw`(?<![\d\s]\s?)(?:город[еау]?|(?<!\d\s?)г\.|деревн[еяи]|сел[еоа]|посёлк[еау]|поселок)\s+(?<name>${CYR_CAP})`, 'gu'), 'place', out, (m) => m.groups!.name);
  // Organisations: "Ili Public Security Bureau", "Human Rights Watch", "Ministry of Foreign Affairs".
  hitsOf(text, rx(String.raw`(?<name>(?:${CAP}\s+(?:(?:of|for|and|the)\s+)?){1,4}(?:${EN_ORG})(?:\s+of(?:\s+the)?\s+${CAP}(?:\s+${CAP}){0,2})?)\b`, 'gu'), 'org', out);
  hitsOf(text, rx(String.raw`(?<name>(?:Ministry|Bureau|Committee|Council|University|Department|Office|Radio|Court)(?:\s+of(?:\s+the)?)?(?:\s+${CAP}){1,3})\b`, 'gu'), 'org', out);
  hitsOf(text, rx(String.raw`(?<name>(?:Министерств[оаеу]|Комитет[аеу]?|Управлени[еяю]|Бюро|Совет[аеу]?|Организаци[яиею]|Служб[аыеу]|Прокуратур[аыеу]|Партия|Министрлігі|Комитеті|Басқармасы)(?:\s+\p{Ll}+){0,3}(?:\s+${CYR_CAP})?)`, 'gu'), 'org', out);
  hitsOf(text, rx(String.raw`(?<name>(?:${CYR_CAP}\s+){1,3}(?:партия|партиясы|комитеті|министрлігі|басқармасы|соты|университеті|ұйымы|бюросы))`, 'gu'), 'org', out);
  hitsOf(text, rx(String.raw`(?<name>(?:${CYR_CAP}ая|${CYR_CAP}ий)\s+(?:партия|организация|служба|комитет)(?:\s+${CYR_CAP})?)`, 'gu'), 'org', out);
  // Facilities: "Toli Detention Center", "the camp in …" is left to the reader.
  hitsOf(text, rx(String.raw`(?<name>(?:${CAP}\s+){1,3}${EN_FACILITY})\b`, 'gu'), 'facility', out);
  hitsOf(text, rx(String.raw`(?<name>(?:${CYR_CAP}\s+){1,2}(?:лагер[ьеяю]|лагері|тюрьм[аеуы]|түрмесі|изолятор[аеу]?|СИЗО))`, 'gu'), 'facility', out);
  // People after a title or honorific: "Mr. Sauytbay", "Dr. Ilham Tohti", "господин Тохти".
  hitsOf(text, rx(String.raw`\b(?:${EN_TITLES})\s+(?<name>${CAP}(?:\s+${CAP}){0,2})`, 'gu'), 'person', out);
  hitsOf(text, rx(String.raw`(?:^|[\s(«"])(?:${RU_TITLES})\s+(?<name>${CYR_CAPS})`, 'gu'), 'person', out);
  hitsOf(text, rx(String.raw`(?<name>${CYR_CAPS})\s+(?:мырза|ханым)`, 'gu'), 'person', out);
  // Other runs of two or three capitalised words inside a sentence: people.
  for (const m of text.matchAll(rx(String.raw`${CAPS}|${CYR_CAPS}`, 'gu'))) {
    const words = m[0].split(/\s+/u);
    let start = m.index;
    while (words.length > 0 && NOT_NAMES.has(words[0]!)) {
      start += words[0]!.length + (m[0].slice(start - m.index + words[0]!.length).match(/^\s+/u)?.[0].length ?? 0);
      words.shift();
    }
    if (words.length < 2 || words.length > 3 || words.some((w) => NOT_NAMES.has(w) || /^(of|for|and|the|de)$/u.test(w))) continue;
    if (startsSentence(text, start) && words.length < 2) continue;
    const name = words.join(' ');
    const end = start + text.slice(start).indexOf(words[words.length - 1]!) + words[words.length - 1]!.length;
    out.push({ type: 'person', start, end, name: text.slice(start, end).replace(/\s+/gu, ' ') === name ? name : text.slice(start, end) });
  }
  return out;
}
