/**
 * Issue 19, "Done when": the seed article (a Kazakh detainee's testimony) captured as MHTML by
 * Chromium's own Page.captureSnapshot, imported, tagged and exported, shows its capture facts and
 * custody in the report's verification appendix.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { chromiumPath } from '../../../src/main/reports/pdf-chromium.ts';
import { articleHtml, KAZAKH_TESTIMONY } from '../importers/capture-fixtures.ts';
import { tempApp } from '../../helpers/temp-workspace.ts';

/** Serves the article on 127.0.0.1 and saves it as MHTML the way Chromium's "Save page as" does. */
async function captureWithChromium(html: string): Promise<{ mhtml: string; url: string }> {
  const server = http.createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/testimony`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const cdp = await page.context().newCDPSession(page);
    const { data } = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
    return { mhtml: data, url };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the seed article as an MHTML capture', () => {
  const app = tempApp();
  afterAll(() => app.cleanup());

  it('is imported with its capture facts, tagged, and exported with them in the appendix', async () => {
    const { mhtml, url } = await captureWithChromium(articleHtml(KAZAKH_TESTIMONY.title, KAZAKH_TESTIMONY.paragraphs, 'kk'));
    const file = path.join(app.dir, 'testimony.mhtml');
    writeFileSync(file, mhtml);
    const summary = await call(app.handlers, 'documents:import', { paths: [file] });
    expect(summary.failed).toEqual([]);
    const doc = await call(app.handlers, 'documents:get', { id: summary.imported[0]!.id });
    expect(doc.title).toBe(KAZAKH_TESTIMONY.title);
    expect(doc.url).toBe(url);
    const capture = doc.meta.capture as { capturedAt: string; tool: string; container: string };
    expect(capture).toMatchObject({ container: 'mhtml', tool: 'Chromium (Blink) MHTML' });
    expect(capture.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const quote = 'Күзетшілер түнде де бақылап тұрды.';
    const start = doc.text.indexOf(quote);
    expect(start).toBeGreaterThan(0);
    const passage = await call(app.handlers, 'passages:create', { documentId: doc.id, start, end: start + quote.length, tagNames: ['Surveillance'] });
    const report = await call(app.handlers, 'reports:create', { title: 'Surveillance in the camps', fromTagIds: passage.tagIds, settings: { custodyAppendix: true } });
    const out = path.join(app.dir, 'report.html');
    await call(app.handlers, 'reports:export', { id: report.id, format: 'html', path: out });
    const html = readFileSync(out, 'utf8');
    const appendix = html.slice(html.indexOf('Appendix: capture and chain of custody'));
    expect(appendix).toContain(`MHTML capture of <span class="url">${url}</span>`);
    expect(appendix).toContain(`captured ${capture.capturedAt}`);
    expect(appendix).toContain('by Chromium (Blink) MHTML');
    expect(appendix).toContain(`original file SHA-256: <span class="hash">${doc.originalHash}</span>`);
    expect(appendix).toContain('2 entries: 1 passage created, 1 import');
    expect(appendix).toMatch(/the custody log ended at entry #2, SHA-256 <span class="hash">[0-9a-f]{64}<\/span>/);
    // The export itself is the log's newest entry, with the SHA-256 of the file written.
    const [newest] = await call(app.handlers, 'custody:list', { limit: 1 });
    expect(newest).toMatchObject({ kind: 'export', details: { format: 'html', files: [{ path: out }] } });
  });
});
