import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openApp, type OpenedApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import { deleteDocuments } from '../../../src/main/store/documents-repo.ts';
import { transaction } from '../../../src/main/store/database.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';
import { insertCorpus, type CorpusDocument } from './corpus.ts';
import { decodeSegment } from '../../../src/main/search/segment-cache.ts';
import { indexFileInMemory } from '../../../src/main/search/index-files.ts';

const corpus = JSON.parse(readFileSync(new URL('./golden/corpus.json', import.meta.url), 'utf8')) as Record<string, CorpusDocument>;

/** Opens the same workspace again and again, recording index progress events. */
function workspace(searchOptions: { baseSize?: number; deltaMax?: number } = {}) {
  const { dir, cleanup } = tempDir();
  const opened: OpenedApp[] = [];
  const open = () => {
    const phases: string[] = [];
    const app = openApp(path.join(dir, 'ws'), { emit: (event, p) => event === 'evt:index:progress' && phases.push((p as { phase: string }).phase) }, searchOptions);
    opened.push(app);
    return { app, phases };
  };
  return { dir, open, cleanup: async () => { for (const a of opened) await a.close(); cleanup(); } };
}

const names = (ids: Map<string, string>, results: { documentId: string }[]) => {
  const byId = new Map([...ids].map(([n, id]) => [id, n]));
  return results.map((r) => byId.get(r.documentId));
};

