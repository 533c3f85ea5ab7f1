import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src/main/dispatch.ts';
import { tempApp, writeFiles } from '../helpers/temp-workspace.ts';

const TEXT = 'Detainees were beaten at night. They were given three steamed buns per day. Guards forced them to sing.';

describe('codebook edits, passage edits and undo', () => {
  const apps: ReturnType<typeof tempApp>[] = [];
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));

  async function setup() {
    const app = tempApp();
    apps.push(app);
    const summary = await call(app.handlers, 'documents:import', { paths: [writeFiles(app.dir, { 'doc.txt': TEXT })] });
    const documentId = summary.imported[0]!.id;
    const at = (quote: string) => ({ documentId, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
    const tag = async (quote: string, ...tagNames: string[]) => call(app.handlers, 'passages:create', { ...at(quote), tagNames });
    const tags = async () => Object.fromEntries((await call(app.handlers, 'tags:list', {})).map((t) => [t.name, t]));
    return { app, documentId, tag, tags, h: app.handlers };
  }

  it('renames, recolours, describes and moves a tag, refusing a cycle and a name clash', async () => {
    const { h, tag, tags } = await setup();
    await tag('beaten', 'Violence');
    await tag('steamed buns', 'Food');
    const { Violence, Food } = await tags();
    const renamed = await call(h, 'tags:update', {
      id: Violence!.id,
      name: 'Physical abuse',
      color: '#112233',
      description: 'Any blow',
    });
    expect(renamed).toMatchObject({ name: 'Physical abuse', color: '#112233', description: 'Any blow', passageCount: 1 });
    const moved = await call(h, 'tags:update', { id: Food!.id, parentId: Violence!.id });
    expect(moved.parentId).toBe(Violence!.id);
    await expect(call(h, 'tags:update', { id: Violence!.id, parentId: Food!.id })).rejects.toThrow(/cannot move under itself/);
    await call(h, 'tags:create', { name: 'Food' });
    await expect(call(h, 'tags:update', { id: Food!.id, parentId: null })).rejects.toThrow(/already exists/);
    expect((await call(h, 'tags:update', { id: Food!.id, parentId: null, name: 'Rations' })).parentId).toBeNull();
  });

  it('merges two tags so passages keep both codings once, and undo restores both tags exactly', async () => {
    const { h, tag, tags } = await setup();
    await tag('beaten', 'Torture');
    await tag('beaten at night', 'Torture', 'Violence'); // carries both: must end with the target once
    await tag('forced them', 'Violence');
    const { Torture, Violence } = await tags();
    const child = await call(h, 'tags:create', { name: 'Night', parentId: Torture!.id });
    const merged = await call(h, 'tags:merge', { sourceId: Torture!.id, targetId: Violence!.id });
    // "beaten" lies inside "beaten at night", which has Violence already: it gives Violence up to it
    // (issue 14: a report of Violence must not quote "beaten" twice), and, uncoded, goes.
    expect(merged).toMatchObject({ passagesMoved: 2, nestedFolded: 1, tag: { name: 'Violence', passageCount: 2 } });
    const after = await tags();
    expect(Object.keys(after).sort()).toEqual(['Night', 'Violence']);
    expect(after.Night!.parentId).toBe(Violence!.id);
    const passages = await call(h, 'passages:query', { tagIds: [Violence!.id] });
    expect(passages.map((p) => [p.exact, p.tagIds])).toEqual([
      ['beaten at night', [Violence!.id]],
      ['forced them', [Violence!.id]],
    ]);

    expect(await call(h, 'history:status', {})).toEqual({ undo: 'merge of “Torture” into “Violence”', redo: null });
    expect(await call(h, 'history:undo', {})).toEqual({ undone: 'merge of “Torture” into “Violence”' });
    const restored = await tags();
    expect(restored.Torture).toMatchObject({ id: Torture!.id, passageCount: 2, color: Torture!.color });
    expect(restored.Violence!.passageCount).toBe(2);
    expect(restored.Night!.parentId).toBe(child.parentId);
    expect((await call(h, 'passages:query', { tagIds: [Torture!.id], ownOnly: true })).map((p) => p.exact).sort()).toEqual(['beaten', 'beaten at night']);
    // every tagging action is in the history now (issue 14): next comes the creation of "Night"
    expect(await call(h, 'history:status', {})).toEqual({ undo: 'creation of tag “Night”', redo: 'merge of “Torture” into “Violence”' });
  });

  it('refuses merging a tag into its own subtag', async () => {
    const { h } = await setup();
    const parent = await call(h, 'tags:create', { name: 'Abuse' });
    const child = await call(h, 'tags:create', { name: 'Beating', parentId: parent.id });
    await expect(call(h, 'tags:merge', { sourceId: parent.id, targetId: child.id })).rejects.toThrow(/inside/);
  });

  it('deletes a tag with its subtags, says how many passages lose it, and undo brings every coding back', async () => {
    const { h, tag, tags } = await setup();
    await tag('beaten', 'Abuse');
    await tag('steamed buns', 'Food');
    const { Abuse } = await tags();
    const sub = await call(h, 'tags:create', { name: 'Night beating', parentId: Abuse!.id });
    const p = await call(h, 'passages:create', {
      documentId: (await tag('at night', 'Food')).documentId,
      start: TEXT.indexOf('night'),
      end: TEXT.indexOf('night') + 5,
      tagIds: [sub.id, Abuse!.id],
    });
    expect(await call(h, 'tags:impact', { id: Abuse!.id })).toEqual({ passages: 2, subtags: 1 });
    expect(await call(h, 'tags:delete', { id: Abuse!.id })).toEqual({ deleted: true, passagesAffected: 2, subtagsDeleted: 1 });
    expect(Object.keys(await tags())).toEqual(['Food']);
    expect((await call(h, 'workspace:stats', {})).passages).toBe(4); // passages stay, uncoded
    await call(h, 'history:undo', {});
    const back = await tags();
    expect(back.Abuse!.passageCount).toBe(2);
    expect(back['Night beating']).toMatchObject({ id: sub.id, parentId: Abuse!.id, passageCount: 1 });
    expect((await call(h, 'passages:query', { tagIds: [sub.id] })).map((x) => x.id)).toEqual([p.id]);
  });

  it('edits a passage note and tags, deletes it, and undo restores it with its tags', async () => {
    const { h, tag, tags, documentId } = await setup();
    const p = await tag('steamed buns', 'Food');
    await call(h, 'tags:create', { name: 'Hunger' });
    const { Food, Hunger } = await tags();
    const edited = await call(h, 'passages:update', { id: p.id, note: 'Same as testimony 4', tagIds: [Food!.id, Hunger!.id] });
    expect(edited).toMatchObject({ note: 'Same as testimony 4', tagIds: expect.arrayContaining([Food!.id, Hunger!.id]) });
    expect(await call(h, 'passages:delete', { id: p.id })).toEqual({ deleted: true });
    expect(await call(h, 'passages:list', { documentId })).toEqual([]);
    expect((await call(h, 'history:status', {})).undo).toMatch(/deletion of passage “steamed buns”/);
    await call(h, 'history:undo', {});
    const [restored] = await call(h, 'passages:list', { documentId });
    expect(restored).toMatchObject({ id: p.id, exact: 'steamed buns', note: 'Same as testimony 4' });
    expect(restored!.tagIds.sort()).toEqual([Food!.id, Hunger!.id].sort());
    await expect(call(h, 'passages:update', { id: 'gone', note: 'x' })).rejects.toThrow(/no longer exists/);
  });

  it('lists passages of any or all of several tags, or matching words, and the documents of a tag', async () => {
    const { h, tag, tags, documentId } = await setup();
    await tag('beaten', 'Violence', 'Night');
    await tag('steamed buns', 'Food');
    await tag('forced them to sing', 'Violence');
    const { Violence, Night, Food } = await tags();
    const exacts = async (q: object) => (await call(h, 'passages:query', q)).map((p) => p.exact);
    expect(await exacts({ tagIds: [Violence!.id, Food!.id] })).toEqual(['beaten', 'steamed buns', 'forced them to sing']);
    expect(await exacts({ tagIds: [Violence!.id, Night!.id], match: 'all' })).toEqual(['beaten']);
    expect(await exacts({ text: 'BUNS' })).toEqual(['steamed buns']);
    expect(await call(h, 'tags:documents', { tagIds: [Food!.id] })).toEqual([documentId]);
  });

  it('edits document metadata in place and lets search find the new title', async () => {
    const { h, documentId } = await setup();
    const summary = await call(h, 'documents:updateMeta', {
      id: documentId,
      title: 'Testimony of a guard',
      source: 'Radio Free Asia',
      publishedAt: '2019-03-02',
      language: 'en',
    });
    expect(summary).toMatchObject({
      title: 'Testimony of a guard',
      source: 'Radio Free Asia',
      publishedAt: '2019-03-02',
      language: 'en',
    });
    expect((await call(h, 'search:query', { query: 'guard' })).results.map((r) => r.documentId)).toEqual([documentId]);
    await expect(call(h, 'documents:updateMeta', { id: documentId, title: '  ' })).rejects.toThrow(/needs a title/);
    await expect(call(h, 'documents:updateMeta', { id: documentId, publishedAt: 'March' })).rejects.toThrow(/is not a date Dossier can read\. Type a date such as 2018-06-04/);
  });
});
