/**
 * Issue 14, item 9: citations follow The Chicago Manual of Style (17th ed.): notes-bibliography for
 * the footnote style, author-date for the other; short titles cut at word boundaries in every
 * script; a publisher never stands in for an author.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/shared/reports.ts';
import { buildCitations, formatDate, fullCitation } from '../../../src/main/reports/citations.ts';
import type { ReportData, SourceDoc } from '../../../src/main/reports/report-data.ts';
import { authorInverted, authorShort, shortTitle } from '../../../src/main/reports/short-forms.ts';

const doc = (id: string, title: string, source: string | null, author: string | null, publishedAt: string | null, url: string | null = null): SourceDoc => ({
  id,
  title,
  source,
  author,
  url,
  publishedAt,
  language: null,
  format: 'html',
  originalHash: 'h',
  contentHash: 'h',
  text: '',
});

const DOCS = [
  doc('rfa', '新疆再教育营前被拘留者讲述在营中遭受的酷刑和政治灌输', '自由亚洲电台 (RFA)', null, '2019-05-02'),
  doc('ug', 'لاگېردىكى كۈنلەر ۋە ئۇلارنىڭ ئاخىرقى كۈنلىرى ھەققىدە', 'Example Uyghur Service', null, '2021-07'),
  doc('en', 'Former detainee describes camp in Xinjiang', 'Example News', null, '2019-03-14', 'https://example-news.org/camp'),
  doc('tursun', 'The camps: a survey of the evidence', 'Some Press', 'Ablimit Tursun', '2018'),
  doc('hrw', '"Eradicating Ideological Viruses": China’s Campaign of Repression against Xinjiang’s Muslims', 'HRW', 'Human Rights Watch', '2018-09-09'),
  doc('kk', 'Бостандық туралы хабар және оның салдары туралы', 'Азаттық', 'Сайрагүл Сауытбай', '2020-02-01'),
];

/** Two quotes from each source, in this order: the first gets a full note, the second a short one. */
function citations(style: 'footnote' | 'author-date') {
  const passages: ReportData['passages'] = {};
  const items = DOCS.flatMap((d) =>
    [4, 5].map((n) => {
      passages[`${d.id}${n}`] = { passageId: `${d.id}${n}`, documentId: d.id, locator: { kind: 'paragraph', n } } as ReportData['passages'][string];
      return { id: `item-${d.id}${n}`, passageId: `${d.id}${n}`, commentary: '' };
    }),
  );
  const report = { body: { sections: [{ id: 's', heading: '', commentary: '', items }] } } as unknown as Report;
  const data: ReportData = { documents: Object.fromEntries(DOCS.map((d) => [d.id, d])), passages, tags: [] };
  const c = buildCitations(report, data, style);
  return { texts: [...c.byItem.values()].map((x) => x.text), sources: c.sources.map((s) => s.text) };
}

describe('short forms (CMOS 14.29–14.30)', () => {
  it('shortens titles to at most four words, at word boundaries, in every script', () => {
    expect(shortTitle('Former detainee describes camp in Xinjiang')).toBe('Former detainee describes camp');
    expect(shortTitle('The camps: a survey of the evidence')).toBe('Camps');
    expect(shortTitle('A day in the life of a detainee in Kashgar')).toBe('Day in the life');
    expect(shortTitle('لاگېردىكى كۈنلەر ۋە ئۇلارنىڭ ئاخىرقى كۈنلىرى ھەققىدە')).toBe('لاگېردىكى كۈنلەر');
    expect(shortTitle('Бостандық туралы хабар және оның салдары туралы')).toBe('Бостандық туралы хабар');
    // Chinese: whole up to twelve characters, otherwise whole words up to ten, never a dangling particle
    expect(shortTitle('新疆拘留营的证词')).toBe('新疆拘留营的证词');
    const zh = shortTitle('新疆再教育营前被拘留者讲述在营中遭受的酷刑和政治灌输');
    expect([...zh].length).toBeLessThanOrEqual(10);
    expect('新疆再教育营前被拘留者讲述在营中遭受的酷刑和政治灌输'.startsWith(zh)).toBe(true);
    expect(zh).not.toMatch(/[的之与和及在]$/);
    expect(shortTitle('"Eradicating Ideological Viruses": China’s Campaign')).toBe('Eradicating Ideological Viruses');
  });

  it('cites a person by surname and an organisation or a Chinese name whole', () => {
    expect(authorShort('Ablimit Tursun')).toBe('Tursun');
    expect(authorInverted('Ablimit Tursun')).toBe('Tursun, Ablimit');
    expect(authorShort('Сайрагүл Сауытбай')).toBe('Сауытбай');
    expect(authorShort('Human Rights Watch')).toBe('Human Rights Watch');
    expect(authorInverted('Human Rights Watch')).toBe('Human Rights Watch');
    expect(authorShort('李明')).toBe('李明');
    expect(authorShort('Amnesty International')).toBe('Amnesty International');
  });
});

