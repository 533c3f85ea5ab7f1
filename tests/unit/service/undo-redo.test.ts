/**
 * Issue 14, item 12: every tagging action can be undone and redone (create, edit and delete a
 * passage; apply and remove a tag; create, rename, move, recolour, merge and delete a tag).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';

const TEXT = 'Detainees were beaten at night. They were given three steamed buns per day. Guards forced them to sing.';

describe('undo and redo of tagging', () => {
  const apps: ReturnType<typeof tempApp>[] = [];
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));

  async function setup() {
    const app = tempApp();
    apps.push(app);
    const h = app.handlers;
    const summary = await call(h, 'documents:import', { paths: [writeFiles(app.dir, { 'doc.txt': TEXT })] });
    const documentId = summary.imported[0]!.id;
    const at = (quote: string) => ({ documentId, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
    /** What a user sees of the codebook and the passages: names, parents, colours, tags on each quote. */
    const state = async () => {
      const tags = await call(h, 'tags:list', {});
      const name = new Map(tags.map((t) => [t.id, t.name]));
      return {
        tags: tags.map((t) => `${t.name}<${t.parentId ? name.get(t.parentId) : ''}>${t.color}`).sort(),
        passages: (await call(h, 'passages:list', { documentId }))
          .map((p) => `${p.exact}[${p.tagIds.map((id) => name.get(id)).sort().join(',')}]${p.note}`)
          .sort(),
      };
    };
    return { h, at, state };
  }

  it('undoes each action back to the start and redoes them all to the same end', async () => {
    const { h, at, state } = await setup();
    const steps: { label: RegExp; act: () => Promise<unknown> }[] = [];
    const snapshots = [await state()];
    const step = async (label: RegExp, act: () => Promise<unknown>) => {
      await act();
      expect((await call(h, 'history:status', {})).undo).toMatch(label);
      steps.push({ label, act });
      snapshots.push(await state());
    };
    let abuse = '';
    let food = '';
    let passage = '';
    await step(/^creation of tag “Abuse”$/, async () => (abuse = (await call(h, 'tags:create', { name: 'Abuse' })).id));
    await step(/^tagging of “beaten at night”$/, async () => (passage = (await call(h, 'passages:create', { ...at('beaten at night'), tagNames: ['Food'] })).id));
    food = (await call(h, 'tags:list', {})).find((t) => t.name === 'Food')!.id;
    await step(/^edit of passage “beaten at night”$/, () => call(h, 'passages:update', { id: passage, tagIds: [food, abuse] })); // apply a tag
    await step(/^edit of passage/, () => call(h, 'passages:update', { id: passage, tagIds: [abuse], note: 'Testimony 4' })); // remove a tag
    await step(/^renaming of “Abuse” to “Violence”$/, () => call(h, 'tags:update', { id: abuse, name: 'Violence' }));
    await step(/^move of tag “Food”$/, () => call(h, 'tags:update', { id: food, parentId: abuse }));
    await step(/^colour change of tag “Food”$/, () => call(h, 'tags:update', { id: food, color: '#123456' }));
    await step(/^tagging of “steamed buns”$/, () => call(h, 'passages:create', { ...at('steamed buns'), tagIds: [food] }));
    await step(/^merge of “Food” into “Violence”$/, () => call(h, 'tags:merge', { sourceId: food, targetId: abuse }));
    await step(/^deletion of passage “beaten at night”$/, () => call(h, 'passages:delete', { id: passage }));
    await step(/^deletion of tag “Violence”$/, () => call(h, 'tags:delete', { id: abuse }));
    expect(snapshots.at(-1)).toEqual({ tags: [], passages: ['steamed buns[]'] });

    for (let i = steps.length; i > 0; i--) {
      expect((await call(h, 'history:undo', {})).undone).toMatch(steps[i - 1]!.label);
      expect(await state()).toEqual(snapshots[i - 1]);
    }
    expect(await call(h, 'history:status', {})).toMatchObject({ undo: null, redo: expect.stringMatching(/creation of tag “Abuse”/) });
    for (let i = 1; i <= steps.length; i++) {
      expect((await call(h, 'history:redo', {})).redone).toMatch(steps[i - 1]!.label);
      expect(await state()).toEqual(snapshots[i]);
    }
    expect(await call(h, 'history:redo', {})).toEqual({ redone: null });
  });

  it('a new action clears what could be redone', async () => {
    const { h } = await setup();
    await call(h, 'tags:create', { name: 'Abuse' });
    await call(h, 'history:undo', {});
    expect((await call(h, 'history:status', {})).redo).toMatch(/Abuse/);
    await call(h, 'history:redo', {});
    // the chain of custody says what was undone and redone, and its chain still holds
    const log = await call(h, 'custody:list', {});
    const inOrder = [...log].sort((a, b) => a.seq - b.seq);
    expect(inOrder.filter((e) => e.kind === 'undo' || e.kind === 'redo').map((e) => [e.kind, e.details.label])).toEqual([
      ['undo', 'creation of tag “Abuse”'],
      ['redo', 'creation of tag “Abuse”'],
    ]);
    expect(await call(h, 'custody:verify', {})).toMatchObject({ ok: true });
    await call(h, 'tags:create', { name: 'Food' });
    expect(await call(h, 'history:status', {})).toEqual({ undo: 'creation of tag “Food”', redo: null });
  });

  it('refuses to undo over a change made since outside the history, and changes nothing', async () => {
    const app = tempApp();
    apps.push(app);
    const h = app.handlers;
    const tag = await call(h, 'tags:create', { name: 'Abuse' });
    await call(h, 'tags:update', { id: tag.id, name: 'Violence' });
    // another process (the command line) renames it again, straight in the store
    app.workspace.db.prepare('UPDATE tags SET name = ? WHERE id = ?').run('Physical abuse', tag.id);
    await expect(call(h, 'history:undo', {})).rejects.toThrow(/cannot be undone: what it changed has been changed since/);
    expect((await call(h, 'tags:list', {})).map((t) => t.name)).toEqual(['Physical abuse']);
  });
});
