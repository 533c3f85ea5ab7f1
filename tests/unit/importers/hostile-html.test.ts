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
});
