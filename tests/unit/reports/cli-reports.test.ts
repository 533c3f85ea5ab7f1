import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { tempDir, writeFiles } from '../../helpers/temp-workspace.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { ARTICLE, QUOTES } from './fixture.ts';

async function run(workspace: string, ...args: string[]) {
  const c = captureIo();
  const code = await runCli([...args, '--workspace', workspace], c.io);
  return { code, out: c.out(), err: c.err(), json: () => JSON.parse(c.out()) as Record<string, unknown> };
}

describe('dossier report / export', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const ws = path.join(dir, 'ws');

  it('creates a report from tags, lists it, and exports it in every format with --json', async () => {
    const folder = writeFiles(dir, { 'article.txt': ARTICLE });
    const imported = (await run(ws, 'import', folder, '--json')).json() as { imported: { id: string }[] };
    const doc = imported.imported[0]!.id;
    expect((await run(ws, 'tag', '--doc', doc, '--quote', QUOTES.cell, '--tag', 'Detention conditions')).code).toBe(0);
    expect((await run(ws, 'tag', '--doc', doc, '--quote', QUOTES.contacts, '--tag', 'Publisher')).code).toBe(0);

    const created = await run(ws, 'report', 'create', '--title', 'Camps', '--from-tags', 'detention conditions,Publisher', '--style', 'author-date', '--json');
    expect(created.code).toBe(0);
    const report = created.json() as { id: string; itemCount: number; settings: { citationStyle: string } };
    expect(report.itemCount).toBe(2);
    expect(report.settings.citationStyle).toBe('author-date');
    const listed = (await run(ws, 'report', 'list', '--json')).json() as { reports: { id: string; title: string }[] };
    expect(listed.reports.map((r) => r.title)).toEqual(['Camps']);
    expect((await run(ws, 'report', 'list')).out).toContain(`${report.id}  Camps`);

    const terms = path.join(dir, 'names.txt');
    writeFileSync(terms, 'Mihrigul\n');
    for (const format of ['html', 'md', 'csv', 'json', 'qdpx', 'redaction-log']) {
      const out = path.join(dir, 'out', `camps-${format}.${format === 'redaction-log' ? 'csv' : format}`);
      const result = await run(ws, 'export', report.id, '--format', format, '--out', out, '--redact', 'emails,phones', '--redact-terms', terms, '--json');
      expect(result.code, result.out).toBe(0);
      // a REFI-QDA project carries the whole article, with the name once more outside the quotes
      expect(result.json()).toMatchObject({ path: out, redacted: format === 'qdpx' || format === 'redaction-log' ? 6 : 5, kept: 0 });
      expect(existsSync(out)).toBe(true);
    }
    const html = readFileSync(path.join(dir, 'out', 'camps-html.html'), 'utf8');
    expect(html).not.toMatch(/Mihrigul|1234 5678|tips@example-news/);

    // never overwrite without --force; errors are JSON with a code
    const again = await run(ws, 'export', report.id, '--format', 'html', '--out', path.join(dir, 'out', 'camps-html.html'), '--json');
    expect(again.code).toBe(1);
    expect(again.json()).toEqual({ error: { code: 'CONFLICT', message: expect.stringContaining('already exists') } });
    const forced = await run(ws, 'export', report.id, '--format', 'html', '--out', path.join(dir, 'out', 'camps-html.html'), '--force', '--redact', 'none');
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'out', 'camps-html.html'), 'utf8')).toContain('tips@example-news.org');

    const badTag = await run(ws, 'report', 'create', '--title', 'X', '--from-tags', 'Nope', '--json');
    expect(badTag.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'There is no tag named "Nope".' } });
    const badFormat = await run(ws, 'export', report.id, '--format', 'docx', '--out', 'x', '--json');
    expect((badFormat.json() as { error: { code: string } }).error.code).toBe('BAD_INPUT');
  });
});
