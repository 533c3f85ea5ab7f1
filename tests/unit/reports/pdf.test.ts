import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { createService } from '../../../src/main/service.ts';
import { createSearchEngine } from '../../../src/main/search/engine.ts';
import { createChromiumPrinter } from '../../../src/main/reports/pdf-chromium.ts';
import { QUOTES, reportWorkspace } from './fixture.ts';
import { readPdf, type ReadBack } from './pdf-text.ts';

/** Text with whitespace squeezed out, so quotes broken over lines still compare. */
const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

describe('PDF export (headless Chromium, read back with pdfjs)', () => {
  let w: Awaited<ReturnType<typeof reportWorkspace>>;
  let file: string;
  let back: ReadBack;
  let h: ReturnType<typeof createService>;
  let search: ReturnType<typeof createSearchEngine>;
  let reportId: string;
  const shots = path.resolve('test-results/screenshots');

  beforeAll(async () => {
    w = await reportWorkspace();
    search = createSearchEngine(w.app.workspace);
    h = createService({ workspace: w.app.workspace, search, printPdf: createChromiumPrinter() });
    const report = await call(h, 'reports:create', {
      title: 'Conditions in the camps',
      subtitle: 'Testimony of released detainees, 2017–2021',
      authorLine: 'Research team',
      reportDate: '2024-05-01',
      fromTagIds: w.tags.map((t) => t.id),
    });
    reportId = report.id;
    const terms = path.join(w.app.dir, 'names.txt');
    writeFileSync(terms, '# witnesses and relatives\nMihrigul\nAblimit Tursun\n');
    file = path.join(w.app.dir, 'out', 'Conditions: camps?.pdf');
    const result = await call(h, 'reports:export', { id: report.id, format: 'pdf', path: file, redact: { emails: true, phones: true }, termsFile: terms });
    expect(result.path).toBe(path.join(w.app.dir, 'out', 'Conditions_ camps_.pdf'));
    expect(result.redacted).toBeGreaterThanOrEqual(6);
    file = result.path!;
    back = await readPdf(file);
    mkdirSync(shots, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', file, path.join(shots, 'report-pdf-page')]);
  }, 120_000); // printing competes with the other suites for two cores
  afterAll(async () => {
    await search.close();
    w.app.cleanup();
  });

  it('holds the quotes, in Chinese and Uyghur too, with citations and a sources list', () => {
    const all = squeeze(back.pages.join('\n'));
    expect(all).toContain(squeeze(QUOTES.guards));
    expect(all).toContain(squeeze(QUOTES.chinese));
    expect(all).toContain(squeeze(QUOTES.uyghur));
    expect(all).toContain(squeeze('“Former detainee describes camp in Xinjiang,” Example News, March 14, 2019, para. 3,'));
    expect(all).toContain(squeeze('李明, “新疆拘留营的证词,” Example Chinese Service, January 5, 2020, para. 2, https://example.org/zh/1.'));
    expect(all).toContain(squeeze('https://example-news.org/2019/03/camp'));
    expect(all).toContain('Sources');
    expect(all).toContain(squeeze('Appendix: quote verification'));
  });

  it('leaves no near-empty page', () => {
    const filled = back.pages.map((text) => squeeze(text.replace(/Page \d+ of \d+/, '')).length);
    // every page but the last holds more than a few lines
    filled.slice(0, -1).forEach((n, i) => expect(n, `page ${i + 1} of ${filled.length}: ${filled.join(', ')}`).toBeGreaterThan(400));
  });

  it('numbers its A4 pages and has an outline from the headings', () => {
    expect(back.size).toEqual([595, 842]);
    expect(back.pages.length).toBeGreaterThan(1);
    back.pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${back.pages.length}`));
    expect(back.outline, JSON.stringify(back.outline)).toEqual(expect.arrayContaining(['Conditions in the camps', '1. Detention conditions', '2. Indoctrination', 'Notes', 'Sources']));
  });

  it('leaves no redacted phone number, e-mail or name in the text', () => {
    const all = back.pages.join('\n');
    const flat = squeeze(all);
    for (const secret of ['+86 10 1234 5678', '(852) 2345-6789', '1-800-555-0199', 'tips@example-news.org', '+44 20 7946 0958', 'Mihrigul', 'Ablimit Tursun']) {
      expect(flat).not.toContain(squeeze(secret));
    }
    expect(all).toContain('█████');
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).not.toContain('Mihrigul');
  });

  it('keeps no user name, path or machine name in its metadata', () => {
    const info = JSON.stringify(back.info) + back.xmp;
    const user = os.userInfo().username;
    for (const leak of [os.hostname(), w.app.dir, os.homedir(), os.tmpdir()]) expect(info).not.toContain(leak);
    if (user.length > 3) expect(info.toLowerCase()).not.toContain(user.toLowerCase());
    expect(back.info.Author ?? '').toBe('');
    expect(back.info.Title).toBe('Conditions in the camps');
    // Chromium's user agent (OS, browser build) would be the Creator; the local UTC offset would say where the author is
    expect(back.info.Creator).toBe('Dossier');
    expect(String(back.info.CreationDate)).toMatch(/(Z|\+00'00')$/);
    expect(Object.keys(back.info).filter((k) => !['PDFFormatVersion', 'Language', 'EncryptFilterName', 'Title', 'Creator', 'Producer', 'CreationDate', 'ModDate'].includes(k) && !k.startsWith('Is'))).toEqual([]);
  });

  it('prints on Letter with author-date citations when the report asks for them', async () => {
    await call(h, 'reports:update', { id: reportId, settings: { pageSize: 'Letter', citationStyle: 'author-date', quoteChain: false } });
    const result = await call(h, 'reports:export', { id: reportId, format: 'pdf', path: path.join(w.app.dir, 'out', 'letter.pdf') });
    const letter = await readPdf(result.path!);
    expect(letter.size).toEqual([612, 792]);
    const all = squeeze(letter.pages.join('\n'));
    expect(all).toContain(squeeze('(李明 2020, para. 2)'));
    expect(all).toContain(squeeze('“Former detainee describes camp in Xinjiang.” 2019. Example News, March 14, 2019.'));
    expect(all).not.toContain('Appendix');
    expect(letter.outline).not.toContain('Notes');
  }, 120_000);
});
