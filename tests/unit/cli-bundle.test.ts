/**
 * Issue 17: the bundled CLI (scripts/build-cli.ts; what bin/dossier.js runs after `npm run build`)
 * does what the sources do. It is built here into a folder of its own, imports files of several
 * formats through its bundled parse worker, and answers searches with the JSON the sources give.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { tempDir, writeFiles } from '../helpers/temp-workspace.ts';

describe('the bundled CLI', () => {
  const { dir, cleanup } = tempDir();
  // Inside the project, so the packages left out of the bundle are found in node_modules.
  const outdir = path.resolve('out', `cli-test-${process.pid}`);
  afterAll(() => {
    cleanup();
    rmSync(outdir, { recursive: true, force: true });
  });
  const workspace = path.join(dir, 'ws');
  const bundled = (...args: string[]) => bundledWith({}, ...args);
  const bundledWith = (env: Record<string, string>, ...args: string[]) => {
    const run = spawnSync(process.execPath, [path.join(outdir, 'index.mjs'), ...args, '--workspace', workspace], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };
  const sources = async (...args: string[]) => {
    const c = captureIo();
    const code = await runCli([...args, '--workspace', workspace], c.io);
    return { code, out: c.out(), err: c.err() };
  };

  it('imports text, HTML and e-mail, and searches with the same results and exit codes as the sources', async () => {
    execFileSync(process.execPath, [path.resolve('scripts/build-cli.ts'), '--outdir', outdir], { stdio: 'pipe' });
    const folder = writeFiles(dir, {
      'camp.txt': 'Released detainee speaks\n\nHe was held in a camp near Ghulja. Guards watched the camp at night.',
      'zh.txt': '再教育营\n\n他们被关押在乌鲁木齐的再教育营里。',
      'page.html':
        '<html><head><title>Camp survey</title></head><body><article><h1>Camp survey</h1><p>Satellite images show a new camp wall outside Urumchi, built in 2018.</p></article></body></html>',
      'mail.eml': [
        'From: "Ayşe Activist" <ayse@ngo.example.org>',
        'To: desk@news.example.org',
        'Subject: My cousin',
        'Date: Tue, 05 Jun 2018 10:00:00 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'My cousin was detained in Урумчи last spring.',
        '',
      ].join('\r\n'),
    });
    const imported = bundled('import', folder, '--json');
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.out) as { imported: { title: string }[]; failed: unknown[] };
    expect(summary.failed).toEqual([]);
    expect(summary.imported.map((d) => d.title).sort()).toEqual([
      'Camp survey',
      'My cousin',
      'Released detainee speaks',
      '再教育营',
    ]);

    // Latin, Chinese, a name across scripts (Urumchi ⇄ Урумчи ⇄ 乌鲁木齐) and a filter.
    for (const query of [['camp'], ['再教育营'], ['Urumchi'], ['detained', '--format', 'eml']]) {
      const fromBundle = bundled('search', ...query, '--json');
      const fromSources = await sources('search', ...query, '--json');
      expect(fromBundle.code).toBe(0);
      const response = JSON.parse(fromBundle.out) as { total: number };
      expect(response.total).toBeGreaterThan(0);
      expect(response).toEqual(JSON.parse(fromSources.out));
    }
    expect((JSON.parse(bundled('search', 'Urumchi', '--json').out) as { total: number }).total).toBe(3);

    // A malformed query, a limit past the contract's and an unknown tag fail alike, with the same message and exit code.
    for (const query of [['title:'], ['camp', '--limit', '5000'], ['camp', '--tag', 'No such tag']]) {
      const fromBundle = bundled('search', ...query, '--json');
      const fromSources = await sources('search', ...query, '--json');
      expect(fromBundle.code).not.toBe(0);
      expect({ code: fromBundle.code, json: JSON.parse(fromBundle.out) as unknown }).toEqual({
        code: fromSources.code,
        json: JSON.parse(fromSources.out),
      });
    }
    // Text output too.
    expect(bundled('search', 'camp').out).toBe((await sources('search', 'camp')).out);
    // npm run bench:cli's step times: one line on stderr, the output unchanged.
    const timed = bundledWith({ DOSSIER_CLI_TIMING: '1' }, 'search', 'camp', '--json');
    expect(timed.err).toMatch(/^dossier-timing: loaded \d+, opened \d+, answered \d+, closed \d+\n$/);
    expect(JSON.parse(timed.out)).toEqual(JSON.parse(bundled('search', 'camp', '--json').out));
  });
});
