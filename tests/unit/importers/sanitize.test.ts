import { JSDOM } from 'jsdom';
import { parseFragment, serialize } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../src/main/importers/sanitize.ts';
import { createOriginalPurifier } from '../../../src/renderer/reader/purify-original.ts';
import { ALLOWED_TAGS } from '../../../src/shared/html-policy.ts';
import { EVIL, FORBIDDEN_HTML, PAYLOADS } from './hostile-payloads.ts';

/** The same markup however a serialiser spells it (entities, attribute quoting). */
const normalize = (html: string) => serialize(parseFragment(html));

/** The tag names of every "<" in serialised HTML; null where a "<" starts no tag. */
const tagsOf = (html: string) => [...html.matchAll(/<(\/?)([a-z][a-z0-9]*)?/g)].map((m) => m[2] ?? null);

describe('the import sanitiser (parse5 + hast-util-sanitize)', () => {
  it('is stable: its output, parsed and sanitised again, is the same HTML, and every "<" in it is an allowed tag', () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const once = sanitizeHtml(payload).html;
      expect(sanitizeHtml(once).html, `payload ${i}`).toBe(once);
      for (const tag of tagsOf(once)) expect(ALLOWED_TAGS, `payload ${i}: ${once}`).toContain(tag);
    }
  });

  it('keeps the blank lines at the start of a <pre> however often its output is parsed again', () => {
    const once = sanitizeHtml('<pre>\n\nline after a blank line</pre>');
    expect(once.tree.children[0]).toMatchObject({ tagName: 'pre', children: [{ type: 'text', value: '\nline after a blank line' }] });
    expect(sanitizeHtml(once.html).html).toBe(once.html);
    expect(new JSDOM(once.html).window.document.querySelector('pre')!.textContent).toBe('\nline after a blank line');
  });

  it('keeps what is harmless and drops the rest, attribute by attribute', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const cases: [string, string][] = [
      [`<p><a href="&#106;avascript:alert(1)">link text</a></p>`, '<p><a>link text</a></p>'],
      [`<p><a href="https://example.org/a?b=1&amp;c=2" title="t">x</a></p>`, '<p><a href="https://example.org/a?b=1&amp;c=2" title="t">x</a></p>'],
      // Written as browsers accept them: spaces around, scheme in capitals. Controls before a scheme are not.
      [`<p><a href=" https://example.org/a\n">a</a> <a href="HTTPS://Example.org/">b</a> <a href="MailTo:desk@example.org">c</a></p>`,
        '<p><a href="https://example.org/a">a</a> <a href="https://Example.org/">b</a> <a href="mailto:desk@example.org">c</a></p>'],
      [`<p><a href=" JavaScript:alert(1)">a</a> <a href="\x01https://example.org/">b</a></p>`, '<p><a>a</a> <a>b</a></p>'],
      [`<p><a href="relative/page">x</a> <a href="mailto:desk@example.org">m</a> <a href="#n">n</a></p>`, '<p><a>x</a> <a href="mailto:desk@example.org">m</a> <a href="#n">n</a></p>'],
      [`<img src="${png}" srcset="${EVIL}/x.png 2x" alt="map">`, `<img src="${png}" alt="map">`],
      // <image> is parsed as <img>, as in browsers; a remote image goes, with its element.
      [`<p>a<img src="${EVIL}/t.gif">b<image src="${png}">c<img src="data:image/svg+xml;base64,PHN2Zz4=">d</p>`, `<p>ab<img src="${png}">cd</p>`],
      [`<p title="</noscript><img src=x onerror=alert(1)>" lang="ug">x</p>`, '<p lang="ug">x</p>'],
      [`<table><tr><td colspan="2" style="x">a &lt;b&gt;</td></tr></table>`, '<table><tbody><tr><td colspan="2">a &lt;b&gt;</td></tr></tbody></table>'],
      [`<p>V</p><template><p>hidden</p></template><noscript><p>also hidden</p></noscript>`, '<p>V</p>'],
      [`<custom-el onclick="x"><font color="red">kept text</font></custom-el>`, 'kept text'],
    ];
    for (const [input, expected] of cases) expect(normalize(sanitizeHtml(input).html), input).toBe(normalize(expected));
  });
});

describe('the original view sanitiser (DOMPurify, as the renderer runs it before the sandboxed frame)', () => {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const purify = createOriginalPurifier(window as unknown as Parameters<typeof createOriginalPurifier>[0]);
  afterAll(() => window.close());

  it('strips every hostile payload by itself, as it would HTML that reached the store another way', () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const clean = purify(payload.replace('>V<', `>VISIBLE-${i}<`));
      for (const pattern of FORBIDDEN_HTML) expect(clean, `payload ${i}: ${pattern}`).not.toMatch(pattern);
      expect(clean, `payload ${i}`).not.toMatch(/evil\.example|alert\(|msgbox/i);
    }
  });

  it('agrees with the import sanitiser: what the importer stored passes through unchanged', () => {
    const samples = [
      ...PAYLOADS,
      `<article><h1>T</h1><p dir="rtl" lang="ar">نص <b>عريض</b></p><blockquote><p>q</p></blockquote><ul><li>a<ol><li>b</li></ol></li></ul>` +
        `<figure><img src="data:image/jpeg;base64,/9j/4AAQ" alt="x"><figcaption>c</figcaption></figure><time datetime="2018-06-04">June</time>` +
        `<details><summary>s</summary>d</details><pre>  code\n  kept</pre><table><tr><th rowspan="2">h</th></tr></table></article>`,
    ];
    for (const [i, sample] of samples.entries()) {
      const stored = sanitizeHtml(sample).html;
      expect(normalize(purify(stored)), `sample ${i}: ${stored}`).toBe(normalize(stored));
    }
  });
});
