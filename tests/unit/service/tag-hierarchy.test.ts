/**
 * Issue 14, item 3: a parent tag counts and lists its subtags' passages (its own on request), and a
 * merge never leaves a phrase and its sentence both under the merged tag, so a report quotes it once.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { call } from '../../../src/main/dispatch.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';

const TEXT = 'They were given three steamed buns per day. Guards forced them to sing at meals. Water was rationed.';

describe('tag trees and merges', () => {
  const apps: ReturnType<typeof tempApp>[] = [];
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));

  async function setup() {
    const app = tempApp();
    apps.push(app);
    const h = app.handlers;
    const summary = await call(h, 'documents:import', { paths: [writeFiles(app.dir, { 'doc.txt': TEXT })] });
    const documentId = summary.imported[0]!.id;
    const tag = (quote: string, tagIds: string[]) =>
      call(h, 'passages:create', { documentId, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, tagIds });
    return { h, tag, app };
  }

  it('a parent counts and lists the passages of its subtags, and shows its own alone on request', async () => {
    const { h, tag } = await setup();
    const conditions = await call(h, 'tags:create', { name: 'Conditions' });
    const food = await call(h, 'tags:create', { name: 'Food', parentId: conditions.id });
    const water = await call(h, 'tags:create', { name: 'Water', parentId: food.id });
    await tag('three steamed buns', [food.id]);
    await tag('Water was rationed.', [water.id, food.id]); // counted once under Conditions
    await tag('forced them to sing', [conditions.id]);
    const counts = Object.fromEntries((await call(h, 'tags:list', {})).map((t) => [t.name, [t.passageCount, t.ownPassageCount]]));
    expect(counts).toEqual({ Conditions: [3, 1], Food: [2, 2], Water: [1, 1] });
    const listed = async (ownOnly?: boolean) =>
      (await call(h, 'passages:query', { tagIds: [conditions.id], ...(ownOnly === undefined ? {} : { ownOnly }) })).map((p) => p.exact);
    expect(await listed()).toEqual(['three steamed buns', 'forced them to sing', 'Water was rationed.']);
    expect(await listed(true)).toEqual(['forced them to sing']);
  });

  it('after merging a phrase’s tag into its sentence’s, the report of the merged tag quotes the words once', async () => {
    const { h, tag } = await setup();
    const food = await call(h, 'tags:create', { name: 'Food' });
    const hunger = await call(h, 'tags:create', { name: 'Hunger' });
    await tag('They were given three steamed buns per day.', [food.id]);
    await tag('three steamed buns', [hunger.id]);
    await tag('Water was rationed.', [hunger.id]);
    const merged = await call(h, 'tags:merge', { sourceId: hunger.id, targetId: food.id });
    expect(merged).toMatchObject({ passagesMoved: 2, nestedFolded: 1, tag: { name: 'Food', passageCount: 2 } });
    const report = await call(h, 'reports:create', { title: 'Food', fromTagIds: [food.id] });
    const { html } = await call(h, 'reports:preview', { id: report.id });
    const quoted = [...html.matchAll(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(quoted.map((q) => q.replace(/\d+$/, ''))).toEqual(['They were given three steamed buns per day.', 'Water was rationed.']);
    // undo brings the phrase back under its own tag
    await call(h, 'history:undo', {});
    expect((await call(h, 'passages:query', { tagIds: [hunger.id] })).map((p) => p.exact)).toEqual(['three steamed buns', 'Water was rationed.']);
  });

  it('a report of a parent tag holds its subtags’ passages, unless a subtag has a section of its own', async () => {
    const { h, tag } = await setup();
    const conditions = await call(h, 'tags:create', { name: 'Conditions' });
    const food = await call(h, 'tags:create', { name: 'Food', parentId: conditions.id });
    await tag('three steamed buns', [food.id]);
    await tag('forced them to sing', [conditions.id]);
    const items = async (fromTagIds: string[]) =>
      (await call(h, 'reports:create', { title: 'R', fromTagIds })).body.sections.map((s) => [s.heading, s.items.length]);
    expect(await items([conditions.id])).toEqual([['Conditions', 2]]);
    expect(await items([conditions.id, food.id])).toEqual([
      ['Conditions', 1],
      ['Food', 1],
    ]);
  });

  it('the CLI lists a parent tag with its subtags’ passages, its own with --own, and counts the tree', async () => {
    const { h, tag, app } = await setup();
    const conditions = await call(h, 'tags:create', { name: 'Conditions' });
    const food = await call(h, 'tags:create', { name: 'Food', parentId: conditions.id });
    await tag('three steamed buns', [food.id]);
    await tag('forced them to sing', [conditions.id]);
    app.close();
    const run = async (...args: string[]) => {
      const c = captureIo();
      await runCli([...args, '--workspace', path.join(app.dir, 'workspace'), '--json'], c.io);
      return JSON.parse(c.out()) as { passages?: { exact: string }[]; tags?: { name: string; passageCount: number }[] };
    };
    expect((await run('passages', '--tag', 'Conditions')).passages!.map((p) => p.exact)).toEqual(['three steamed buns', 'forced them to sing']);
    expect((await run('passages', '--tag', 'Conditions', '--own')).passages!.map((p) => p.exact)).toEqual(['forced them to sing']);
    expect((await run('tags')).tags!.map((t) => [t.name, t.passageCount])).toEqual([
      ['Conditions', 2],
      ['Food', 1],
    ]);
  });
});
