import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { importProgressPrinter } from '../../src/cli/progress.ts';
import { tempDir, writeFiles } from '../helpers/temp-workspace.ts';
import { captureIo } from '../helpers/capture-io.ts';

describe('dossier CLI', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const workspace = path.join(dir, 'ws');
  const run = async (...args: string[]) => {
    const c = captureIo();
    const code = await runCli([...args, '--workspace', workspace], c.io);
    return { code, out: c.out(), err: c.err(), json: () => JSON.parse(c.out()) as Record<string, unknown> };
  };

  it('imports a folder, lists, shows, searches in English and Chinese, tags by quote, lists passages, verifies', async () => {
    const folder = writeFiles(dir, {
      'camp.txt': 'Released detainee speaks\n\nHe was held in a camp near Ghulja. Guards watched the camp at night.',
      'zh.txt': '再教育营\n\n他们被关押在再教育营里。',
    });
    const imported = await run('import', folder, '--json');
    expect(imported.code).toBe(0);
    const summary = imported.json() as {
      imported: { id: string; path: string; title: string }[];
      duplicates: unknown[];
      failed: unknown[];
    };
    expect(summary.imported).toHaveLength(2);
    expect(summary.duplicates).toEqual([]);
    expect(summary.failed).toEqual([]);
    expect(imported.err).toBe('');

    const again = await run('import', folder, '--json');
    expect((again.json() as { duplicates: { existingId: string }[] }).duplicates).toHaveLength(2);

    const list = (await run('list', '--json')).json() as {
      documents: { id: string; title: string; originalName: string; language: string; format: string }[];
    };
    const camp = list.documents.find((d) => d.originalName === 'camp.txt')!;
    expect(camp).toMatchObject({ title: 'Released detainee speaks', language: 'en', format: 'txt' });

    const show = (await run('show', camp.id, '--json')).json() as { text: string; blocks: unknown[] };
    expect(show.text).toContain('Ghulja');
    expect(show.blocks).toHaveLength(2);

    const search = (await run('search', 'Ghulja', '--json')).json() as {
      results: {
        documentId: string;
        title: string;
        score: number;
        snippets: { text: string; highlights: [number, number][] }[];
      }[];
    };
    expect(search.results[0]).toMatchObject({ documentId: camp.id, title: 'Released detainee speaks' });
    const snippet = search.results[0]!.snippets[0]!;
    expect(snippet.text.slice(...snippet.highlights[0]!)).toBe('Ghulja');
    const human = await run('search', '关押');
    expect(human.out).toContain('⟦关押⟧');

    const ambiguous = await run('tag', '--doc', camp.id, '--quote', 'camp', '--tag', 'Surveillance', '--json');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.json()).toEqual({ error: { code: 'AMBIGUOUS', message: expect.stringContaining('occurs 2 times') } });
    const absent = await run('tag', '--doc', camp.id, '--quote', 'not in the text', '--tag', 'Surveillance');
    expect(absent.code).toBe(1);
    expect(absent.err).toMatch(/does not occur/);

    const tagged = await run(
      'tag',
      '--doc',
      camp.id,
      '--quote',
      'Guards watched the camp at night',
      '--tag',
      'Surveillance',
      '--note',
      'night watch',
      '--json',
    );
    expect(tagged.code).toBe(0);
    const passages = (await run('passages', '--tag', 'surveillance', '--json')).json() as {
      passages: { exact: string; note: string }[];
    };
    expect(passages.passages).toEqual([
      expect.objectContaining({ exact: 'Guards watched the camp at night', note: 'night watch' }),
    ]);

    const stats = (await run('stats', '--json')).json();
    expect(stats).toMatchObject({ documents: 2, passages: 1, tags: 1 });
    const verify = await run('verify', '--json');
    expect(verify.code).toBe(0);
    expect(verify.json()).toMatchObject({ ok: true, documentsChecked: 2, passagesChecked: 1 });
  });

  it('shows import progress on stderr: a bar with counts and the file, one line per file in a log, redrawn in place on a terminal', async () => {
    const folder = writeFiles(dir, { 'one.txt': 'First progress document.', 'two.txt': 'Second progress document.' });
    // Its own investigation: the other tests count the documents in theirs.
    const c = captureIo();
    const code = await runCli(['import', folder, '--workspace', path.join(dir, 'progress-ws')], c.io);
    const imported = { code, out: c.out(), err: c.err() };
    expect(imported.code).toBe(0);
    const lines = imported.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^▕░{24}▏ 0\/2 {2}.*one\.txt$/);
    expect(lines[1]).toMatch(/^▕█{12}░{12}▏ 1\/2 {2}.*two\.txt$/);
    expect(lines[2]).toBe(`▕${'█'.repeat(24)}▏ 2/2`);
    expect(imported.out).toContain('Imported 2');

    let terminal = '';
    const show = importProgressPrinter({ isTTY: true, columns: 60, write: (text: string) => (terminal += text) });
    show({ done: 0, total: 3, currentFile: '/very/long/folder/name/of/the/investigation/witness-statement.pdf' });
    show({ done: 3, total: 3, currentFile: '' });
    const [first, last] = terminal.split('\r\x1b[2K').slice(1);
    expect(first).toHaveLength(59);
    expect(first).toMatch(/^▕░{24}▏ 0\/3 {2}…/);
    expect(first).toMatch(/witness-statement\.pdf$/);
    expect(last).toBe(`▕${'█'.repeat(24)}▏ 3/3\n`);
  });

  it('exits non-zero with a JSON error for unknown commands and bad input', async () => {
    const unknown = await run('frobnicate', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toEqual({ error: { code: 'BAD_INPUT', message: expect.stringContaining('Unknown command') } });
    const missing = await run('show', 'no-such-id', '--json');
    expect((missing.json() as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const c = captureIo();
    expect(await runCli(['list', '--bogus'], c.io)).toBe(2);
    expect(c.err()).toMatch(/Unknown option/);
  });

  it('runs as the npm bin on Node 24', () => {
    const out = execFileSync(process.execPath, [path.resolve('bin/dossier.js'), 'stats', '--json', '--workspace', workspace], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toMatchObject({ documents: 2 });
  });

  it('prints its help and its version from the npm bin, and --version from runCli too (issue 17)', async () => {
    const bin = (...args: string[]) =>
      execFileSync(process.execPath, [path.resolve('bin/dossier.js'), ...args], { encoding: 'utf8' });
    const version = (JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version: string }).version;
    expect(bin('--version').trim()).toBe(version);
    expect(bin('--help')).toMatch(/^Usage: dossier <command>/);
    expect(bin('--help')).toContain('search QUERY [filters]');
    const c = captureIo();
    expect(await runCli(['--version'], c.io)).toBe(0);
    expect(c.out().trim()).toBe(version);
  });
});
