import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { call } from '../../../src/main/dispatch.ts';
import { tempApp, tempDir, writeFiles } from '../../helpers/temp-workspace.ts';
import { insertCorpus } from '../search/corpus.ts';

const doc = (language: string, text: string, publishedAt: string | null = null) => ({ title: text.slice(0, 24), language, source: null, author: null, publishedAt, format: 'txt' as const, text });

describe('entities, corrections and the timeline through the service (issue 18)', () => {
  const app = tempApp();
  const ids = new Map<string, string>();
  beforeAll(async () => {
    const corpus = {
      en: doc('en', 'Sayragul Sauytbay was arrested in 2017 in Toli County. She was released in June 2018 and went to Almaty.', '2018-07-01'),
      zh: doc('zh', '她于2017年在托里县被捕。2018年6月获释。', '2018-08-01'),
      ug: doc('ug', 'ئۇ 2017-يىلى تولى ناھىيىسىدە تۇتۇلغان. 2018-يىلى ئىيۇندا قويۇپ بېرىلگەن.'),
    };
    for (const [name, id] of insertCorpus(app.workspace.db, corpus)) ids.set(name, id);
    await call(app.handlers, 'entities:extract', { wait: true });
  });
  afterAll(() => app.cleanup());
  const h = () => app.handlers;
  const entity = async (label: string) => (await call(h(), 'entities:list', {})).find((e) => e.label === label)!;

  it('reads every stored document once, in the background job, with progress', async () => {
    expect(await call(h(), 'entities:progress', {})).toEqual({ done: 3, total: 3, running: false });
    const toli = await entity('Toli');
    expect(toli).toMatchObject({ type: 'place', documents: 3, mentions: 3 });
    expect(toli.spellings.sort()).toEqual(['Toli County', 'تولى ناھىيىسىدە', '托里县'].sort());
  });

  it('finds the documents of any spelling with entity: and filters a search by entity ids', async () => {
    for (const spelling of ['Toli', '托里', 'تولى', 'Toli County', 'Толы']) {
      const response = await call(h(), 'search:query', { query: `entity:"${spelling}"` });
      expect(response.total, spelling).toBe(3);
      expect(response.facets?.entity?.find((f) => f.label === 'Toli')?.count, spelling).toBe(3);
    }
    const released = await call(h(), 'search:query', { query: 'entity:Toli released' });
    expect(released.results.map((r) => r.documentId)).toEqual([ids.get('en')]);
    const almaty = await entity('Almaty');
    const filtered = await call(h(), 'search:query', { query: 'arrested', filters: { entityIds: [almaty.id] } });
    expect(filtered.results.map((r) => r.documentId)).toEqual([ids.get('en')]);
    expect((await call(h(), 'search:query', { query: 'entity:Nowhereville' })).error).toMatch(/No entity is called “Nowhereville”/);
    expect((await call(h(), 'search:query', { query: 'entity:' })).error).toMatch(/needs a name/);
  });

  it('keeps rename, merge, split and wrong mentions when the documents are read again', async () => {
    const toli = await entity('Toli');
    await call(h(), 'entities:rename', { id: toli.id, label: 'Toli (Tuoli) County' });
    const almaty = await entity('Almaty');
    const person = await entity('Sayragul Sauytbay');
    // The person is (wrongly, for the test) merged into Almaty, then her spelling split off again.
    await call(h(), 'entities:merge', { sourceId: person.id, targetId: almaty.id });
    expect((await entity('Almaty')).mentions).toBe(2);
    const split = await call(h(), 'entities:split', { id: almaty.id, spellings: ['Sayragul Sauytbay'], label: 'Sayragul S.' });
    expect(split).toMatchObject({ label: 'Sayragul S.', mentions: 1 });
    // One mention of Toli is wrong.
    const detail = await call(h(), 'entities:get', { id: toli.id });
    const chinese = detail.byDocument.find((d) => d.documentId === ids.get('zh'))!.mentions[0]!;
    expect(chinese.text).toBe('托里县');
    await call(h(), 'entities:markWrong', { mentionId: chinese.id });

    await call(h(), 'entities:extract', { again: true, wait: true });
    const after = await call(h(), 'entities:list', {});
    const renamed = after.find((e) => e.label === 'Toli (Tuoli) County')!;
    expect(renamed).toMatchObject({ documents: 2, mentions: 2 });
    expect(after.find((e) => e.label === 'Sayragul S.')).toMatchObject({ mentions: 1 });
    expect(after.find((e) => e.label === 'Almaty')).toMatchObject({ mentions: 1 });
    expect(after.find((e) => e.label === 'Sayragul Sauytbay')).toBeUndefined();
    await expect(call(h(), 'entities:merge', { sourceId: renamed.id, targetId: renamed.id })).rejects.toThrow(/into itself/);
    await expect(call(h(), 'entities:get', { id: person.id })).rejects.toThrow(/no longer in the investigation/);
  });

  it('builds a timeline with the 2017 arrest and the 2018 release, grouped across sources, and exports it as CSV', async () => {
    const timeline = await call(h(), 'timeline:get', { entities: ['Toli'] });
    const mentioned = timeline.events.filter((e) => e.kind === 'mentioned').map((e) => `${e.date}:${e.documentId === ids.get('en') ? 'en' : e.documentId === ids.get('zh') ? 'zh' : 'ug'}`);
    expect(mentioned).toEqual(expect.arrayContaining(['2017:en', '2017:ug', '2018-06:en', '2018-06:ug']));
    expect(timeline.events.find((e) => e.date === '2017' && e.documentId === ids.get('en'))?.context).toContain('arrested in 2017');
    expect(timeline.groups.find((g) => g.period === '2017')?.documentIds.length).toBe(2);
    expect(timeline.events.some((e) => e.kind === 'published' && e.date === '2018-07-01')).toBe(true);
    await expect(call(h(), 'timeline:get', { entities: ['Nowhereville'] })).rejects.toThrow(/No entity is called/);
    const out = path.join(app.dir, 'timeline');
    const result = await call(h(), 'timeline:export', { path: out });
    const csv = readFileSync(result.path!, 'utf8');
    expect(result.path).toMatch(/timeline\.csv$/);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFdate,precision,kind,document,date as written,passage,entities');
    expect(csv).toContain('2018-06,month,mentioned');
    await expect(call(h(), 'timeline:export', { path: out })).rejects.toThrow(/already exists/);
  });

  it('deleting a document removes its mentions and dates', async () => {
    await call(h(), 'documents:delete', { ids: [ids.get('ug')!] });
    const rows = app.workspace.db.prepare('SELECT count(*) AS n FROM entity_mentions WHERE document_id = ?').get(ids.get('ug')!) as { n: number };
    expect(rows.n).toBe(0);
    expect((await call(h(), 'timeline:get', {})).events.every((e) => e.documentId !== ids.get('ug'))).toBe(true);
  });
});

