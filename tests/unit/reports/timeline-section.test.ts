/**
 * Issue 18: the timeline as an optional section of a report. The events of the timeline view (the
 * 2017 arrest, the June 2018 release, in three scripts) in date order in the HTML the PDF prints and
 * in the DOCX, each with its source's citation and the entities it names; limited by tag and entity
 * as the view is; and redacted through the one redaction path: a redacted name in an event's sentence
 * and as an entity's name is in no part of either file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { call } from '../../../src/main/dispatch.ts';
import { anchorQuote } from '../../../src/main/service/tagging.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { mammothText, readDocx } from '../../helpers/docx-read.ts';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';
import { docxLeaks } from './docx-leaks.ts';
import { squeeze } from './redaction-forms.ts';

const EN = 'Sayragul Sauytbay was arrested in 2017 in Toli County. She was released in June 2018 and went to Almaty.';
const ZH = '她于2017年在托里县被捕。2018年6月获释。';
const UG = 'ئۇ 2017-يىلى تولى ناھىيىسىدە تۇتۇلغان. 2018-يىلى ئىيۇندا قويۇپ بېرىلگەن.';
const NAME = 'Sayragul Sauytbay';
/** What no redacted export may hold, in any form. */
const SECRETS = ['Sayragul', 'Sauytbay'];

