/**
 * How fast a large PDF opens in the page view (issue 16: "a 500-page PDF opens at its first page
 * in under a second"). Builds a 500-page and a 20-page text PDF with pdf-lib, imports them into a
 * throw-away investigation through the real service, serves the built renderer with the e2e bridge
 * (tests/e2e/bridge.ts) in headless Chromium, and times, in the page (performance.now), from the
 * click on a document to its text shown and from the click on "Show pages" to page 1 drawn; then
 * counts the page canvases in the DOM (on-demand rendering keeps it to a handful) and times a
 * jump to the middle page. Run `npm run build` first. Run: npm run bench:pages [-- --runs N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { chromium, type Page } from 'playwright-core';
import { call } from '../src/main/dispatch.ts';
import { chromiumPath } from '../src/main/reports/pdf-chromium.ts';
import type { Handlers } from '../src/main/service.ts';
import { connectPageSession, serveRenderer } from '../tests/e2e/bridge.ts';

const GOAL_MS = 1000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5;

const SENTENCES = [
  'The witness said she was held for eleven months in a facility outside Hotan with sixty other women.',
  'Guards woke the detainees at five in the morning and made them sing before every meal.',
  'Her brother confirmed the dates of her arrest and release to reporters in Istanbul in March 2019.',
  'Satellite images of the compound show new walls, watchtowers and a second perimeter fence.',
];

/** An A4 report of `pages` pages, the title on page 1, 40 lines of body text (Helvetica, no images). */
async function textPdf(pages: number, title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    if (p === 0) page.drawText(title, { x: 50, y: 760, size: 18, font });
    for (let line = 0; line < 40; line++) {
      const text = `${SENTENCES[(p + line) % SENTENCES.length]!.slice(0, 80)} (${p + 1}.${line + 1})`;
      page.drawText(text, { x: 50, y: 730 - line * 15, size: 10, font });
    }
  }
  doc.setTitle(title);
  return doc.save();
}

interface Run {
  textMs: number;
  /** Of which the bridge spent in documents:get / documents:original (Electron's IPC takes milliseconds: see payloadFigures). */
  textBridgeMs: number;
  pageMs: number;
  pageBridgeMs: number;
  /** From "Show pages" to every page's placeholder in the DOM (React's part, before pdf.js draws). */
  sectionsMs: number;
  /** <canvas> elements in the page view, and how many of them pdf.js has drawn, when page 1 is drawn. */
  canvases: number;
  drawn: number;
  /** The same a second later: still a handful if nothing beyond the view is drawn. */
  drawnLater: number;
  middleMs: number;
  /** Back to the document after opening another: its data is cached, so this is the reader's own rendering. */
  reopenMs: number;
}