describe('dossier entities, entity and timeline (issue 18)', () => {
  const { dir, cleanup } = tempDir();
  const ws = path.join(dir, 'ws');
  afterAll(cleanup);
  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: (s: string) => ((stderr += s), true) } } as unknown as Parameters<typeof runCli>[1];
    const code = await runCli([...args, '--workspace', ws], io);
    return { code, stdout, stderr };
  }

  it('lists entities by type, shows one in context and prints the timeline', async () => {
    const folder = writeFiles(dir, {
      'en.txt': 'Sayragul Sauytbay was arrested in 2017 in Toli County and released in June 2018.',
      'zh.txt': '她于2017年在托里县被捕，2018年6月获释。',
    });
    expect((await run(['import', folder])).code).toBe(0);
    const places = await run(['entities', '--type', 'place']);
    expect(places.stdout).toContain('Toli  (place, 2 documents, 2 mentions)');
    expect(places.stdout).not.toContain('Sayragul');
    const json = JSON.parse((await run(['entities', '--json'])).stdout) as { entities: { label: string; type: string }[] };
    expect(json.entities.map((e) => `${e.type}:${e.label}`).sort()).toEqual(['person:Sayragul Sauytbay', 'place:Toli']);
    const toli = await run(['entity', '托里县']);
    expect(toli.stdout).toContain('Toli (place) — 2 documents');
    expect(toli.stdout).toContain('[托里县]');
    expect(toli.stdout).toContain('in 2017 in [Toli County] and released');
    const timeline = await run(['timeline', '--entity', 'Toli']);
    expect(timeline.stdout).toMatch(/^2017 {8}mentioned/m);
    expect(timeline.stdout).toContain('2018-06 · '.slice(0, 0) + 'Given by several documents:');
    const tl = JSON.parse((await run(['timeline', '--json'])).stdout) as { events: { date: string }[] };
    expect(tl.events.map((e) => e.date)).toEqual(expect.arrayContaining(['2017', '2018-06']));
    const bad = await run(['entities', '--type', 'animal']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--type is one of person, place, org, facility/);
  });
});
