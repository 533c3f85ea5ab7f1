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
    for (const format of ['html', 'md', 'csv', 'json', 'qdpx', 'docx', 'redaction-log']) {
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
    const badFormat = await run(ws, 'export', report.id, '--format', 'odt', '--out', 'x', '--json');
    expect((badFormat.json() as { error: { code: string } }).error.code).toBe('BAD_INPUT');
  });

  it('verifies a redacted JSON export against the originals on the verifier’s side (dossier verify-export)', async () => {
    // the researcher: a report quoting a name and the publisher's contacts, exported redacted
    const author = path.join(dir, 'author');
    const original = writeFiles(dir, { 'article.txt': ARTICLE });
    const doc = ((await run(author, 'import', original, '--json')).json() as { imported: { id: string }[] }).imported[0]!.id;
    await run(author, 'tag', '--doc', doc, '--quote', QUOTES.cell, '--tag', 'Cell');
    await run(author, 'tag', '--doc', doc, '--quote', QUOTES.contacts, '--tag', 'Cell');
    const report = (await run(author, 'report', 'create', '--title', 'Cells', '--from-tags', 'Cell', '--json')).json() as { id: string };
    const terms = path.join(dir, 'witness.txt');
    writeFileSync(terms, 'Mihrigul\n');
    const exported = path.join(dir, 'cells.json');
    expect((await run(author, 'export', report.id, '--format', 'json', '--out', exported, '--redact-terms', terms)).code).toBe(0);
    const json = readFileSync(exported, 'utf8');
    expect(json).not.toMatch(/Mihrigul|urn:sha256/);

    // the verifier holds the same original file and imports it into an investigation of their own
    const verifier = path.join(dir, 'verifier');
    await run(verifier, 'import', writeFiles(dir, { 'copy.txt': ARTICLE }));
    const ok = await run(verifier, 'verify-export', exported);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('All 2 quote(s) verified:');
    expect(ok.out).toMatch(/quote 1: OK, matches “.*” at code points \d+–\d+ \(hash withheld: checked by text\)/);

    // a quote changed after export is caught
    const tampered = path.join(dir, 'tampered.json');
    writeFileSync(tampered, json.replace('sixty women', 'six women'));
    const bad = await run(verifier, 'verify-export', tampered, '--json');
    expect(bad.code).toBe(4);
    expect((bad.json() as { checks: { ok: boolean }[] }).checks.map((c) => c.ok)).toEqual([false, true]);

    // and a file that is not an export gets a sentence naming it
    writeFileSync(path.join(dir, 'notes.json'), '{"hello": 1}');
    const wrong = await run(verifier, 'verify-export', path.join(dir, 'notes.json'), '--json');
    expect(wrong.json()).toEqual({ error: { code: 'BAD_INPUT', message: 'notes.json is not a JSON export of a report (a W3C AnnotationCollection).' } });
  });
});
