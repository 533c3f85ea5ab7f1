import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { QUOTES, reportWorkspace } from './fixture.ts';

describe('report model and HTML rendering', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  async function setup() {
    const w = await reportWorkspace();
    cleanups.push(w.app.cleanup);
    return w;
  }

  it('creates a report from tags (one section per tag, codebook order) and keeps several per workspace', async () => {
    const { h, tags } = await setup();
    const [detention, indoctrination] = tags;
    expect(tags.map((t) => t.name)).toEqual(['Detention conditions', 'Indoctrination']);
    const report = await call(h, 'reports:create', { title: 'Camps', fromTagIds: [indoctrination!.id, detention!.id] });
    expect(report.body.sections.map((s) => [s.heading, s.items.length])).toEqual([
      ['Detention conditions', 4],
      ['Indoctrination', 3],
    ]);
    await call(h, 'reports:create', { title: 'Empty draft' });
    expect((await call(h, 'reports:list', {})).map((r) => r.title).sort()).toEqual(['Camps', 'Empty draft']);
  });

  it('renders self-contained HTML with citations, notes, sources and the quote chain', async () => {
    const { h, tags, ids } = await setup();
    const report = await call(h, 'reports:create', {
      title: 'Conditions in the camps',
      subtitle: 'Testimony 2017–2019',
      authorLine: 'Research team',
      reportDate: '2024-05-01',
      fromTagIds: tags.map((t) => t.id),
    });
    const sections = report.body.sections;
    sections[0]!.commentary = 'Witnesses agree on overcrowding.';
    sections[0]!.items[0]!.commentary = 'Key testimony.';
    await call(h, 'reports:update', { id: report.id, body: { sections }, settings: { redaction: { emails: false, phones: false } } });
    const preview = await call(h, 'reports:preview', { id: report.id });
    // titles and names sit in <bdi> (so an Arabic-script title stays isolated); compare the words
    const html = preview.html.replace(/<\/?bdi>/g, '');
    expect(preview.html).toContain('<bdi>Example News</bdi>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<h1>Conditions in the camps</h1>');
    expect(html).toContain('Witnesses agree on overcrowding.');
    expect(html).toContain('Key testimony.');
    expect(html).toContain('<blockquote lang="zh"');
    expect(html).toContain('<blockquote lang="ug" dir="rtl"');
    // footnote style: a full note on first citation with title, publisher, date, paragraph and URL
    expect(html).toContain('“Former detainee describes camp in Xinjiang,” Example News, March 14, 2019, para. 3,');
    expect(html).toContain('https://example-news.org/2019/03/camp');
    // Chicago notes-bibliography: no author, so the title leads; the short note has a short title, never the publisher as author
    expect(html).toContain('“Former detainee describes camp in Xinjiang.” Example News, March 14, 2019.');
    expect(html).toContain('<li id="note-2" value="2">“Former detainee describes camp,” para. 4.</li>');
    expect(html).toContain('<h2>Sources</h2>');
    const doc = await call(h, 'documents:get', { id: ids.article });
    expect(html).toContain(doc.originalHash);
    expect(html).toMatch(/quote SHA-256: <span class="hash">[0-9a-f]{64}/);

    const authorDate = (await call(h, 'reports:preview', { id: report.id, settings: { citationStyle: 'author-date' } })).html.replace(/<\/?bdi>/g, '');
    // Chicago author-date: the short title stands for a missing author (CMOS 15.32)
    expect(authorDate).toContain('(“Former detainee describes camp” 2019, para. 3)');
    expect(authorDate).toContain('(李明 2020, para. 2)');
    expect(authorDate).toContain('“Former detainee describes camp in Xinjiang.” 2019. Example News, March 14, 2019.');
    expect(authorDate).toContain('李明. 2020. “新疆拘留营的证词.” Example Chinese Service, January 5, 2020.');
    expect(authorDate).not.toContain('<h2>Notes</h2>');
  });

  it('redacts phones, e-mails and listed names before rendering, and lets a hit be kept', async () => {
    const { h, tags } = await setup();
    const report = await call(h, 'reports:create', { title: 'Camps', fromTagIds: tags.map((t) => t.id) });
    await call(h, 'reports:update', { id: report.id, settings: { redaction: { terms: ['Mihrigul Tursun', 'Mihrigul', 'Ablimit Tursun'] } } });
    const { html, hits } = await call(h, 'reports:preview', { id: report.id });
    for (const secret of ['1234 5678', '2345-6789', '555-0199', 'tips@example-news.org', '7946 0958', 'Mihrigul', 'Ablimit']) {
      expect(html).not.toContain(secret);
    }
    expect(html).toContain('<span class="redacted"');
    expect(hits.map((x) => x.kind).sort()).toEqual(expect.arrayContaining(['email', 'phone', 'term']));
    expect(hits.every((x) => x.redact)).toBe(true);
    expect(hits.find((x) => x.text === 'Mihrigul' && x.where.startsWith('quote'))).toBeTruthy();
    // the reviewer keeps the toll-free number: it is the newspaper's, not a witness's
    const tollFree = hits.find((x) => x.text === '1-800-555-0199' && x.field.endsWith('.text') && x.where.startsWith('quote'))!;
    await call(h, 'reports:update', { id: report.id, settings: { redaction: { keep: [tollFree.id] } } });
    const again = await call(h, 'reports:preview', { id: report.id });
    expect(again.html).toContain('1-800-555-0199');
    expect(again.html).not.toContain('2345-6789');
    expect(again.hits.find((x) => x.id === tollFree.id)?.redact).toBe(false);
    expect(QUOTES.contacts).toContain('1-800-555-0199');
  });

  it('adds passages to a report, shows deleted passages as missing, and deletes reports', async () => {
    const { h, passages } = await setup();
    const report = await call(h, 'reports:create', { title: 'Draft' });
    const added = await call(h, 'reports:addPassages', { id: report.id, passageIds: [passages.cell.id, passages.chinese.id, passages.cell.id] });
    expect(added.body.sections).toHaveLength(1);
    expect(added.body.sections[0]!.items.map((i) => i.passageId)).toEqual([passages.cell.id, passages.chinese.id]);
    await call(h, 'passages:delete', { id: passages.chinese.id });
    const { html } = await call(h, 'reports:preview', { id: report.id });
    expect(html).toContain('deleted from the investigation');
    expect(await call(h, 'reports:delete', { id: report.id })).toEqual({ deleted: true });
    await expect(call(h, 'reports:get', { id: report.id })).rejects.toThrow(/no longer exists/);
  });
});

describe('quote locations', () => {
  it('gives the PDF page from page starts and the paragraph number from blocks, headings not counted', async () => {
    const { locate } = await import('../../../src/main/reports/report-data.ts');
    expect(locate(120, [], [0, 100, 250])).toEqual({ kind: 'page', n: 2 });
    expect(locate(0, [], [0, 100, 250])).toEqual({ kind: 'page', n: 1 });
    expect(locate(300, [], [0, 100, 250])).toEqual({ kind: 'page', n: 3 });
    const blocks = [
      { kind: 'heading' as const, start: 0, end: 10, level: 1 },
      { kind: 'paragraph' as const, start: 12, end: 40 },
      { kind: 'heading' as const, start: 42, end: 50, level: 2 },
      { kind: 'quote' as const, start: 52, end: 90 },
    ];
    expect(locate(60, blocks, null)).toEqual({ kind: 'paragraph', n: 2 });
    expect(locate(12, blocks, null)).toEqual({ kind: 'paragraph', n: 1 });
  });
});
