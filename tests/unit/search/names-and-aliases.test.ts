import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { call } from '../../../src/main/dispatch.ts';
import { tempApp, tempDir, writeFiles } from '../../helpers/temp-workspace.ts';
import { insertCorpus, type CorpusDocument } from './corpus.ts';

const doc = (language: string, text: string): CorpusDocument => ({ title: text.slice(0, 20), language, source: null, author: null, publishedAt: null, format: 'txt', text });

describe('alias groups, matched forms and suggestions (issue 15)', () => {
  const app = tempApp();
  const names = new Map<string, string>();
  beforeAll(() => {
    const corpus = {
      'en-tohti': doc('en', 'Ilham Tohti was sentenced to life.'),
      'zh-tohti': doc('zh', '伊力哈木·土赫提被判处无期徒刑。'),
      'ug-tohti': doc('ug', 'ئىلھام توختى مۇددەتسىز كېسىلدى.'),
      'ug-plural': doc('ug', 'ھەممە ئىنسانلار تۇغۇلۇشىدىنلا ئەركىن.'),
      'en-detention': doc('en', 'Detention facilities near the city.'),
    };
    for (const [name, id] of insertCorpus(app.workspace.db, corpus)) names.set(id, name);
  });
  afterAll(() => app.cleanup());
  const found = async (query: string) => (await call(app.handlers, 'search:query', { query })).results.map((r) => names.get(r.documentId));

  it('finds every name of a user alias group, the spelling typed first, and stops when the group is removed', async () => {
    expect(await found('Ilham Tohti')).toEqual(['en-tohti']);
    const group = await call(app.handlers, 'aliases:add', { names: ['Ilham Tohti', '伊力哈木·土赫提', 'ئىلھام توختى'] });
    expect(await call(app.handlers, 'aliases:list', {})).toEqual([group]);
    expect(await found('Ilham Tohti')).toEqual(['en-tohti', expect.any(String), expect.any(String)]);
    expect((await found('Ilham Tohti')).sort()).toEqual(['en-tohti', 'ug-tohti', 'zh-tohti']);
    expect((await found('伊力哈木·土赫提'))[0]).toBe('zh-tohti');
    expect((await found('ئىلھام توختى')).sort()).toEqual(['en-tohti', 'ug-tohti', 'zh-tohti']);
    // `=word` leaves the group out for that word.
    expect(await found('=Ilham Tohti')).toEqual(['en-tohti']);
    await call(app.handlers, 'aliases:remove', { id: group.id });
    expect(await found('Ilham Tohti')).toEqual(['en-tohti']);
  });

  it('refuses an alias group of one name and an unknown id with a clear message', async () => {
    await expect(call(app.handlers, 'aliases:add', { names: ['Ilham Tohti', ' Ilham  Tohti '] })).rejects.toThrow(/at least two different names/);
    await expect(call(app.handlers, 'aliases:remove', { id: 'nope' })).rejects.toThrow(/No alias group/);
  });

  it('says which forms matched and marks them in the snippet', async () => {
    const response = await call(app.handlers, 'search:query', { query: 'ئىنسان' });
    const hit = response.results[0]!;
    expect(hit.matched).toEqual([{ query: 'ئىنسان', forms: ['ئىنسانلار'] }]);
    const snippet = hit.snippets[0]!;
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['ئىنسانلار']);
  });

  it('suggests a prefix or a spelling from the index when nothing matches', async () => {
    const prefix = await call(app.handlers, 'search:query', { query: 'deten' });
    expect(prefix.total).toBe(0);
    expect(prefix.suggestions).toContain('deten*');
    const misspelt = await call(app.handlers, 'search:query', { query: 'detenton' });
    expect(misspelt.suggestions).toContain('detention');
  });
});

