import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src/main/dispatch.ts';
import { anchorQuote } from '../../src/main/service/tagging.ts';
import { tempApp, writeFiles } from '../helpers/temp-workspace.ts';

describe('tagging passages', () => {
  const apps: ReturnType<typeof tempApp>[] = [];
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));

  async function appWithDoc(text: string) {
    const app = tempApp();
    apps.push(app);
    const summary = await call(app.handlers, 'documents:import', { paths: [writeFiles(app.dir, { 'doc.txt': text })] });
    return { app, id: summary.imported[0]!.id };
  }

  it('stores a passage with its quote selector, creates a tag typed by name, and lists it under the tag', async () => {
    const text = 'Prisoners were allowed only three steamed buns per day, he said.';
    const { app, id } = await appWithDoc(text);
    const start = text.indexOf('three');
    const passage = await call(app.handlers, 'passages:create', {
      documentId: id,
      start,
      end: start + 'three steamed buns'.length,
      tagNames: ['Starvation'],
      note: 'Matches other testimony',
    });
    expect(passage.exact).toBe('three steamed buns');
    expect(passage.prefix.endsWith('allowed only ')).toBe(true);
    expect(passage.suffix.startsWith(' per day')).toBe(true);
    const tags = await call(app.handlers, 'tags:list', {});
    expect(tags).toEqual([expect.objectContaining({ name: 'Starvation', passageCount: 1 })]);
    const listed = await call(app.handlers, 'passages:list', { tagId: tags[0]!.id });
    expect(listed.map((p) => [p.exact, p.note, p.documentTitle])).toEqual([['three steamed buns', 'Matches other testimony', text]]);
    // the same name typed again reuses the tag, whatever its case
    await call(app.handlers, 'passages:create', { documentId: id, start: 0, end: 9, tagNames: ['starvation'] });
    expect((await call(app.handlers, 'tags:list', {}))[0]!.passageCount).toBe(2);
  });

  it('refuses passages outside the text or of blank space, and unknown documents', async () => {
    const { app, id } = await appWithDoc('Short text.\n\nEnd.');
    await expect(call(app.handlers, 'passages:create', { documentId: id, start: 5, end: 500 })).rejects.toThrow(/outside the document/);
    await expect(call(app.handlers, 'passages:create', { documentId: id, start: 11, end: 13 })).rejects.toThrow(/not only spaces/);
    await expect(call(app.handlers, 'passages:create', { documentId: 'nope', start: 0, end: 1 })).rejects.toThrow(/no longer/);
    await expect(call(app.handlers, 'passages:create', { documentId: id, start: 3, end: 2 })).rejects.toThrow(/ends after it starts/);
    expect((await call(app.handlers, 'workspace:stats', {})).passages).toBe(0);
  });

  it('anchors a quote only when it occurs exactly once', () => {
    expect(anchorQuote('a camp and a camp', 'and')).toEqual({ start: 7, end: 10 });
    expect(() => anchorQuote('a camp and a camp', 'camp')).toThrow(/occurs 2 times/);
    expect(() => anchorQuote('a camp', 'prison')).toThrow(/does not occur/);
  });

  it('verify finds every passage matching its text and the index agreeing with the store', async () => {
    const { app, id } = await appWithDoc('Evidence of forced labour in the factory.');
    await call(app.handlers, 'passages:create', { documentId: id, start: 12, end: 25, tagNames: ['Forced labour'] });
    expect(await call(app.handlers, 'workspace:verify', {})).toMatchObject({ ok: true, passagesChecked: 1, documentsChecked: 1, indexedDocuments: 1 });
    app.workspace.db.prepare('UPDATE passages SET exact = ?').run('something else');
    const report = await call(app.handlers, 'workspace:verify', {});
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatch(/no longer matches/);
  });
});
