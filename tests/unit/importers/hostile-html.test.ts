import { afterEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { FORBIDDEN_HTML, PAYLOADS } from './hostile-payloads.ts';
import { importFiles, type App } from './import-helper.ts';

describe('hostile HTML', () => {
  const apps: App[] = [];
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));

  it(`stores ${PAYLOADS.length} hostile pages with nothing executable or fetching in any field, and keeps their visible text`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    const app = tempApp();
    apps.push(app);
    const files = Object.fromEntries(PAYLOADS.map((p, i) => [`hostile-${i}.html`, p.replace('>V<', `>VISIBLE-${i}<`)]));
    const { summary, doc } = await importFiles(app, files);
    expect(summary.failed).toEqual([]);
    for (let i = 0; i < PAYLOADS.length; i++) {
      const stored = doc(`hostile-${i}.html`);
      expect(stored.text, `payload ${i}`).toContain(`VISIBLE-${i}`);
      for (const pattern of FORBIDDEN_HTML) expect(stored.originalHtml ?? '', `payload ${i}: ${pattern}`).not.toMatch(pattern);
      const fields = JSON.stringify([stored.text, stored.title, stored.author, stored.source, stored.url, stored.meta, stored.blocks]);
      expect(fields, `payload ${i}`).not.toMatch(/<|alert\(|javascript:|vbscript:|evil\.example|msgbox/i);
      expect(stored.originalHtml ?? '', `payload ${i}`).not.toMatch(/evil\.example|alert\(|msgbox/i);
    }
    // What is harmless survives: an http link (shown, never fetched) and an inline PNG.
    expect(doc(`hostile-${PAYLOADS.length - 4}.html`).originalHtml).toContain('href="https://example.org/"');
    expect(doc(`hostile-${PAYLOADS.length - 3}.html`).originalHtml).toContain('src="data:image/png;base64,');
    expect(doc('hostile-40.html').title).toBe('Head');
    expect(doc('hostile-40.html').author).toBe('Bob');
    expect(doc('hostile-39.html').author).toBe('Ann');
    expect(doc('hostile-39.html').url).toBeNull();
  });

  it('imports pages nested 100,000 elements deep with every word, no hidden content and a review flag', async () => {
    const app = tempApp();
    apps.push(app);
    // Each page its own text, or the second would be a duplicate of the first.
    const lead = (n: number) => `<p>${`Witness ${n} described the camp and its guards in detail. `.repeat(8)}</p>`;
    const deep = (n: number) =>
      `${'<div>'.repeat(n)}<p>Deep <b>testimony</b></p><p>Second paragraph</p><script>alert(1)</script><template>${'<i>'.repeat(Math.min(n, 2000))}hidden</template>${'</div>'.repeat(n)}`;
    const { summary, doc } = await importFiles(app, {
      // One the article shortcut takes, one that goes through Readability.
      'deep-article.html': `<html><body><article>${lead(1)}${deep(100_000)}</article></body></html>`,
      'deep-plain.html': `<html><body><div>${lead(2)}${deep(5_000)}</div></body></html>`,
      'shallow.html': `<html><body><article>${lead(3)}${deep(50)}</article></body></html>`,
    });
    expect(summary.failed).toEqual([]);
    for (const name of ['deep-article.html', 'deep-plain.html']) {
      const stored = doc(name);
      expect(stored.text, name).toMatch(/Deep testimony\s+Second paragraph/);
      expect(stored.text, name).not.toMatch(/hidden|alert/);
      expect(stored.originalHtml, name).not.toMatch(/hidden|alert|<script|<template/);
      expect(stored.reviewFlags.join(' '), name).toContain(`${name} nests its markup more than 256 levels deep`);
    }
    // A page of ordinary depth keeps its paragraphs as blocks and gets no flag.
    const shallow = doc('shallow.html');
    expect(shallow.reviewFlags).toEqual([]);
    expect(shallow.blocks.filter((b) => b.kind === 'paragraph').map((b) => shallow.text.slice(b.start, b.end))).toContain('Second paragraph');
  });
});