describe('the timeline as a section of a report (issue 18)', () => {
  const app = tempApp();
  const h = app.handlers;
  let reportId = '';
  let releaseTag = '';
  const out = (name: string) => path.join(app.dir, 'exports', name);
  const exportAs = async (format: 'html' | 'docx' | 'md', name: string, extra: Record<string, unknown> = {}) => {
    const result = await call(h, 'reports:export', { id: reportId, format, path: out(name), ...extra });
    return readFileSync(result.path!);
  };
  const htmlOf = async (name: string, extra: Record<string, unknown> = {}) => new JSDOM((await exportAs('html', name, extra)).toString('utf8')).window.document;

  beforeAll(async () => {
    // Imported as text files (so each sentence has its paragraph), with the metadata an HTML import would give.
    const folder = writeFiles(app.dir, { 'en.txt': `Kazakh woman released from a camp\n\n${EN}`, 'zh.txt': `托里县的证词\n\n${ZH}`, 'ug.txt': `تولى ناھىيىسىدىكى گۇۋاھلىق\n\n${UG}` });
    const summary = await call(h, 'documents:import', { paths: [folder] });
    const ids = new Map(['en', 'zh', 'ug'].map((n) => [n, summary.imported.find((i) => i.path.endsWith(`${n}.txt`))!.id]));
    const meta = app.workspace.db.prepare('UPDATE documents SET title = ?, source = ?, published_at = ?, language = ? WHERE id = ?');
    meta.run('Kazakh woman released from a camp', 'Example News', '2018-07-01', 'en', ids.get('en')!);
    meta.run('托里县的证词', 'Example Chinese Service', '2018-08-01', 'zh', ids.get('zh')!);
    meta.run('تولى ناھىيىسىدىكى گۇۋاھلىق', 'Example Uyghur Service', null, 'ug', ids.get('ug')!);
    await call(h, 'entities:extract', { wait: true });
    const text = (await call(h, 'documents:get', { id: ids.get('en')! })).text;
    const { start, end } = anchorQuote(text, 'She was released in June 2018 and went to Almaty.');
    await call(h, 'passages:create', { documentId: ids.get('en')!, start, end, tagNames: ['Release'] });
    releaseTag = (await call(h, 'tags:list', {})).find((t) => t.name === 'Release')!.id;
    const report = await call(h, 'reports:create', { title: 'Toli County, 2017–2018', fromTagIds: [releaseTag], reportDate: '2024-05-01' });
    reportId = report.id;
    await call(h, 'reports:update', { id: reportId, settings: { timeline: { include: true, entities: ['Toli'] }, redaction: { terms: [NAME] } } });
  });
  afterAll(() => app.cleanup());

  it('lists the 2017 and June 2018 events in date order in the HTML, each sentence in its script, with entities and citations', async () => {
    const page = await htmlOf('timeline.html');
    const section = page.querySelector('section#timeline')!;
    expect(section.querySelector('h2')!.textContent).toBe('Timeline');
    expect(section.textContent).toContain('Limited to the events that name “Toli”.');
    const events = [...section.querySelectorAll('li.event.mentioned')].map((li) => ({
      date: li.querySelector('time')!.textContent,
      sentence: li.querySelector('blockquote')!.textContent!.trim(),
      lang: li.querySelector('blockquote')!.getAttribute('lang'),
      dir: li.querySelector('blockquote')!.getAttribute('dir'),
      named: li.querySelector('.event-entities')?.textContent ?? '',
      cite: li.querySelector('.cite')!.textContent,
    }));
    const dates = events.map((e) => e.date);
    // the years first, then the month the texts give (precision as written), never the other way round
    expect(dates).toEqual(['2017', '2017', '2017', 'June 2018', 'June 2018', 'June 2018']);
    const arrest = events.find((e) => e.lang === 'en' && e.date === '2017')!;
    expect(arrest.sentence).toBe('█████ was arrested in 2017 in Toli County.');
    expect(arrest.named).toContain('Toli');
    expect(arrest.cite).toBe('“Kazakh woman released,” para. 2');
    expect(events.find((e) => e.lang === 'zh' && e.date === 'June 2018')!.sentence).toBe('2018年6月获释。');
    const uyghur = events.find((e) => e.lang === 'ug' && e.date === '2017')!;
    expect(uyghur).toMatchObject({ sentence: 'ئۇ 2017-يىلى تولى ناھىيىسىدە تۇتۇلغان.', dir: 'rtl' });
    // the publication dates too, and the groups of sources that give the same period
    expect([...section.querySelectorAll('li.event.published time')].map((t) => t.textContent)).toEqual(['July 1, 2018', 'August 1, 2018']);
    expect([...section.querySelectorAll('.timeline-groups li')].map((li) => li.textContent)).toEqual([
      'Toli, 2017: 3 sources, Kazakh woman released from a camp; تولى ناھىيىسىدىكى گۇۋاھلىق; 托里县的证词',
      'Toli, June 2018: 3 sources, Kazakh woman released from a camp; تولى ناھىيىسىدىكى گۇۋاھلىق; 托里县的证词',
    ]);
    // the timeline's own sources join the sources list; the contents lead to the section
    const sources = page.querySelector('section.sources')!.textContent!;
    expect(sources).toContain('“托里县的证词.” Example Chinese Service, August 1, 2018.');
    expect(sources).toContain('Example Uyghur Service');
    expect(page.querySelector('nav.contents a[href="#timeline"]')?.textContent).toBe('Timeline');
  });

  it('gives the same events, in the same order, in the DOCX', async () => {
    const bytes = new Uint8Array(await exportAs('docx', 'timeline.docx'));
    const { text } = await mammothText(bytes);
    const after = text.slice(text.indexOf('Timeline', text.indexOf('Timeline') + 1));
    const arrest = after.indexOf('█████ was arrested in 2017 in Toli County.');
    const release = after.indexOf('She was released in June 2018 and went to Almaty.');
    expect(arrest).toBeGreaterThan(-1);
    expect(release).toBeGreaterThan(arrest);
    expect(after.indexOf('ئۇ 2017-يىلى تولى ناھىيىسىدە تۇتۇلغان.')).toBeGreaterThan(-1);
    expect(after.indexOf('ئۇ 2017-يىلى تولى ناھىيىسىدە تۇتۇلغان.')).toBeLessThan(release);
    expect(after).toContain('Given by two or more sources');
    // the Uyghur sentence is a right-to-left paragraph, as a quote in Uyghur is
    const doc = readDocx(bytes).dom('word/document.xml');
    const uyghur = [...doc.getElementsByTagName('w:p')].find((p) => p.textContent === 'ئۇ 2017-يىلى تولى ناھىيىسىدە تۇتۇلغان.')!;
    expect(uyghur.getElementsByTagName('w:bidi')).toHaveLength(1);
  });

  it('leaves a redacted name out of the HTML and every DOCX part, in the sentences and as an entity name', async () => {
    const { hits } = await call(h, 'reports:preview', { id: reportId });
    expect(hits.filter((x) => x.text === NAME).map((x) => x.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^timeline event \d+$/), 'entity name in the timeline']));
    const html = (await exportAs('html', 'redacted.html')).toString('utf8');
    for (const secret of SECRETS) expect(squeeze(html), secret).not.toContain(squeeze(secret));
    expect(docxLeaks(readDocx(new Uint8Array(await exportAs('docx', 'redacted.docx'))).parts, SECRETS)).toEqual([]);
    expect((await exportAs('md', 'redacted.md')).toString('utf8')).not.toMatch(/Sayragul|Sauytbay/);
  });

  it('would show the name without the term (the leak checks can fail)', async () => {
    const plain = await htmlOf('plain.html', { redact: { terms: [] } });
    const section = plain.querySelector('section#timeline')!;
    expect(section.textContent).toContain(`${NAME} was arrested in 2017 in Toli County.`);
    expect([...section.querySelectorAll('.event-entities bdi')].map((b) => b.textContent)).toContain(NAME);
    expect(docxLeaks(readDocx(new Uint8Array(await exportAs('docx', 'plain.docx', { redact: { terms: [] } }))).parts, SECRETS).length).toBeGreaterThan(0);
  });

  it('is left out unless chosen, and is limited by tag as the timeline view is', async () => {
    await call(h, 'reports:update', { id: reportId, settings: { timeline: { include: false } } });
    expect((await call(h, 'reports:preview', { id: reportId })).html).not.toContain('id="timeline"');
    const tagged = await htmlOf('tagged.html', { timeline: { include: true, tagIds: [releaseTag], entities: [] } });
    const events = [...tagged.querySelectorAll('#timeline li.event')];
    expect(events.map((li) => li.querySelector('bdi')!.textContent)).toEqual(Array(events.length).fill('Kazakh woman released from a camp'));
    expect(tagged.querySelector('#timeline')!.textContent).toContain('Limited to the sources tagged “Release” (or a subtag).');
    // the report's own setting is unchanged by the export's
    expect((await call(h, 'reports:get', { id: reportId })).settings.timeline).toEqual({ include: false, tagIds: [], entities: ['Toli'] });
  });

  it('is added by dossier export --timeline [--tag] [--entity], and an entity that names nothing is an error naming it', async () => {
    const run = async (args: string[]) => {
      const c = captureIo();
      const code = await runCli([...args, '--workspace', path.join(app.dir, 'workspace')], c.io);
      return { code, stdout: c.out(), stderr: c.err() };
    };
    const file = out('cli-timeline.md');
    const done = await run(['export', reportId, '--format', 'md', '--out', file, '--timeline', '--entity', '托里']);
    expect(done.code, done.stderr).toBe(0);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('## Timeline');
    expect(md.indexOf('**2017** in')).toBeLessThan(md.indexOf('**June 2018** in'));
    const bad = await run(['export', reportId, '--format', 'html', '--out', out('bad.html'), '--timeline', '--entity', 'Nowhereville']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('No entity is called “Nowhereville”');
  });
});