describe('segments, caches and tombstones', () => {
  let done: (() => Promise<void>) | undefined;
  afterEach(async () => done?.());

  /** The corpus twice: in many 2-document segments, and in one. */
  const twoLayouts = () => {
    const small = workspace({ baseSize: 2, deltaMax: 2 });
    const large = workspace();
    done = async () => { await small.cleanup(); await large.cleanup(); };
    const a = small.open().app;
    const b = large.open().app;
    return { a, b, idsA: insertCorpus(a.workspace.db, corpus), idsB: insertCorpus(b.workspace.db, corpus) };
  };

  it('ranks the same with many small segments as with one (global IDF)', async () => {
    const { a, b, idsA, idsB } = twoLayouts();
    // Each stored weight is rounded per segment (its own IDF), so near-ties (лагерь, detention) may swap and equal
    // scores (source:aspi) fall back to the id; the sets never differ, and clear differences keep their order.
    for (const query of ['camp', 'detention', 'workers camps', 'source:aspi', 'лагерь']) {
      const ra = names(idsA, (await call(a.handlers, 'search:query', { query })).results);
      const rb = names(idsB, (await call(b.handlers, 'search:query', { query })).results);
      if (!['camp', 'workers camps'].includes(query)) expect([...ra].sort()).toEqual([...rb].sort());
      else expect(ra).toEqual(rb);
    }
  });

  it('scores a document the same however its segments were cut and merged (global field lengths)', async () => {
    const { a, b, idsA, idsB } = twoLayouts();
    for (const query of ['camp', 'detention', 'лагерь', 'workers']) {
      const scores = async (app: OpenedApp, ids: Map<string, string>) => {
        const byId = new Map([...ids].map(([n, id]) => [id, n]));
        return new Map((await call(app.handlers, 'search:query', { query })).results.map((r) => [byId.get(r.documentId)!, r.score]));
      };
      const sa = await scores(a, idsA);
      const sb = await scores(b, idsB);
      expect([...sa.keys()].sort()).toEqual([...sb.keys()].sort());
      // Equal up to the rounding of each stored weight to three decimals (Lunr's), whatever the layout.
      for (const [name, score] of sa) expect(Math.abs(score - sb.get(name)!), `${query}: ${name}`).toBeLessThan(0.01 * Math.max(1, score));
    }
  });

  it('loads its caches on reopening, and rebuilds from the store when a cache is corrupt', async () => {
    const ws = workspace({ baseSize: 4 });
    done = ws.cleanup;
    const first = ws.open();
    insertCorpus(first.app.workspace.db, corpus);
    expect(await call(first.app.handlers, 'workspace:stats', {})).toMatchObject({ indexedDocuments: 10 });
    expect(first.phases).toContain('build');
    await first.app.close();

    // Issue 17: a worker merges its segments of one tier (4 and 2 documents here), so 10 documents lie in 2 files.
    const files = (JSON.parse(readFileSync(path.join(first.app.workspace.paths.indexDir, 'search-manifest.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toHaveLength(2);
    const second = ws.open();
    expect((await call(second.app.handlers, 'search:query', { query: 'urumqi' })).total).toBe(1);
    expect(second.phases).toEqual(['load', 'load', 'load']);
    await second.app.close();

    const indexDir = second.app.workspace.paths.indexDir;
    const segment = readdirSync(indexDir).find((f) => f.startsWith('segment-'))!;
    // Cut short, as by a full disk: the header is whole, the arrays are not.
    writeFileSync(path.join(indexDir, segment), readFileSync(path.join(indexDir, segment)).subarray(0, 200));
    // A cache of an older pipeline version, which nothing lists any more.
    writeFileSync(path.join(indexDir, 'segment-99-1.json'), '{"pipelineVersion": 2, "ids": [');
    const third = ws.open();
    expect((await call(third.app.handlers, 'search:query', { query: 'urumqi' })).total).toBe(1);
    expect(third.phases).toContain('build');
    expect((await call(third.app.handlers, 'workspace:verify', {})).ok).toBe(true);
    expect(readdirSync(indexDir)).not.toContain('segment-99-1.json');
  });

  it('re-indexes a document whose title is edited, in a cached base segment too, and forgets the old title', async () => {
    const ws = workspace({ baseSize: 3, deltaMax: 3 });
    done = ws.cleanup;
    const first = ws.open().app;
    const ids = insertCorpus(first.workspace.db, corpus);
    const id = ids.get('en-camp')!;
    expect((await call(first.handlers, 'search:query', { query: 'title:zanzibar' })).total).toBe(0);
    await first.close();
    // Edited while no engine runs: the next start loads the cached segments, which predate the edit.
    const second = ws.open().app;
    await call(second.handlers, 'documents:updateMeta', { id, title: 'Zanzibar testimony' });
    const before = await call(second.handlers, 'search:query', { query: 'title:zanzibar' });
    expect(before.results.map((r) => r.documentId)).toEqual([id]);
    await second.close();
    const third = ws.open().app;
    expect((await call(third.handlers, 'search:query', { query: 'title:zanzibar' })).results.map((r) => r.documentId)).toEqual([id]);
    // The old title was "Camp testimony".
    const withOld = await call(third.handlers, 'search:query', { query: 'title:camp' });
    expect(withOld.results.map((r) => r.documentId)).not.toContain(id);
    expect((await call(third.handlers, 'workspace:verify', {})).ok).toBe(true);

    // A corrected date alone: the date filter and the year facet follow it.
    await call(third.handlers, 'documents:updateMeta', { id, publishedAt: '1999-02-03' });
    const dated = await call(third.handlers, 'search:query', { query: 'zanzibar', filters: { dateFrom: '1999', dateTo: '1999' } });
    expect(dated.results.map((r) => r.documentId)).toEqual([id]);
    expect(dated.facets!.year).toEqual([{ value: '1999', label: '1999', count: 1 }]);
  });

  it('forgets removed documents (tombstones) and finds new ones at once', async () => {
    const ws = workspace({ baseSize: 3, deltaMax: 3 });
    done = ws.cleanup;
    const { app } = ws.open();
    const { ['en-satellite']: satellite, ...rest } = corpus;
    const ids = insertCorpus(app.workspace.db, rest);
    expect((await call(app.handlers, 'search:query', { query: 'camp' })).total).toBe(2);
    transaction(app.workspace.db, () => deleteDocuments(app.workspace.db, [ids.get('en-camp')!]));
    expect(names(ids, (await call(app.handlers, 'search:query', { query: 'camp' })).results)).toEqual(['en-factory']);
    const added = insertCorpus(app.workspace.db, { 'en-satellite': satellite! });
    expect((await call(app.handlers, 'search:query', { query: 'urumqi' })).results[0]!.documentId).toBe(added.get('en-satellite'));
    const report = await call(app.handlers, 'workspace:verify', {});
    expect(report).toMatchObject({ ok: true, documentsChecked: 9, indexedDocuments: 9 });

    // One removed and one added between two searches: the count does not change, and the new row may take the old rowid.
    transaction(app.workspace.db, () => deleteDocuments(app.workspace.db, [added.get('en-satellite')!]));
    const again = insertCorpus(app.workspace.db, { 'en-camp': corpus['en-camp']! });
    expect((await call(app.handlers, 'search:query', { query: 'urumqi' })).results.map((r) => r.documentId)).not.toContain(added.get('en-satellite'));
    expect(names(again, (await call(app.handlers, 'search:query', { query: 'camp' })).results)).toContain('en-camp');
    expect(await call(app.handlers, 'workspace:verify', {})).toMatchObject({ ok: true, documentsChecked: 9, indexedDocuments: 9 });
  });

  it('on reopening, finds what was added and forgets what was removed since its caches, from the change log (issue 17)', async () => {
    const ws = workspace({ baseSize: 4, deltaMax: 50 });
    done = ws.cleanup;
    const { ['en-satellite']: satellite, ['en-camp']: camp, ...rest } = corpus;
    const first = ws.open().app;
    const ids = insertCorpus(first.workspace.db, rest);
    expect((await call(first.handlers, 'search:query', { query: 'urumqi' })).total).toBe(0);
    // Into the delta, which is never cached: the next start must learn of it from the log.
    const added = insertCorpus(first.workspace.db, { 'en-satellite': satellite! });
    expect((await call(first.handlers, 'search:query', { query: 'urumqi' })).total).toBe(1);
    await first.close();
    const manifest = JSON.parse(readFileSync(path.join(first.workspace.paths.indexDir, 'search-manifest.json'), 'utf8')) as { changeSeq?: number };
    expect(manifest.changeSeq).toBeGreaterThan(0);

    // While no engine runs: one cached document removed, one new.
    const removed = [...ids.values()][0]!;
    const second = ws.open().app;
    transaction(second.workspace.db, () => deleteDocuments(second.workspace.db, [removed]));
    const late = insertCorpus(second.workspace.db, { 'en-camp': camp! });
    const found = await call(second.handlers, 'search:query', { query: 'urumqi' });
    expect(found.results.map((r) => r.documentId)).toEqual([added.get('en-satellite')]);
    expect((await call(second.handlers, 'search:query', { query: 'camp' })).results.map((r) => r.documentId)).toContain(late.get('en-camp'));
    expect(await call(second.handlers, 'workspace:verify', {})).toMatchObject({ ok: true, documentsChecked: 9, indexedDocuments: 9 });
    await second.close();

    // A manifest from before the change log (no changeSeq): the engine reads every id once and is right.
    const file = path.join(first.workspace.paths.indexDir, 'search-manifest.json');
    const { changeSeq: _dropped, ...legacy } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify(legacy));
    const third = ws.open().app;
    expect((await call(third.handlers, 'search:query', { query: 'urumqi' })).results.map((r) => r.documentId)).toEqual([added.get('en-satellite')]);
    expect(await call(third.handlers, 'workspace:verify', {})).toMatchObject({ ok: true, documentsChecked: 9, indexedDocuments: 9 });
  });

  it('merges a worker\'s segments two by two, drops removed documents when it compacts, and finds the same (issue 17)', async () => {
    const merged = workspace({ baseSize: 2, deltaMax: 2 });
    const single = workspace();
    done = async () => {
      await merged.cleanup();
      await single.cleanup();
    };
    const a = merged.open().app;
    const b = single.open().app;
    const idsA = insertCorpus(a.workspace.db, corpus);
    const idsB = insertCorpus(b.workspace.db, corpus);
    const queries = ['camp', 'workers camps', '"detention facilities"', '"woke prisoners"', 'detent*', 'gaurds~2', 'лагерь', '再教育营', 'source:aspi'];
    for (const query of queries) {
      const ra = names(idsA, (await call(a.handlers, 'search:query', { query })).results);
      const rb = names(idsB, (await call(b.handlers, 'search:query', { query })).results);
      expect(rb.length, query).toBeGreaterThan(0);
      // As with many small segments: clear differences keep their order, near-ties may swap (norms are per segment).
      if (['camp', 'workers camps'].includes(query)) expect(ra).toEqual(rb);
      else expect([...ra].sort()).toEqual([...rb].sort());
    }
    const indexDir = a.workspace.paths.indexDir;
    const cached = () => {
      const { files } = JSON.parse(readFileSync(path.join(indexDir, 'search-manifest.json'), 'utf8')) as { files: string[] };
      return files.flatMap((file) => decodeSegment(indexFileInMemory(readFileSync(path.join(indexDir, file)))).segment.ids);
    };
    // 10 documents built 2 at a time over two workers: 4 + 2 on one, 4 on the other.
    expect(readdirSync(indexDir).filter((f) => f.startsWith('segment-'))).toHaveLength(3);
    expect(cached()).toHaveLength(10);

    const removed = ['en-camp', 'ru-guard', 'en-satellite'].map((n) => idsA.get(n)!);
    transaction(a.workspace.db, () => deleteDocuments(a.workspace.db, removed));
    expect(names(idsA, (await call(a.handlers, 'search:query', { query: 'camp' })).results)).not.toContain('en-camp');
    // Compaction runs in the background after the search; the cached segments lose the removed documents.
    await vi.waitFor(() => expect(cached().sort()).toEqual([...idsA.values()].filter((id) => !removed.includes(id)).sort()), { timeout: 20_000 });
    await a.close();
    const reopened = merged.open().app;
    const after = names(idsA, (await call(reopened.handlers, 'search:query', { query: 'camp' })).results);
    expect(after).toEqual(names(idsA, (await call(reopened.handlers, 'search:query', { query: 'camp' })).results));
    expect(after).not.toContain('en-camp');
    expect(after.length).toBeGreaterThan(0);
    expect(await call(reopened.handlers, 'workspace:verify', {})).toMatchObject({ ok: true, documentsChecked: 7, indexedDocuments: 7 });
  });

  it('filters by a date corrected before the engine loaded its caches, which hold the old one (issue 17)', async () => {
    const ws = workspace({ baseSize: 4 });
    done = ws.cleanup;
    const first = ws.open().app;
    const ids = insertCorpus(first.workspace.db, corpus);
    const id = ids.get('en-camp')!;
    expect((await call(first.handlers, 'search:query', { query: 'camp', filters: { dateFrom: '1999', dateTo: '1999' } })).total).toBe(0);
    await first.close();
    const second = ws.open().app;
    // Corrected before this engine has loaded anything: the cached values of the document are stale.
    await call(second.handlers, 'documents:updateMeta', { id, publishedAt: '1999-02-03', language: 'en' });
    const dated = await call(second.handlers, 'search:query', { query: 'camp', filters: { dateFrom: '1999', dateTo: '1999' } });
    expect(dated.results.map((r) => r.documentId)).toEqual([id]);
    expect(dated.facets!.year).toEqual([{ value: '1999', label: '1999', count: 1 }]);
  });

  it('returns snippets with the matched words marked, tagged passages and facets over all matches', async () => {
    const ws = workspace();
    done = ws.cleanup;
    const { app } = ws.open();
    const ids = insertCorpus(app.workspace.db, corpus);
    const text = corpus['ru-guard']!.text;
    await call(app.handlers, 'passages:create', { documentId: ids.get('ru-guard'), start: 0, end: text.indexOf('.'), tagNames: ['места содержания'] });
    const response = await call(app.handlers, 'search:query', { query: 'лагерь', limit: 1 });
    // Russian and Kazakh лагерь, and the Uyghur loan لاگېر reached through Uyghur Cyrillic (issue 15).
    expect(response.total).toBe(4);
    expect(response.results).toHaveLength(1);
    expect(response.facets!.language).toEqual([
      { value: 'ru', label: 'ru', count: 2 },
      { value: 'kk', label: 'kk', count: 1 },
      { value: 'ug', label: 'ug', count: 1 },
    ]);
    expect(response.facets!.tag).toEqual([expect.objectContaining({ label: 'места содержания', count: 1 })]);
    expect(response.facets!.year.map((y) => y.value).sort()).toEqual(['2018', '2019', '2020']);
    const guard = (await call(app.handlers, 'search:query', { query: 'лагерь', filters: { sources: ['новая газета'] } })).results.find(
      (r) => r.documentId === ids.get('ru-guard'),
    )!;
    expect(guard.passages).toEqual([expect.objectContaining({ start: 0, exact: 'Лагерь находился за городом' })]);
    const snippet = guard.snippets[0]!;
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['Лагерь']);
  });
});
