import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { tempDir, writeFiles } from '../helpers/temp-workspace.ts';
import { captureIo } from '../helpers/capture-io.ts';


describe('dossier CLI: investigations', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  /** Two "machines": separate user-data folders. */
  const laptop = path.join(dir, 'laptop');
  const colleague = path.join(dir, 'colleague');
  const run = async (userData: string, ...args: string[]) => {
    const c = captureIo();
    const code = await runCli([...args, '--user-data', userData], c.io);
    return { code, out: c.out(), err: c.err(), json: () => JSON.parse(c.out()) as Record<string, unknown> };
  };

  it('creates, lists, works in it through --workspace, exports, and imports on another machine', async () => {
    expect((await run(laptop, 'investigations')).out).toMatch(/No investigations yet/);
    const created = await run(laptop, 'investigation', 'create', 'Camps', 'in', 'Xinjiang', '--json');
    expect(created.code).toBe(0);
    const info = created.json() as { id: string; name: string; path: string };
    expect(info.name).toBe('Camps in Xinjiang');

    const folder = writeFiles(dir, { 'camp.txt': 'Released detainee\n\nHe was held near Ghulja.' });
    expect((await run(laptop, 'import', folder, '--workspace', info.path, '--json')).code).toBe(0);
    const list = (await run(laptop, 'investigations', '--json')).json() as { investigations: { name: string; path: string }[] };
    expect(list.investigations).toEqual([expect.objectContaining({ name: 'Camps in Xinjiang', path: info.path })]);

    const out = path.join(dir, 'camps.dossier');
    const exported = await run(laptop, 'export-investigation', '--workspace', info.path, '--out', out, '--json');
    expect(exported.code).toBe(0);
    expect(exported.json()).toMatchObject({ path: out, manifest: { name: 'Camps in Xinjiang', counts: { documents: 1 } } });
    const clash = await run(laptop, 'export-investigation', '--workspace', info.path, '--out', out, '--json');
    expect(clash.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await run(laptop, 'export-investigation', '--workspace', info.path, '--out', out, '--force')).code).toBe(0);

    const imported = await run(colleague, 'import-investigation', out);
    expect(imported.code).toBe(0);
    const newFolder = imported.out.trim();
    expect(newFolder.startsWith(path.join(colleague, 'investigations'))).toBe(true);
    const search = (await run(colleague, 'search', 'Ghulja', '--workspace', newFolder, '--json')).json() as { total: number };
    expect(search.total).toBe(1);
    expect(((await run(colleague, 'investigations', '--json')).json() as { investigations: unknown[] }).investigations).toHaveLength(1);
  });

  it('refuses a damaged archive with a sentence naming the file', async () => {
    const bad = writeFiles(dir, { 'broken.dossier': 'PK\u0003\u0004 not really a zip' });
    const result = await run(colleague, 'import-investigation', path.join(bad, 'broken.dossier'), '--json');
    expect(result.code).toBe(1);
    expect(result.json()).toEqual({ error: { code: 'PARSE_FAILED', message: expect.stringMatching(/^broken\.dossier was not imported: .*Nothing was written\.$/) } });
  });

  it('builds the sample in a chosen folder, searchable in Uyghur', async () => {
    const workspace = path.join(dir, 'sample-ws');
    const sample = await run(laptop, 'sample', '--workspace', workspace, '--json');
    expect(sample.code).toBe(0);
    const stats = (await run(laptop, 'stats', '--workspace', workspace, '--json')).json();
    expect(stats).toMatchObject({ documents: 6, passages: 16, tags: 4, reports: 1 });
    const ug = (await run(laptop, 'search', 'ئەركىنلىكتىن', '--workspace', workspace, '--json')).json() as { results: { language: string }[] };
    expect(ug.results.map((r) => r.language)).toEqual(['ug']);
    const again = await run(laptop, 'sample', '--workspace', workspace, '--json');
    expect(again.json()).toMatchObject({ error: { code: 'CONFLICT' } });
  });
});
