/**
 * Issue 19: web captures import as documents through the HTML path with their capture facts:
 * WARC (many pages, assets skipped and counted), WACZ (hashes and signature verified; altered
 * captures flagged), MHTML and SingleFile.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaptureFacts } from '../../../src/shared/custody.ts';
import { listCustody } from '../../../src/main/custody/custody-log.ts';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { buildMhtml, buildSingleFile, buildWacz, buildWarc, articleHtml, INLINE_PNG, KAZAKH_TESTIMONY } from './capture-fixtures.ts';
import { importFiles } from './import-helper.ts';

const para = (n: number) => `Paragraph ${n} of a long report on detention facilities, with enough words to be an article body of its own and more.`;
const capture = (meta: Record<string, unknown>) => meta.capture as CaptureFacts;

describe('web captures', () => {
  const app = tempApp();
  afterAll(() => app.cleanup());

  it('imports each HTML page of a WARC as a document with its record facts, skipping and counting the rest', async () => {
    const warc = await buildWarc([
      { url: 'https://news.example.org/camps', date: '2026-11-30T08:15:00Z', html: articleHtml('Inside the camps', [para(1), para(2), para(3)]) },
      { url: 'https://news.example.org/photo.png', date: '2026-11-30T08:15:01Z', contentType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 0, 0]) },
      { url: 'https://news.example.org/old', date: '2026-11-30T08:15:02Z', status: '301 Moved Permanently', html: '<a href="/camps">moved</a>' },
      { url: 'https://news.example.org/witness', date: '2026-11-30T08:16:00Z', html: articleHtml('A witness speaks', [para(4), para(5), para(6)]) },
    ]);
    const { summary, docs } = await importFiles(app, { 'crawl.warc.gz': warc });
    expect(summary.failed).toEqual([]);
    expect(summary.imported.map((d) => d.title).sort()).toEqual(['A witness speaks', 'Inside the camps']);
    // warcinfo aside: four requests, the image and the redirect are the records not imported.
    expect(summary.notes).toEqual(['crawl.warc.gz: 2 page(s) imported as documents; 6 other record(s) (images, scripts, styles, requests) kept in the stored original only.']);
    const camps = docs.find((d) => d.title === 'Inside the camps')!;
    expect(camps.format).toBe('html');
    expect(camps.url).toBe('https://news.example.org/camps');
    expect(camps.text).toContain('Paragraph 2 of a long report');
    expect(camps.text).not.toContain('Home · World');
    expect(capture(camps.meta)).toMatchObject({
      container: 'warc',
      url: 'https://news.example.org/camps',
      capturedAt: '2026-11-30T08:15:00.000Z',
      tool: 'ArchiveWeb.page 0.12.0',
      httpStatus: 200,
      httpHeaders: { 'content-type': 'text/html; charset=utf-8', server: 'nginx' },
    });
    expect(capture(camps.meta).payloadDigest).toMatch(/^sha256:/);
    expect(capture(camps.meta).recordId).toMatch(/^urn:uuid:[0-9a-f-]+$/);
    // Both pages keep the whole WARC as their original, images included.
    const warcHash = createHash('sha256').update(warc).digest('hex');
    expect(docs.filter((d) => d.originalName === 'crawl.warc.gz').map((d) => d.originalHash)).toEqual([warcHash, warcHash]);
    // The custody entry of the import carries the capture facts too.
    const entry = listCustody(app.workspace.db, { documentId: camps.id }).at(-1)!;
    expect(entry).toMatchObject({ kind: 'import', details: { file: { name: 'crawl.warc.gz', sha256: warcHash }, capture: { url: 'https://news.example.org/camps' } } });

    const again = await importFiles(app, { 'crawl.warc.gz': warc });
    expect(again.summary.imported).toEqual([]);
    expect(again.summary.duplicates).toHaveLength(2);
    expect(camps.reviewFlags).toEqual([]);

    // Cut short (a download that stopped): the pages before the cut import, flagged as incomplete.
    const cut = await buildWarc([
      { url: 'https://news.example.org/first', date: '2026-11-30T09:00:00Z', html: articleHtml('Before the cut', [para(30), para(31), para(32)]) },
      { url: 'https://news.example.org/second', date: '2026-11-30T09:01:00Z', html: articleHtml('After the cut', [para(33), para(34), para(35)]) },
    ]);
    const partial = await importFiles(app, { 'partial.warc.gz': cut.subarray(0, cut.byteLength - 40) });
    expect(partial.summary.imported.map((d) => d.title)).toEqual(['Before the cut']);
    expect(partial.doc('partial.warc.gz').reviewFlags).toEqual([expect.stringMatching(/^partial\.warc\.gz: its last \d+ bytes could not be read as WARC records/)]);
  });

  it('verifies a WACZ: its hashes and signature when they hold, a review flag when they do not', async () => {
    const url = 'https://rights.example.net/report';
    const warc = await buildWarc([
      { url, date: '2026-11-29T10:00:00Z', html: articleHtml('Annual report on detention', [para(7), para(8), para(9)]) },
      { url: 'https://rights.example.net/frame', date: '2026-11-29T10:00:01Z', html: articleHtml('An embedded frame', [para(10), para(11), para(12)]) },
    ]);
    const good = await importFiles(app, { 'report.wacz': buildWacz(warc, [url]) });
    expect(good.summary.failed).toEqual([]);
    expect(good.summary.imported.map((d) => d.title)).toEqual(['Annual report on detention']);
    const doc = good.doc('report.wacz');
    expect(doc.reviewFlags).toEqual([]);
    expect(capture(doc.meta)).toMatchObject({
      container: 'wacz',
      url,
      capturedAt: '2026-11-29T10:00:00.000Z',
      tool: 'ArchiveWeb.page 0.12.0',
      wacz: { hashesChecked: 2, hashMismatches: [], signature: { present: true, verified: true, software: 'authsign 0.5' } },
    });

    const altered = await buildWarc([{ url, date: '2026-11-29T10:00:00Z', html: articleHtml('Annual report, altered copy', [para(13), para(14), para(15)]) }]);
    const bad = await importFiles(app, { 'altered.wacz': buildWacz(warc, [url], { storeInstead: altered }) });
    const flagged = bad.doc('altered.wacz');
    expect(capture(flagged.meta).wacz?.hashMismatches).toEqual(['archive/data.warc.gz']);
    expect(flagged.reviewFlags.join(' ')).toContain('altered.wacz: 1 file(s) do not match the SHA-256 its datapackage.json records (archive/data.warc.gz)');

    const forged = await buildWarc([{ url, date: '2026-11-29T11:00:00Z', html: articleHtml('Annual report, forged signature', [para(16), para(17), para(18)]) }]);
    const unsigned = (await importFiles(app, { 'forged.wacz': buildWacz(forged, [url], { signWithOtherKey: true }) })).doc('forged.wacz');
    expect(capture(unsigned.meta).wacz?.signature).toMatchObject({ present: true, verified: false });
    expect(unsigned.reviewFlags).toEqual(['forged.wacz: its signature does not verify against the public key it carries.']);
  });

  it('imports an MHTML page with its snapshot URL, date and tool, and leaves its images in the original', async () => {
    const html = articleHtml(KAZAKH_TESTIMONY.title, KAZAKH_TESTIMONY.paragraphs, 'kk', '<img src="photo.png" alt="photo">');
    const { summary, doc } = await importFiles(app, {
      'testimony.mhtml': buildMhtml('https://kz.example.org/testimony', 'Mon, 30 Nov 2026 12:34:56 +0000', html, KAZAKH_TESTIMONY.title),
    });
    expect(summary.failed).toEqual([]);
    const d = doc('testimony.mhtml');
    expect(d.title).toBe(KAZAKH_TESTIMONY.title);
    expect(d.text).toContain('он бір ай');
    expect(d.language).toBe('kk');
    expect(d.url).toBe('https://kz.example.org/testimony');
    expect(capture(d.meta)).toMatchObject({ container: 'mhtml', capturedAt: '2026-11-30T12:34:56.000Z', tool: 'Chromium (Blink) MHTML' });
    expect(d.originalHtml).not.toMatch(/<img/);
  });

  it('keeps the URL and date of a SingleFile page, and drops its inlined images from the original view', async () => {
    const html = articleHtml('Saved with SingleFile', [para(16), para(17), para(18)], 'en', `<img src="${INLINE_PNG}" alt="">`);
    const { doc } = await importFiles(app, {
      'saved.html': buildSingleFile('https://blog.example.com/post', 'Tue Dec 01 2026 09:30:00 GMT+0000 (Coordinated Universal Time)', html),
      'plain.html': articleHtml('An ordinary page', [para(19), para(20), para(21)], 'en', `<img src="${INLINE_PNG}" alt="">`),
    });
    const saved = doc('saved.html');
    expect(capture(saved.meta)).toMatchObject({ container: 'singlefile', url: 'https://blog.example.com/post', capturedAt: '2026-12-01T09:30:00.000Z', tool: 'SingleFile' });
    expect(saved.url).toBe('https://blog.example.com/post');
    expect(saved.originalHtml).not.toMatch(/<img/);
    const plain = doc('plain.html');
    expect(plain.meta.capture).toBeUndefined();
    expect(plain.originalHtml).toMatch(/<img src="data:image\/png/);
  });

  it('refuses a damaged capture with a sentence naming the file, and goes on with the batch', async () => {
    const { summary } = await importFiles(app, {
      'broken.wacz': new Uint8Array([80, 75, 3, 4, 1, 2, 3]),
      'empty-page.mhtml': new TextEncoder().encode('Subject: nothing\r\n\r\njust text'),
      'fine.html': articleHtml('Still imported', [para(22), para(23), para(24)]),
    });
    expect(summary.imported.map((d) => d.title)).toEqual(['Still imported']);
    expect(summary.failed.map((f) => f.message)).toEqual([
      expect.stringMatching(/^broken\.wacz is not a valid WACZ file/),
      expect.stringMatching(/^empty-page\.mhtml is not a web page saved as MHTML/),
    ]);
  });
});