describe('dossier alias and search --json (issue 15)', () => {
  const { dir, cleanup } = tempDir();
  const ws = path.join(dir, 'ws');
  afterAll(cleanup);
  async function run(args: string[]) {
    let stdout = '';
    const io = { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: () => true } } as unknown as Parameters<typeof runCli>[1];
    const code = await runCli([...args, '--workspace', ws], io);
    return { code, stdout };
  }

  it('adds, lists and removes alias groups, and search hits carry the matched forms', async () => {
    const folder = writeFiles(dir, { 'zh.txt': '她在乌鲁木齐被拘留。', 'ug.txt': 'ئۇ ئۈرۈمچى شەھىرىدە تۇتۇلدى.', 'en.txt': 'Ilham Tohti was sentenced.', 'ug2.txt': 'ئىلھام توختى كېسىلدى.' });
    expect((await run(['import', folder])).code).toBe(0);
    const added = await run(['alias', 'add', 'Ilham Tohti', 'ئىلھام توختى', '--json']);
    expect(added.code).toBe(0);
    const group = JSON.parse(added.stdout) as { id: string };
    expect((await run(['alias', 'list'])).stdout).toContain('Ilham Tohti = ئىلھام توختى');
    const search = JSON.parse((await run(['search', 'Urumqi', '--json'])).stdout) as { results: { matched?: { query: string; forms: string[] }[] }[] };
    expect(search.results.flatMap((r) => r.matched ?? []).sort((a, b) => a.forms[0]!.localeCompare(b.forms[0]!))).toEqual([
      { query: 'Urumqi', forms: ['ئۈرۈمچى'] },
      { query: 'Urumqi', forms: ['乌鲁', '鲁木', '木齐'] },
    ]);
    expect((await run(['search', 'ilham', 'tohti'])).stdout).toMatch(/matched ئىلھام.*for ilham/u);
    expect((await run(['alias', 'remove', group.id])).code).toBe(0);
    expect((await run(['alias', 'list'])).stdout).toContain('No alias groups yet.');
    expect((await run(['alias', 'frobnicate'])).code).not.toBe(0);
  });
});

describe("the gazetteer's county-level divisions across scripts (issue 15)", () => {
  const app = tempApp();
  const names = new Map<string, string>();
  beforeAll(() => {
    const corpus = {
      'zh-shawan': doc('zh', '他在沙湾被拘留。'),
      'ug-shawan': doc('ug', 'ئۇ ساۋەن ناھىيىسىدە تۇتۇلدى.'),
      'kk-shawan': doc('kk', 'Ол Сауан ауданында ұсталды.'),
      'zh-emin': doc('zh', '她的家人住在额敏。'),
      'ug-emin': doc('ug', 'ئۇنىڭ ئائىلىسى دۆربىلجىن ناھىيىسىدە.'),
      'kk-emin': doc('kk', 'Оның отбасы Дөрбілжін ауданында тұрады.'),
      'zh-toli': doc('zh', '托里的营地很大。'),
      'kk-toli': doc('kk', 'Толы ауданындағы лагерь үлкен.'),
      'en-toli': doc('en', 'The camp in Toli was large.'),
    };
    for (const [name, id] of insertCorpus(app.workspace.db, corpus)) names.set(id, name);
  });
  afterAll(() => app.cleanup());
  const found = async (query: string) => (await call(app.handlers, 'search:query', { query })).results.map((r) => names.get(r.documentId)).sort();

  it('finds Shawan, Emin and Toli under their Chinese, Uyghur, Kazakh and English names', async () => {
    expect(await found('Shawan')).toEqual(['kk-shawan', 'ug-shawan', 'zh-shawan']);
    expect(await found('Сауан')).toEqual(['kk-shawan', 'ug-shawan', 'zh-shawan']);
    expect(await found('Emin')).toEqual(['kk-emin', 'ug-emin', 'zh-emin']);
    expect(await found('دۆربىلجىن')).toEqual(['kk-emin', 'ug-emin', 'zh-emin']);
    expect(await found('Toli')).toEqual(['en-toli', 'kk-toli', 'zh-toli']);
    expect(await found('托里')).toEqual(['en-toli', 'kk-toli', 'zh-toli']);
  });
});