describe('Chicago notes-bibliography (footnote style)', () => {
  it('gives a full note first, then a short note with a short title; the publisher is never the author', () => {
    const { texts } = citations('footnote');
    expect(texts[0]).toBe('“新疆再教育营前被拘留者讲述在营中遭受的酷刑和政治灌输,” 自由亚洲电台 (RFA), May 2, 2019, para. 4');
    expect(texts[1]).toMatch(/^“新疆再教育营[^”]*,” para\. 5$/);
    expect(texts[3]).toBe('“لاگېردىكى كۈنلەر,” para. 5');
    expect(texts[5]).toBe('“Former detainee describes camp,” para. 5');
    expect(texts[6]).toBe('Ablimit Tursun, “The camps: a survey of the evidence,” Some Press, 2018, para. 4');
    expect(texts[7]).toBe('Tursun, “Camps,” para. 5');
    expect(texts[8]).toContain('“‘Eradicating Ideological Viruses’: China’s Campaign');
    expect(texts[9]).toBe('Human Rights Watch, “Eradicating Ideological Viruses,” para. 5');
    expect(texts[11]).toBe('Сауытбай, “Бостандық туралы хабар,” para. 5');
    for (const t of texts) expect(t).not.toMatch(/自由亚洲电台 \(RFA\), “|Example News, “/);
  });

  it('lists a bibliography alphabetised by author or title, titles leading where there is no author', () => {
    const { sources } = citations('footnote');
    expect(sources).toEqual([
      '“Former detainee describes camp in Xinjiang.” Example News, March 14, 2019.',
      'Human Rights Watch. “‘Eradicating Ideological Viruses’: China’s Campaign of Repression against Xinjiang’s Muslims.” HRW, September 9, 2018.',
      'Tursun, Ablimit. “The camps: a survey of the evidence.” Some Press, 2018.',
      'Сауытбай, Сайрагүл. “Бостандық туралы хабар және оның салдары туралы.” Азаттық, February 1, 2020.',
      '“لاگېردىكى كۈنلەر ۋە ئۇلارنىڭ ئاخىرقى كۈنلىرى ھەققىدە.” Example Uyghur Service, July 2021.',
      '“新疆再教育营前被拘留者讲述在营中遭受的酷刑和政治灌输.” 自由亚洲电台 (RFA), May 2, 2019.',
    ]);
  });

  it('puts the comma inside the quotation marks and the URL last (CSV and JSON citations)', () => {
    expect(fullCitation(DOCS[2]!, { kind: 'paragraph', n: 3 })).toBe('“Former detainee describes camp in Xinjiang,” Example News, March 14, 2019, para. 3, https://example-news.org/camp.');
    expect(fullCitation(doc('x', 'Untitled memo', null, null, null), null)).toBe('“Untitled memo.”');
    expect(formatDate('2019-03-14')).toBe('March 14, 2019');
    expect(formatDate('2021-07')).toBe('July 2021');
  });
});

describe('Chicago author-date', () => {
  it('cites (Surname Year, para. n), or a short title in quotation marks where there is no author', () => {
    const { texts, sources } = citations('author-date');
    expect(texts[0]).toMatch(/^\(“新疆再教育营[^”]*” 2019, para\. 4\)$/);
    expect(texts[0]).not.toContain('RFA');
    expect(texts[2]).toBe('(“لاگېردىكى كۈنلەر” 2021, para. 4)');
    expect(texts[4]).toBe('(“Former detainee describes camp” 2019, para. 4)');
    expect(texts[6]).toBe('(Tursun 2018, para. 4)');
    expect(texts[8]).toBe('(Human Rights Watch 2018, para. 4)');
    expect(texts[10]).toBe('(Сауытбай 2020, para. 4)');
    expect(sources).toContain('Tursun, Ablimit. 2018. “The camps: a survey of the evidence.” Some Press, 2018.');
    expect(sources).toContain('“Former detainee describes camp in Xinjiang.” 2019. Example News, March 14, 2019.');
  });
});
