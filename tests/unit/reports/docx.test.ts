/**
 * Issue 21, item 4: a report exported as DOCX, reopened by mammoth and by its XML, holds its quotes
 * in six scripts, real footnotes (or author-date citations), the sources list and the appendices,
 * with the redaction of the PDF (the same redacted inputs as the HTML the PDF prints), and no
 * redacted text in any part of the zip.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { call } from '../../../src/main/dispatch.ts';
import { anchorQuote } from '../../../src/main/service/tagging.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { writeFiles } from '../../helpers/temp-workspace.ts';
import { mammothText, partWords, readDocx } from '../../helpers/docx-read.ts';
import { docxLeaks } from './docx-leaks.ts';
import { QUOTES, reportWorkspace } from './fixture.ts';

const KAZAKH = `Куәгердің айғағы

Ол былай деді: «Тергеуші Серікқызы бізді күн сайын түнде сұраққа алды.» Бұл 2018 жылы болды.`;
const RUSSIAN = `Показания свидетеля

Свидетель сказал: «Нас заставляли петь каждый день». Связаться с ним можно по телефону +7 701 555 7757.`;
const ARABIC = `شهادة معتقل سابق

قال الشاهد: «كنا نُجبر على الغناء كل يوم». وقال إن أحمد الخطيب كان معه في الزنزانة.`;
const MORE_QUOTES = {
  kazakh: 'Тергеуші Серікқызы бізді күн сайын түнде сұраққа алды.',
  russian: 'Связаться с ним можно по телефону',
  russianSong: 'Нас заставляли петь каждый день',
  arabic: 'كنا نُجبر على الغناء كل يوم',
  arabicName: 'وقال إن أحمد الخطيب كان معه في الزنزانة.',
};
const TERMS = ['Mihrigul', '喀什', 'Серікқызы', 'الخطيب'];
/** What must be in no part of a redacted export: names, phone numbers and addresses, compared squeezed too. */
const SECRETS = ['Mihrigul', '喀什', 'Серікқызы', 'الخطيب', '+86 10 1234 5678', '(852) 2345-6789', '1-800-555-0199', 'tips@example-news.org', '+7 701 555 7757', 'witness.k@proton.me'];
/** The one hit the user chose to keep: it shows in the DOCX as in the PDF. */
const KEPT = '+44 20 7946 0958';

type Setup = Awaited<ReturnType<typeof reportWorkspace>> & { reportId: string; out: (name: string) => string };

async function setup(): Promise<Setup> {
  const w = await reportWorkspace();
  const folder = writeFiles(w.app.dir, { 'kk.txt': KAZAKH, 'ru.txt': RUSSIAN, 'ar.txt': ARABIC });
  const summary = await call(w.h, 'documents:import', { paths: [folder] });
  const idOf = (n: string) => summary.imported.find((i) => i.path.endsWith(n))!.id;
  const meta = w.app.workspace.db.prepare('UPDATE documents SET title = ?, source = ?, author = ?, published_at = ?, language = ? WHERE id = ?');
  meta.run('Куәгердің айғағы', 'Example Kazakh Service', null, '2019-05-02', 'kk', idOf('kk.txt'));
  meta.run('Показания свидетеля', 'Example Russian Service', 'Ivan Petrov', '2019-06-03', 'ru', idOf('ru.txt'));
  meta.run('شهادة معتقل سابق', 'Example Arabic Service', null, '2020-02-01', 'ar', idOf('ar.txt'));
  for (const [file, text, quotes] of [
    ['kk.txt', KAZAKH, [MORE_QUOTES.kazakh]],
    ['ru.txt', RUSSIAN, [MORE_QUOTES.russianSong, MORE_QUOTES.russian]],
    ['ar.txt', ARABIC, [MORE_QUOTES.arabic, MORE_QUOTES.arabicName]],
  ] as const) {
    for (const quote of quotes) {
      const { start, end } = anchorQuote(text, quote);
      await call(w.h, 'passages:create', { documentId: idOf(file), start, end, tagNames: ['Testimony in other languages'] });
    }
  }
  const tags = await call(w.h, 'tags:list', {});
  const report = await call(w.h, 'reports:create', { title: 'Testimony of Mihrigul and others', subtitle: 'Six languages', reportDate: '2024-05-01', fromTagIds: tags.map((t) => t.id) });
  const sections = report.body.sections;
  sections[0]!.commentary = 'Mihrigul Tursun spoke first.';
  sections[0]!.items[1]!.commentary = 'Write to the second witness at witness.k@proton.me.';
  await call(w.h, 'reports:update', { id: report.id, body: { sections }, settings: { custodyAppendix: true, redaction: { emails: true, phones: true, terms: TERMS, keep: [] } } });
  // keep the phone number in the note on the first quote, as a user reviewing the hits might
  const { hits } = await call(w.h, 'reports:preview', { id: report.id });
  const kept = hits.find((h) => h.text === KEPT)!;
  await call(w.h, 'reports:update', { id: report.id, settings: { redaction: { keep: [kept.id] } } });
  return { ...w, reportId: report.id, out: (name: string) => path.join(w.app.dir, 'exports', name) };
}

