/**
 * Witness material for the locked-investigation tests (issue 20), written here: a seed-style
 * Kazakh testimony (a released detainee, the pledge of silence, names, a phone number), a Chinese
 * and an Uyghur text, the notes and tag names a researcher would add. `SECRETS` are 30 distinctive
 * words, names, numbers and notes that must never be readable on disk while the investigation is locked.
 */
export const KAZAKH = [
  'Куәгер Жанарбек Сейітқазыұлы 2019 жылы Құлжа маңындағы лагерьден босатылды.',
  'Ол босар алдында үнсіздік туралы міндеттемеге қол қоюға мәжбүр болғанын айтты: егер сөйлесе, інісі Ерболатты азаптайды деп қорқытқан.',
  'Лагерь нөмірі 7-бөлім, камерада қырық адам болған. Байланыс телефоны +7 701 555 3482.',
].join('\n\n');

export const CHINESE = [
  '证人古丽巴哈尔说，她在伊宁市的再教育营被关押了十四个月。',
  '看守要求她签署保密承诺书，否则她的丈夫会受到惩罚。',
].join('\n\n');

export const UYGHUR = [
  'گۇۋاھچى مەمەتتۇرسۇن ئاقسۇ شەھىرىدىكى لاگېردا توققۇز ئاي تۇتۇپ تۇرۇلغانلىقىنى ئېيتتى.',
  'ئۇ سۈكۈت قىلىش ۋەدىنامىسىگە قول قويۇشقا مەجبۇرلانغان.',
].join('\n\n');

export const NOTES = {
  pledge: 'Corroborates Ablimit interview, folder Qaraghash-17',
  threat: 'Brother Yerbolat named; protect source Tulpar',
  chinese: 'Cross-check with Yining court notice 2020-0413',
};

export const TAGS = { pledge: 'Pledge of silence (Zhanarbek)', detention: 'Detention Ghulja camp' };
export const REPORT_TITLE = 'Testimony dossier Sarybel';

/** 30 strings from the material above; each must be absent from every byte while locked. */
export const SECRETS = [
  'Жанарбек',
  'Сейітқазыұлы',
  'Құлжа',
  'үнсіздік',
  'міндеттемеге',
  'Ерболатты',
  'азаптайды',
  'камерада',
  '555 3482',
  '7-бөлім',
  '古丽巴哈尔',
  '伊宁市',
  '再教育营',
  '保密承诺书',
  '十四个月',
  'مەمەتتۇرسۇن',
  'ئاقسۇ',
  'لاگېردا',
  'ۋەدىنامىسىگە',
  'مەجبۇرلانغان',
  'Ablimit',
  'Qaraghash-17',
  'Yerbolat',
  'Tulpar',
  'Yining court',
  '2020-0413',
  'Pledge of silence',
  'Zhanarbek',
  'Ghulja camp',
  'Sarybel',
];

const utf16le = new TextDecoder('utf-16le');

/** Whether `bytes` hold `needle` in UTF-8, UTF-16LE or UTF-16BE (at either byte alignment), in any case. */
export function holds(bytes: Uint8Array, needle: string): boolean {
  const target = needle.toLowerCase();
  // Copies, so that swap16 never touches the caller's bytes; TextDecoder, not Buffer#toString (eslint.config.js).
  const even = (b: Uint8Array) => b.subarray(0, b.length & ~1);
  const swapped = (b: Uint8Array) => Buffer.from(even(b)).swap16();
  const views = [
    Buffer.from(bytes).toString('utf8'),
    utf16le.decode(bytes),
    utf16le.decode(bytes.subarray(1)),
    utf16le.decode(swapped(bytes)),
    utf16le.decode(swapped(bytes.subarray(1))),
  ];
  return views.some((text) => text.toLowerCase().includes(target));
}
