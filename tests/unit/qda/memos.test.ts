import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { tempApps } from '../../helpers/temp-apps.ts';
import { codedTestimonies } from './qda-fixture.ts';

describe('memos (issue 21, item 1)', () => {
  const newApp = tempApps();

  it('keeps one memo per document, per tag and for the investigation, with its author and times', async () => {
    const app = newApp();
    const { h, docs, tagId } = await codedTestimonies(app);
    expect(await call(h, 'memos:get', { scope: 'document', targetId: docs.a })).toBeNull();
    const first = await call(h, 'memos:save', { scope: 'document', targetId: docs.a, body: '# Reliability\n\n- names the guards', author: 'Aynur' });
    expect(first).toMatchObject({ scope: 'document', targetId: docs.a, author: 'Aynur', targetLabel: 'Guards beat the detainees every night.' });
    const second = await call(h, 'memos:save', { scope: 'document', targetId: docs.a, body: '# Reliability\n\n- names the guards\n- dates agree' });
    // The same memo, rewritten: its id and creation stay, its text and update time change; no author given keeps the one before.
    expect(second).toMatchObject({ id: first!.id, createdAt: first!.createdAt, author: 'Aynur' });
    expect(second!.body).toContain('dates agree');
    await call(h, 'memos:save', { scope: 'tag', targetId: tagId('Food'), body: 'Starvation as punishment: see [the testimony](#document/' + docs.b + ').' });
    await call(h, 'memos:save', { scope: 'investigation', body: 'Research question: conditions in Hotan camps.' });
    const list = await call(h, 'memos:list', {});
    expect(list.map((m) => m.scope)).toEqual(['investigation', 'tag', 'document']);
    // An empty memo is removed.
    expect(await call(h, 'memos:save', { scope: 'investigation', body: '  \n' })).toBeNull();
    expect(await call(h, 'memos:list', {})).toHaveLength(2);
    // Deleting the document takes its memo with it.
    await call(h, 'documents:delete', { ids: [docs.a] });
    expect((await call(h, 'memos:list', {})).map((m) => m.scope)).toEqual(['tag']);
    // Undo brings the document back with its memo.
    await call(h, 'history:undo', {});
    expect((await call(h, 'memos:get', { scope: 'document', targetId: docs.a }))?.body).toContain('dates agree');
    await call(h, 'tags:delete', { id: tagId('Food') });
    expect(await call(h, 'memos:list', {})).toHaveLength(1);
    await call(h, 'history:undo', {});
    expect((await call(h, 'memos:get', { scope: 'tag', targetId: tagId('Food') }))?.body).toContain('Starvation');
  });

  it('refuses memos on nothing or on what does not exist, and memos past the size limit', async () => {
    const app = newApp();
    const { h } = await codedTestimonies(app);
    await expect(call(h, 'memos:save', { scope: 'document', body: 'x' })).rejects.toThrow("A document memo needs the document's id.");
    await expect(call(h, 'memos:save', { scope: 'tag', targetId: 'missing', body: 'x' })).rejects.toThrow('That tag is no longer in the codebook.');
    await expect(call(h, 'memos:save', { scope: 'investigation', targetId: 'x', body: 'x' })).rejects.toThrow(/give no document or tag/);
    await expect(call(h, 'memos:save', { scope: 'investigation', body: 'x'.repeat(1_000_001) })).rejects.toThrow(/Invalid request \(body\)/);
  });

  it('finds memos with the search box language: words in any case, phrases, prefixes, exclusions, other scripts', async () => {
    const app = newApp();
    const { h, docs, tagId } = await codedTestimonies(app);
    await call(h, 'memos:save', { scope: 'document', targetId: docs.a, body: 'The witness names two GUARDS.\nShe was held in Qaraqash county.' });
    await call(h, 'memos:save', { scope: 'tag', targetId: tagId('Food'), body: 'Rations: 两个馒头 a day; prisoners starved.' });
    const found = async (query: string) => (await call(h, 'memos:search', { query })).map((m) => m.memo.scope);
    expect(await found('guards')).toEqual(['document']);
    expect(await found('"Qaraqash county"')).toEqual(['document']);
    expect(await found('"county Qaraqash"')).toEqual([]);
    expect(await found('starv*')).toEqual(['tag']);
    expect(await found('馒头')).toEqual(['tag']);
    expect(await found('witness -Qaraqash')).toEqual([]);
    expect(await found('title:guards')).toEqual([]);
    const [hit] = await call(h, 'memos:search', { query: 'qaraqash' });
    // The snippet is the memo's line with the match, marked where the word is.
    expect(hit!.snippet.text).toBe('She was held in Qaraqash county.');
    expect(hit!.snippet.highlights.map(([s, e]) => hit!.snippet.text.slice(s, e))).toEqual(['Qaraqash']);
    // A malformed query finds nothing instead of failing.
    expect(await found('"unclosed')).toEqual([]);
  });

  it('exports memos as Markdown and CSV, and quotes a memo in a report section (redacted like commentary)', async () => {
    const app = newApp();
    const { h, docs, tagId } = await codedTestimonies(app);
    const memo = await call(h, 'memos:save', { scope: 'tag', targetId: tagId('Violence'), body: '## Pattern\n\n1. nightly beatings\n2. call +86 10 1234 5678\n\n<script>alert(1)</script>\n\nSee [passage](#passage/abc).' });
    await call(h, 'memos:save', { scope: 'document', targetId: docs.b, body: 'Short, "quoted", and = formula-like' });
    const md = path.join(app.dir, 'memos.md');
    await call(h, 'memos:export', { format: 'md', path: md });
    const markdown = readFileSync(md, 'utf8');
    expect(markdown).toContain('## Tag memo: Violence');
    // The memo's own headings go two levels down, inside its section.
    expect(markdown).toContain('#### Pattern');
    const csv = path.join(app.dir, 'memos.csv');
    await call(h, 'memos:export', { format: 'csv', path: csv });
    const rows = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('scope,target_id,target,author,created_at,updated_at,memo');
    expect(rows.some((r) => r.startsWith(`document,${docs.b},Detainees were beaten and starved.,,`) && r.endsWith('"Short, ""quoted"", and = formula-like"'))).toBe(true);

    const report = await call(h, 'reports:create', { title: 'Violence', fromTagIds: [tagId('Violence')] });
    const sections = report.body.sections.map((s, i) => (i === 0 ? { ...s, memoId: memo!.id } : s));
    await call(h, 'reports:update', { id: report.id, body: { sections } });
    const { html } = await call(h, 'reports:preview', { id: report.id });
    expect(html).toContain('<aside class="memo">');
    expect(html).toContain('<h2>Pattern</h2>');
    expect(html).toContain('<li>nightly beatings</li>');
    // The phone number is redacted by the report's default rules; the script is gone; the internal link is its words.
    expect(html).not.toContain('1234 5678');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('#passage/');
    expect(html).toContain('See passage.');
    const out = path.join(app.dir, 'violence.md');
    await call(h, 'reports:export', { id: report.id, format: 'md', path: out });
    expect(readFileSync(out, 'utf8')).toContain('**Memo on the tag Violence**');
  });
});