const leaksIn = (parts: Record<string, Uint8Array>) => docxLeaks(parts, SECRETS);

describe('DOCX export of a report', () => {
  let w: Setup;
  let bytes: Uint8Array;
  let docx: ReturnType<typeof readDocx>;
  let read: Awaited<ReturnType<typeof mammothText>>;
  let result: { path: string | null; redacted: number; kept: number };

  beforeAll(async () => {
    w = await setup();
    result = await call(w.h, 'reports:export', { id: w.reportId, format: 'docx', path: w.out('testimony') });
    bytes = new Uint8Array(readFileSync(result.path!));
    docx = readDocx(bytes);
    read = await mammothText(bytes);
  });
  afterAll(() => w?.app.cleanup());

  it('is a Word document with the extension added, opened by mammoth', () => {
    expect(path.basename(result.path!)).toBe('testimony.docx');
    expect(Object.keys(docx.parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/footnotes.xml', 'docProps/core.xml']));
    // every part is well-formed XML (Word refuses a file with one that is not)
    for (const name of Object.keys(docx.parts)) expect(docx.dom(name).getElementsByTagName('parsererror'), name).toHaveLength(0);
    expect(read.text).toContain('Testimony of █████ and others');
    expect(read.text).toContain('1. Detention conditions');
    expect(read.text).toContain('3. Testimony in other languages');
  });

  it('holds every quote, in each script, redacted as the PDF’s HTML shows it', async () => {
    const { html } = await call(w.h, 'reports:preview', { id: w.reportId });
    const page = new JSDOM(html).window.document;
    page.querySelectorAll('sup.ref').forEach((s) => s.remove());
    const quotes = [...page.querySelectorAll('blockquote')].map((b) => b.textContent!.trim());
    expect(quotes).toHaveLength(12);
    for (const quote of quotes) expect(read.text, quote).toContain(quote);
    // the redacted forms, the words around the marks kept
    expect(read.text).toContain('We were sixty women in a cell built for twenty. █████ was my number there, not my name,');
    expect(read.text).toContain('Тергеуші █████ бізді күн сайын түнде сұраққа алды.');
    expect(read.text).toContain('وقال إن أحمد █████ كان معه في الزنزانة.');
    for (const quote of [QUOTES.chinese, QUOTES.uyghur, QUOTES.guards, MORE_QUOTES.russianSong, MORE_QUOTES.arabic]) expect(read.text).toContain(quote);
    // the same decisions as the PDF: the same hits redacted and kept
    const htmlResult = await call(w.h, 'reports:export', { id: w.reportId, format: 'html', path: w.out('testimony.html') });
    expect({ redacted: result.redacted, kept: result.kept }).toEqual({ redacted: htmlResult.redacted, kept: htmlResult.kept });
    expect(result.kept).toBe(1);
    expect(read.text).toContain(`Note: Corroborated by a second witness; call ${KEPT}.`);
  });

  it('gives each quote a real Word footnote: full on a source’s first citation, short after', () => {
    const refs = docx.dom('word/document.xml').getElementsByTagName('w:footnoteReference');
    expect(refs).toHaveLength(12);
    expect(read.footnotes).toHaveLength(12);
    expect(read.footnotes[0]).toBe('“Former detainee describes camp in Xinjiang,” Example News, March 14, 2019, para. 3, https://example-news.org/2019/03/camp.');
    expect(read.footnotes[1]).toBe('“Former detainee describes camp,” para. 4.');
    expect(read.footnotes).toContain('李明, “新疆拘留营的证词,” Example Chinese Service, January 5, 2020, para. 2, https://example.org/zh/1.');
    expect(read.footnotes).toContain('Ivan Petrov, “Показания свидетеля,” Example Russian Service, June 3, 2019, para. 2.');
    expect(read.footnotes).toContain('“شهادة معتقل سابق\u200e,” Example Arabic Service, February 1, 2020, para. 2.');
    // the source's address is a link
    expect(docx.xml('word/_rels/footnotes.xml.rels')).toContain('Target="https://example-news.org/2019/03/camp"');
  });

  it('ends with the sources list and the verification and custody appendices', () => {
    const after = read.text.slice(read.text.lastIndexOf('Sources'));
    expect(after).toContain('“Former detainee describes camp in Xinjiang.” Example News, March 14, 2019.');
    expect(after).toContain('Petrov, Ivan. “Показания свидетеля.” Example Russian Service, June 3, 2019.');
    expect(after).toContain('“Куәгердің айғағы.” Example Kazakh Service, May 2, 2019.');
    expect(read.text).toContain('Appendix: quote verification');
    expect(read.text).toContain('Some hashes are withheld.');
    expect(read.text).toMatch(/quote SHA-256: [0-9a-f]{64}/);
    expect(read.text).toContain('Appendix: capture and chain of custody');
    expect(read.text).toMatch(/When this report was made the custody log ended at entry #\d+, SHA-256 [0-9a-f]{64}/);
  });

  it('marks each script for Word: right-to-left paragraphs and runs, and the language of every slot', () => {
    const doc = docx.dom('word/document.xml');
    const paragraphOf = (quote: string) => [...doc.getElementsByTagName('w:p')].find((p) => partWords(Buffer.from(p.outerHTML)).includes(quote))!;
    const langs = (p: Element) => [...p.getElementsByTagName('w:lang')].map((l) => [l.getAttribute('w:val'), l.getAttribute('w:eastAsia'), l.getAttribute('w:bidi')].join(' '));
    const rtlRuns = (p: Element) => [...p.getElementsByTagName('w:r')].filter((r) => r.getElementsByTagName('w:rtl').length > 0).length;
    const uyghur = paragraphOf(QUOTES.uyghur);
    expect(uyghur.getElementsByTagName('w:bidi')).toHaveLength(1);
    expect(rtlRuns(uyghur)).toBeGreaterThan(0);
    expect(langs(uyghur)).toContain('en-US zh-CN ug-CN');
    const arabic = paragraphOf(MORE_QUOTES.arabic);
    expect(arabic.getElementsByTagName('w:bidi')).toHaveLength(1);
    expect(langs(arabic)).toContain('en-US zh-CN ar-SA');
    const chinese = paragraphOf(QUOTES.chinese);
    expect(chinese.getElementsByTagName('w:bidi')).toHaveLength(0);
    expect([...chinese.getElementsByTagName('w:rFonts')].map((f) => f.getAttribute('w:hint'))).toContain('eastAsia');
    expect(langs(chinese)).toContain('en-US zh-CN ar-SA');
    expect(langs(paragraphOf('бізді күн сайын'))).toContain('kk-KZ zh-CN ar-SA');
    expect(langs(paragraphOf(MORE_QUOTES.russianSong))).toContain('ru-RU zh-CN ar-SA');
    // an English quote is left to right, with no right-to-left run
    const english = paragraphOf(QUOTES.guards);
    expect(english.getElementsByTagName('w:bidi')).toHaveLength(0);
    expect(rtlRuns(english)).toBe(0);
    // each script has a face in its slot, the style sheet's defaults
    const fonts = docx.dom('word/styles.xml').getElementsByTagName('w:docDefaults')[0]!.getElementsByTagName('w:rFonts')[0]!;
    expect([fonts.getAttribute('w:ascii'), fonts.getAttribute('w:eastAsia'), fonts.getAttribute('w:cs')]).toEqual(['Noto Serif', 'Noto Serif CJK SC', 'Noto Sans Arabic']);
  });

  it('has no redacted text in any part of the zip, and properties that name only Dossier', () => {
    expect(leaksIn(docx.parts)).toEqual([]);
    const core = docx.dom('docProps/core.xml').documentElement;
    expect([...core.children].map((c) => `${c.tagName}=${c.textContent}`).filter((c) => !c.startsWith('dcterms:'))).toEqual(['dc:title=Testimony of █████ and others', 'dc:creator=Dossier', 'cp:lastModifiedBy=Dossier']);
    expect(core.getElementsByTagName('dcterms:created')[0]!.textContent).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(docx.xml('docProps/app.xml')).not.toMatch(/Company|Manager|Template/);
    // no path of the investigation or the export anywhere
    for (const [name, part] of Object.entries(docx.parts)) expect(strFromU8(part), name).not.toContain(w.app.dir);
  });

  it('would show the secrets without redaction (the leak check can fail)', async () => {
    const plain = await call(w.h, 'reports:export', { id: w.reportId, format: 'docx', path: w.out('plain.docx'), redact: { emails: false, phones: false } });
    // terms stay from the report's settings; only e-mails and phones are off here
    const leaked = leaksIn(readDocx(new Uint8Array(readFileSync(plain.path!))).parts);
    expect(leaked).toEqual(expect.arrayContaining([expect.stringContaining('tips@example-news.org'), expect.stringContaining('+7 701 555 7757')]));
    expect(leaked.some((l) => l.includes('Mihrigul'))).toBe(false);
  });

  it('cites author-date when the report says so: no footnotes, “(Creator Year, para. n)” under each quote', async () => {
    await call(w.h, 'reports:update', { id: w.reportId, settings: { citationStyle: 'author-date' } });
    const file = (await call(w.h, 'reports:export', { id: w.reportId, format: 'docx', path: w.out('author-date.docx') })).path!;
    const authorDate = new Uint8Array(readFileSync(file));
    const again = await mammothText(authorDate);
    expect(readDocx(authorDate).dom('word/document.xml').getElementsByTagName('w:footnoteReference')).toHaveLength(0);
    expect(again.footnotes).toEqual([]);
    expect(again.text).toContain('(“Former detainee describes camp” 2019, para. 3)');
    expect(again.text).toContain('(李明 2020, para. 2)');
    expect(again.text).toContain('(Petrov 2019, para. 2)');
    // a Uyghur title inside an English citation is isolated (as <bdi> in the PDF): a left-to-right mark
    // after it keeps the closing quotation mark and the year out of the right-to-left title
    expect(partWords(readDocx(authorDate).parts['word/document.xml']!)).toContain('(“لاگېردىكى كۈنلەر\u200e” 2021, para. 2)');
    expect(again.text).toContain('Petrov, Ivan. 2019. “Показания свидетеля.” Example Russian Service, June 3, 2019.');
    expect(leaksIn(readDocx(authorDate).parts)).toEqual([]);
  });

  it('is written by `dossier export R --format docx`', async () => {
    const c = captureIo();
    const out = w.out('cli.docx');
    const code = await runCli(['export', w.reportId, '--format', 'docx', '--out', out, '--workspace', path.join(w.app.dir, 'workspace'), '--json'], c.io);
    expect(code, c.err()).toBe(0);
    expect(JSON.parse(c.out())).toMatchObject({ path: out, kept: 1 });
    const back = await mammothText(new Uint8Array(readFileSync(out)));
    expect(back.text).toContain(QUOTES.uyghur);
    expect(leaksIn(readDocx(new Uint8Array(readFileSync(out))).parts)).toEqual([]);
    // verify-export checks the JSON export, and says so when given the Word file
    const v = captureIo();
    expect(await runCli(['verify-export', out, '--workspace', path.join(w.app.dir, 'workspace')], v.io)).not.toBe(0);
    expect(v.err()).toContain('cli.docx is a DOCX export; verify-export checks a report\'s JSON export (dossier export REPORT_ID --format json).');
  });

  it('keeps markup characters as text and says where a quoted passage was deleted', async () => {
    await call(w.h, 'passages:delete', { id: w.passages.guards.id });
    await call(w.h, 'reports:update', { id: w.reportId, title: 'Camps <b>&</b> "cells"', settings: { quoteChain: false, custodyAppendix: false } });
    const file = (await call(w.h, 'reports:export', { id: w.reportId, format: 'docx', path: w.out('edited.docx') })).path!;
    const edited = new Uint8Array(readFileSync(file));
    const parts = readDocx(edited);
    for (const name of Object.keys(parts.parts)) expect(parts.dom(name).getElementsByTagName('parsererror'), name).toHaveLength(0);
    expect(parts.dom('docProps/core.xml').getElementsByTagName('dc:title')[0]!.textContent).toBe('Camps <b>&</b> "cells"');
    const back = await mammothText(edited);
    expect(back.text).toContain('Camps <b>&</b> "cells"');
    expect(back.text).toContain('[This passage has been deleted from the investigation.]');
    expect(back.text).not.toContain('Appendix: quote verification');
  });
});
