import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { sanitiseFileName } from '../../../src/main/reports/write-export.ts';
import { reportWorkspace } from './fixture.ts';

const XSD = path.resolve('tests/fixtures/refi-qda-project-1.0.xsd');

describe('report exports', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  async function setup() {
    const w = await reportWorkspace();
    cleanups.push(w.app.cleanup);
    const report = await call(w.h, 'reports:create', { title: 'Camps', fromTagIds: w.tags.map((t) => t.id) });
    const out = (name: string) => path.join(w.app.dir, 'exports', name);
    const exportAs = (format: 'html' | 'md' | 'csv' | 'json' | 'qdpx' | 'redaction-log', name: string, extra: object = {}) =>
      call(w.h, 'reports:export', { id: report.id, format, path: out(name), ...extra });
    return { ...w, report, out, exportAs };
  }

  it('writes a Markdown report with footnotes and sources, redacted', async () => {
    const { exportAs } = await setup();
    const result = await exportAs('md', 'camps.md');
    const md = readFileSync(result.path!, 'utf8');
    expect(md).toMatch(/^# Camps\n/);
    expect(md).toContain('## 1. Detention conditions');
    expect(md).toContain('> guards woke prisoners at 5 a.m. and made them sing for their meals[^2]');
    expect(md).toContain('[^1]: “Former detainee describes camp in Xinjiang,” Example News, March 14, 2019, para. 3, <https://example-news.org/2019/03/camp>.');
    expect(md).toContain('## Sources');
    expect(md).not.toMatch(/1234 5678|tips@example-news\.org/);
  });

  it('writes a CSV of passages with document, tags, quote, note and citation', async () => {
    const { exportAs } = await setup();
    const csv = readFileSync((await exportAs('csv', 'passages.csv', { redact: { emails: false, phones: false } })).path!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('n,section,document,published,url,location,tags,quote,note,commentary,citation,passage_id,start,end,original_sha256');
    expect(lines[1]).toContain('Detention conditions,Former detainee describes camp in Xinjiang,"March 14, 2019",https://example-news.org/2019/03/camp,para. 3,Detention conditions,');
    expect(csv).toContain(',Detention conditions; Indoctrination,');
    expect(csv).toContain(',Corroborated by a second witness; call +44 20 7946 0958.,');
    expect(csv).toContain('"“Former detainee describes camp in Xinjiang,” Example News, March 14, 2019, para. 4, https://example-news.org/2019/03/camp."');
  });

  it('writes W3C Web Annotations whose selectors re-anchor every quote', async () => {
    const { exportAs, h, ids } = await setup();
    const json = JSON.parse(readFileSync((await exportAs('json', 'annotations.json', { redact: { emails: false, phones: false } })).path!, 'utf8'));
    expect(json.type).toBe('AnnotationCollection');
    const items = json.first.items as { body: { purpose: string; value: string }[]; target: { source: { id: string }; selector: Record<string, unknown>[] } }[];
    expect(items).toHaveLength(6);
    const texts = new Map<string, string>();
    for (const id of Object.values(ids)) {
      const doc = await call(h, 'documents:get', { id });
      texts.set(`urn:sha256:${(await import('node:crypto')).createHash('sha256').update(doc.text).digest('hex')}`, doc.text);
    }
    for (const annotation of items) {
      const text = texts.get(annotation.target.source.id)!;
      expect(text, annotation.target.source.id).toBeDefined();
      const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix: string; suffix: string };
      const position = annotation.target.selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
      const points = [...text];
      // by position (code points) …
      expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
      // … and by quote alone, as an annotation tool re-anchors when positions are lost
      const at = text.indexOf(quote.prefix + quote.exact + quote.suffix);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(annotation.body.some((b) => b.purpose === 'tagging')).toBe(true);
    }
  });

  it('writes a REFI-QDA project that validates against the schema and re-imports its codings', async () => {
    const { exportAs, tags, passages } = await setup();
    const file = (await exportAs('qdpx', 'camps.qdpx', { redact: { emails: true, phones: true, terms: ['Mihrigul'] } })).path!;
    const zip = unzipSync(new Uint8Array(readFileSync(file)));
    const qde = strFromU8(zip['project.qde']!);
    const qdeFile = path.join(path.dirname(file), 'project.qde');
    writeFileSync(qdeFile, qde);
    execFileSync('xmllint', ['--noout', '--schema', XSD, qdeFile], { stdio: 'pipe' });

    // re-import: read the codebook, sources and selections back and check each coding lands on its quote
    const xml = new JSDOM(qde, { contentType: 'text/xml' }).window.document;
    const codes = new Map([...xml.querySelectorAll('Code')].map((c) => [c.getAttribute('guid')!, c.getAttribute('name')!]));
    expect([...codes.values()]).toEqual(tags.map((t) => t.name));
    const imported: { quote: string; codes: string[] }[] = [];
    for (const source of xml.querySelectorAll('TextSource')) {
      const textPath = source.getAttribute('plainTextPath')!.replace('internal://', 'sources/');
      const text = [...strFromU8(zip[textPath]!)];
      expect(text.join('')).not.toMatch(/Mihrigul|1234 5678|tips@example/);
      for (const sel of source.querySelectorAll('PlainTextSelection')) {
        const quote = text.slice(Number(sel.getAttribute('startPosition')), Number(sel.getAttribute('endPosition'))).join('');
        imported.push({ quote, codes: [...sel.querySelectorAll('CodeRef')].map((r) => codes.get(r.getAttribute('targetGUID')!)!).sort() });
      }
    }
    expect(imported).toHaveLength(6);
    expect(imported).toContainEqual({ quote: passages.guards.exact, codes: ['Detention conditions', 'Indoctrination'] });
    expect(imported).toContainEqual({ quote: passages.chinese.exact, codes: ['Detention conditions'] });
    expect(imported).toContainEqual({ quote: passages.uyghur.exact, codes: ['Indoctrination'] });
    // redacted in place, one block per character, so the selection still spans the quote
    const cell = imported.find((i) => i.quote.startsWith('We were sixty'))!;
    expect(cell.quote).toBe(passages.cell.exact.replace('Mihrigul', '████████'));
    expect(qde).not.toMatch(/Users|creatingUser/);
  });

  it('writes a redaction log without the redacted text', async () => {
    const { exportAs } = await setup();
    const log = readFileSync((await exportAs('redaction-log', 'log.csv', { redact: { terms: ['Ablimit Tursun'] } })).path!, 'utf8');
    expect(log.split('\r\n')[0]).toBe('id,kind,where,decision');
    expect(log).toMatch(/document\.[\w-]+\.text@\d+,term,quote 3,redacted/);
    expect(log).toMatch(/,phone,.*,redacted/);
    expect(log).not.toMatch(/Ablimit|1234 5678/);
  });

  it('never overwrites without force, sanitises names and leaves no temporary file', async () => {
    const { exportAs, out } = await setup();
    const first = await exportAs('html', 'CON.html');
    expect(path.basename(first.path!)).toBe('_CON.html');
    await expect(exportAs('html', 'CON.html')).rejects.toThrow(/already exists/);
    const forced = await exportAs('html', 'CON.html', { force: true });
    expect(forced.path).toBe(first.path);
    const noExt = await exportAs('html', 'report\u202Egnp.exe');
    expect(path.basename(noExt.path!)).toBe('reportgnp.exe.html');
    expect(readdirSync(path.dirname(out('x'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(first.path!)).toBe(true);
    expect(sanitiseFileName(' a/b\\c:d*e?f"g<h>i|j. ')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(sanitiseFileName('报告：新疆 2024.pdf')).toBe('报告：新疆 2024.pdf');
    expect(sanitiseFileName('...')).toBe('report');
  });
});