/** Clicks the document in the library and waits until its text is shown; then "Show pages" until page 1 is drawn. */
async function measure(page: Page, title: string, other: string, pages: number): Promise<Run> {
  const middle = Math.floor(pages / 2);
  return page.evaluate(
    async ({ title, other, middle, last }) => {
      const until = (test: () => boolean) =>
        new Promise<void>((resolve) => {
          if (test()) return resolve();
          const observer = new MutationObserver(() => {
            if (!test()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
        });
      // The bridge's time per channel, so the e2e transport can be told apart from the renderer's own work.
      const spent: Record<string, number> = {};
      const w = window as unknown as { __dossierInvoke: (channel: string, input: unknown) => Promise<unknown> };
      const binding = w.__dossierInvoke;
      w.__dossierInvoke = async (channel, input) => {
        const start = performance.now();
        try {
          return await binding(channel, input);
        } finally {
          spent[channel] = (spent[channel] ?? 0) + performance.now() - start;
        }
      };
      const library = document.querySelector('[aria-label="Library"]');
      const itemOf = (name: string) => {
        const found = [...(library?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(name));
        if (!found) throw new Error(`${name} is not in the library`);
        return found;
      };
      const item = itemOf(title);
      const readerOf = (name: string) => document.querySelector(`article[aria-label="Document: ${name}"]`);
      const reader = () => readerOf(title);
      const t0 = performance.now();
      item.click();
      await until(() => Boolean(reader()?.querySelector('.reader-body')?.textContent?.includes('(1.1)')));
      const textMs = performance.now() - t0;
      const textBridgeMs = spent['documents:get'] ?? 0;

      const show = [...(reader()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Show pages');
      if (!show) throw new Error('No "Show pages" button');
      const t1 = performance.now();
      show.click();
      await until(() => Boolean(document.querySelector(`[data-page="${last}"]`)));
      const sectionsMs = performance.now() - t1;
      await until(() => Boolean(document.querySelector('[data-page="0"] canvas[data-drawn="true"]')));
      const pageMs = performance.now() - t1;
      const pageBridgeMs = spent['documents:original'] ?? 0;
      const view = () => document.querySelector('.page-view');
      const canvases = view()?.querySelectorAll('canvas').length ?? 0;
      const drawn = view()?.querySelectorAll('canvas[data-drawn="true"]').length ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const drawnLater = view()?.querySelectorAll('canvas[data-drawn="true"]').length ?? 0;

      const t2 = performance.now();
      view()?.querySelector(`[data-page="${middle}"]`)?.scrollIntoView({ block: 'start' });
      await until(() => Boolean(document.querySelector(`[data-page="${middle}"] canvas[data-drawn="true"]`)));
      const middleMs = performance.now() - t2;

      itemOf(other).click();
      await until(() => Boolean(readerOf(other)?.querySelector('.reader-body')?.textContent?.includes('(1.1)')));
      const t3 = performance.now();
      itemOf(title).click();
      await until(() => Boolean(reader()?.querySelector('.reader-body')?.textContent?.includes('(1.1)')));
      const reopenMs = performance.now() - t3;
      return { textMs, textBridgeMs, pageMs, pageBridgeMs, sectionsMs, canvases, drawn, drawnLater, middleMs, reopenMs };
    },
    { title, other, middle, last: pages - 1 },
  );
}

/** Bytes of the original and the time to fetch them through the bridge alone (a part of "Show pages"). */
async function originalFetch(page: Page, id: string): Promise<{ bytes: number; ms: number }> {
  return page.evaluate(async (id) => {
    const api = (
      window as unknown as { dossier: { invoke(c: string, i: unknown): Promise<{ ok: boolean; value?: { bytes: Uint8Array } }> } }
    ).dossier;
    const t0 = performance.now();
    const result = await api.invoke('documents:original', { id });
    return { bytes: result.value?.bytes.length ?? -1, ms: performance.now() - t0 };
  }, id);
}

/**
 * What documents:get sends: its size as JSON, the service's time, and a V8 serialise + deserialise
 * of it (what Electron's IPC does with a result; the e2e bridge instead walks it in JavaScript and
 * passes it through Playwright's protocol, far slower).
 */
async function payloadFigures(handlers: Handlers, id: string): Promise<string> {
  const t0 = performance.now();
  const full = await call(handlers, 'documents:get', { id });
  const t1 = performance.now();
  const wire = v8.serialize(full);
  v8.deserialize(wire);
  const t2 = performance.now();
  const layoutBytes = JSON.stringify(full.meta.layout ?? null).length;
  return `documents:get ${(JSON.stringify(full).length / 1048576).toFixed(1)} MB as JSON (word boxes ${(layoutBytes / 1048576).toFixed(1)} MB), service ${Math.round(t1 - t0)} ms, V8 serialise + deserialise ${Math.round(t2 - t1)} ms`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const worst = (xs: number[]) => Math.max(...xs);
const ms = (x: number) => `${Math.round(x)} ms`.padStart(8);

const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-pages-'));
const server = await serveRenderer();
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
try {
  const cases = [
    { pages: 500, title: 'Five hundred page report' },
    { pages: 20, title: 'Twenty page report' },
  ];
  const other = { pages: 1, title: 'One page note' };
  const files: string[] = [];
  for (const c of cases) {
    const file = path.join(dir, `${c.pages}-pages.pdf`);
    writeFileSync(file, await textPdf(c.pages, c.title));
    files.push(file);
  }
  const otherFile = path.join(dir, 'other.pdf');
  writeFileSync(otherFile, await textPdf(other.pages, other.title));
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Nothing but the renderer's own server is reachable: the page view must fetch nothing.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  const page = await context.newPage();
  const bridge = await connectPageSession(page, path.join(dir, 'user-data'));
  bridge.session.create({ name: 'Pages bench' });
  const importStart = performance.now();
  const summary = await call(bridge.handlers, 'documents:import', { paths: [...files, otherFile] });
  const importMs = performance.now() - importStart;
  if (summary.failed.length) throw new Error(`import failed: ${JSON.stringify(summary.failed)}`);
  const otherTitle = summary.imported.find((d) => d.path === otherFile)?.title ?? other.title;

  console.log(`Page view bench (issue 16): ${RUNS} runs each, headless Chromium ${browser.version()}, viewport 1400×900`);
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`import of both PDFs through the service: ${(importMs / 1000).toFixed(1)} s`);
  console.log('');
  const rows: string[][] = [
    [
      '',
      'open → text',
      '  less bridge',
      'reopen → text',
      'Show pages → p. 1',
      '  less bridge',
      '  all placeholders',
      'canvases / drawn',
      'drawn 1 s later',
      'jump to middle p.',
    ],
  ];
  const payloads: string[] = [];
  const verdicts: string[] = [];
  for (const c of cases) {
    const doc = summary.imported.find((d) => d.path === files[cases.indexOf(c)]);
    if (!doc) throw new Error(`${c.title} was not imported`);
    const runs: Run[] = [];
    let fetched = { bytes: 0, ms: 0 };
    for (let r = 0; r < RUNS; r++) {
      // A fresh renderer each run: the reader starts closed and pdf.js starts its worker anew.
      await page.goto(server.url);
      await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: doc.title }).first().waitFor();
      runs.push(await measure(page, doc.title, otherTitle, c.pages));
      if (r === 0) fetched = await originalFetch(page, doc.id);
    }
    const pair = (xs: number[]) => `${ms(median(xs))} / ${ms(worst(xs))}`;
    const last = runs[runs.length - 1]!;
    rows.push([
      `${c.pages} pages`,
      pair(runs.map((r) => r.textMs)),
      pair(runs.map((r) => r.textMs - r.textBridgeMs)),
      pair(runs.map((r) => r.reopenMs)),
      pair(runs.map((r) => r.pageMs)),
      pair(runs.map((r) => r.pageMs - r.pageBridgeMs)),
      pair(runs.map((r) => r.sectionsMs)),
      `${last.canvases} / ${last.drawn}`,
      String(last.drawnLater),
      pair(runs.map((r) => r.middleMs)),
    ]);
    payloads.push(
      `${c.pages} pages: ${await payloadFigures(bridge.handlers, doc.id)}; original ${(fetched.bytes / 1024).toFixed(0)} KiB, ${Math.round(fetched.ms)} ms through the bridge`,
    );
    const verdict = (xs: number[]) =>
      worst(xs) < GOAL_MS ? 'met' : median(xs) < GOAL_MS ? 'met at the median, not at the worst' : 'not met';
    const first = runs.map((r) => r.pageMs);
    const firstOwn = runs.map((r) => r.pageMs - r.pageBridgeMs);
    const text = runs.map((r) => r.textMs);
    const textOwn = runs.map((r) => r.textMs - r.textBridgeMs);
    const figure = (xs: number[]) => `${Math.round(median(xs))} ms median, ${Math.round(worst(xs))} ms worst`;
    verdicts.push(
      `${c.pages} pages: "Show pages" → page 1 drawn: ${figure(first)} through the bridge: ${verdict(first)}; less the bridge's transfer ${figure(firstOwn)}: ${verdict(firstOwn)} (goal < ${GOAL_MS} ms)`,
      `${c.pages} pages: open → text shown: ${figure(text)} through the bridge: ${verdict(text)}; less the bridge's transfer ${figure(textOwn)}: ${verdict(textOwn)} (goal < ${GOAL_MS} ms)`,
    );
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  console.log(
    '(median / worst of the runs; "less bridge": without the time the e2e bridge\'s binding spent carrying documents:get or',
  );
  console.log(
    " documents:original (its JavaScript walk reviving the result in the page is still counted); all placeholders: every page's",
  );
  console.log(' section in the DOM;');
  console.log(' canvases: <canvas> elements in the page view when page 1 is drawn)');
  console.log('');
  for (const line of payloads) console.log(line);
  console.log('');
  for (const v of verdicts) console.log(v);
  await context.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
