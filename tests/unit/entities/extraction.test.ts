import { describe, expect, it } from 'vitest';
import { EntityExtractor } from '../../../src/main/entities/extract-entities.ts';
import { findDates } from '../../../src/main/entities/dates.ts';
import { nameKey } from '../../../src/main/entities/entity-key.ts';
import { bucketsOf, periodOf } from '../../../src/renderer/entities/timeline-buckets.ts';
import type { TimelineEvent } from '../../../src/shared/entities.ts';

const ex = new EntityExtractor();
const found = (text: string) => ex.extract(text).map((m) => `${m.type}:${m.label}=${m.text}`);

describe('entities in six languages (issue 18)', () => {
  it('finds one gazetteer place whatever the script, with its offsets and case endings', () => {
    const texts = {
      en: 'She was held in Toli County, then in Lopnur.',
      zh: '她在托里县被关押，后来在尉犁县。',
      ug: 'ئۇ تولى ناھىيىسىدە، كېيىن لوپنۇر ناھىيىسىدە تۇتۇلغان.',
      kk: 'Ол Толы ауданында ұсталды.',
      ar: 'احتجزت في مقاطعة تولي.',
    };
    for (const [language, text] of Object.entries(texts)) {
      const toli = ex.extract(text).find((m) => m.key === 'gaz:Toli');
      expect(toli, language).toBeDefined();
      expect(text.slice(toli!.start, toli!.end), language).toBe(toli!.text);
    }
    expect(found(texts.en)).toEqual(['place:Toli=Toli County', 'place:Yuli=Lopnur']);
    expect(found(texts.zh)).toEqual(['place:Toli=托里县', 'place:Yuli=尉犁县']);
    expect(found(texts.ug)).toEqual(['place:Toli=تولى ناھىيىسىدە', 'place:Yuli=لوپنۇر ناھىيىسىدە']);
    expect(found(texts.kk)).toEqual(['place:Toli=Толы ауданында']);
  });

  it('finds people, organisations and facilities by titles, generic words and capitals', () => {
    expect(found('Mr. Kairat Samarkan said the Ili Public Security Bureau ran the Toli Detention Center.')).toEqual([
      'person:Kairat Samarkan=Kairat Samarkan',
      'org:Ili Public Security Bureau=Ili Public Security Bureau',
      'place:Ili=Ili',
      'facility:Toli Detention Center=Toli Detention Center',
      'place:Toli=Toli',
    ]);
    expect(found('伊犁州公安局没有回应。')).toContain('org:伊犁州公安局=伊犁州公安局');
    expect(found('قالت السيدة سايراغول ساويتباي إن منظمة هيومن رايتس ووتش وثقت ذلك.')).toEqual([
      'person:سايراغول ساويتباي=سايراغول ساويتباي',
      'org:منظمة هيومن رايتس ووتش=منظمة هيومن رايتس ووتش',
    ]);
    expect(found('Председатель Сауытбай Сайрагуль рассказала всё.')).toEqual(['person:Сауытбай Сайрагуль=Сауытбай Сайрагуль']);
    // Capitalised words that start a sentence or name a month are not people.
    expect(found('In June the camp closed. The Guards left.')).toEqual([]);
  });

  it('gives one key to a name written in Latin, Cyrillic and Arabic script', () => {
    expect(nameKey('Ilham Tohti')).toBe(nameKey('Ильхам Тохти'));
    expect(nameKey('Ilham Tohti')).toBe(nameKey('ئىلھام توختى'));
    expect(nameKey('Ilham Tohti')).not.toBe(nameKey('Omir Bekali'));
  });

  it('uses the user alias groups as entities', () => {
    const withAlias = new EntityExtractor([{ id: 'g1', label: 'Ilham Tohti', names: ['Ilham Tohti', '伊力哈木·土赫提'] }]);
    const zh = withAlias.extract('伊力哈木·土赫提被判处无期徒刑。');
    expect(zh.map((m) => [m.key, m.type, m.text])).toEqual([['alias:g1', 'person', '伊力哈木·土赫提']]);
  });
});

describe('dates (issue 18)', () => {
  const dates = (text: string, published: string | null = null) => findDates(text, published).map((d) => `${d.text}=${d.value}/${d.precision}`);

  it('reads absolute dates at the precision written, in six languages', () => {
    expect(dates('Released on June 4, 2018; arrested in March 2017; born in 1980.')).toEqual(['June 4, 2018=2018-06-04/day', 'March 2017=2017-03/month', 'in 1980=1980/year']);
    expect(dates('2018年6月4日获释，2017年3月被捕，2016年搬家。')).toEqual(['2018年6月4日=2018-06-04/day', '2017年3月=2017-03/month', '2016年=2016/year']);
    expect(dates('Освободили 4 июня 2018 г., задержали в 2017 году.')).toEqual(['4 июня 2018 г=2018-06-04/day', 'в 2017 году=2017/year']);
    expect(dates('Ол 2018 жылғы 4 маусымда босатылды, 2017 жылы ұсталды.')).toEqual(['2018 жылғы 4 маусымда=2018-06-04/day', '2017 жылы=2017/year']);
    expect(dates('ئۇ 2018-يىلى 6-ئاينىڭ 4-كۈنى قويۇپ بېرىلدى، 2018-يىلى ئىيۇندا، 2017-يىلى.')).toEqual([
      '2018-يىلى 6-ئاينىڭ 4-كۈنى=2018-06-04/day',
      '2018-يىلى ئىيۇندا=2018-06/month',
      '2017-يىلى=2017/year',
    ]);
    expect(dates('أفرج عنها في 4 يونيو 2018 واعتقلت عام ٢٠١٧.')).toEqual(['في 4 يونيو 2018=2018-06-04/day', 'عام ٢٠١٧=2017/year']);
  });

  it('reads relative dates against the document date, and not at all without one', () => {
    expect(dates('She was taken last spring, and released last year.', '2019-01-10')).toEqual(['last spring=2018/year', 'last year=2018/year']);
    expect(dates('去年春天她被带走。', '2019-01-10')).toEqual(['去年春天=2018/year']);
    expect(dates('В прошлом году его задержали.', '2019-06-01')).toEqual(['В прошлом году=2018/year']);
    expect(dates('She was taken last spring.')).toEqual([]);
  });
});

describe('timeline zoom (issue 18)', () => {
  const event = (date: string): TimelineEvent => ({ kind: 'mentioned', date, precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day', documentId: date, title: date, start: 0, end: 0, context: '', dateText: date, entities: [] });

  it('puts events into decades, years, months and days, never inventing precision', () => {
    const events = ['2017', '2018-06', '2018-06-04', '2009-12-31'].map(event);
    expect(bucketsOf(events, 'decade').map((b) => [b.period, b.events.length])).toEqual([['2000s', 1], ['2010s', 3]]);
    expect(bucketsOf(events, 'month', '2018').map((b) => [b.period, b.events.length])).toEqual([['2018-06', 2]]);
    expect(bucketsOf(events, 'day', '2010s').map((b) => b.period)).toEqual(['2017', '2018-06', '2018-06-04']);
    expect(periodOf('2018-06-04', 'year')).toBe('2018');
  });
});
