import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src/main/dispatch.ts';
import { tempApp, writeFiles } from '../helpers/temp-workspace.ts';

describe('import of text and Markdown', () => {
  const apps: ReturnType<typeof tempApp>[] = [];
  const newApp = () => {
    const app = tempApp();
    apps.push(app);
    return app;
  };
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));

  it('imports a folder recursively, keeps the original bytes and their hash, and fills title and language', async () => {
    const app = newApp();
    const folder = writeFiles(app.dir, {
      'testimony.txt': 'Released detainee speaks\n\nHe was held in a camp near Ghulja for eleven months.\n',
      'nested/notes.md': '# Field notes\n\nThe *camp* had [three](http://x) buildings.\n\n- guards\n- cameras\n',
      'nested/ignored.bin': 'binary',
    });
    const summary = await call(app.handlers, 'documents:import', { paths: [folder] });
    expect(summary.failed).toEqual([]);
    expect(summary.imported.map((i) => i.title).sort()).toEqual(['Field notes', 'Released detainee speaks']);

    const docs = await call(app.handlers, 'documents:list', {});
    const md = docs.find((d) => d.format === 'md')!;
    const full = await call(app.handlers, 'documents:get', { id: md.id });
    expect(full.text).toBe('Field notes\n\nThe camp had three buildings.\n\nguards\n\ncameras');
    expect(full.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list-item', 'list-item']);
    for (const block of full.blocks) expect(full.text.slice(block.start, block.end).trim()).not.toBe('');
    expect(full.language).toBe('en');
    const original = app.workspace.db.prepare('SELECT bytes FROM originals WHERE sha256 = ?').get(full.originalHash) as { bytes: Uint8Array };
    expect(Buffer.from(original.bytes).toString('utf8')).toContain('The *camp* had [three](http://x)');
  });

  it('refuses an exact duplicate with a clear message and keeps one copy', async () => {
    const app = newApp();
    const folder = writeFiles(app.dir, { 'a.txt': 'Same words here.', 'b.txt': 'Same words here.' });
    const summary = await call(app.handlers, 'documents:import', { paths: [folder] });
    expect(summary.imported).toHaveLength(1);
    expect(summary.duplicates).toHaveLength(1);
    expect(summary.duplicates[0]!.existingId).toBe(summary.imported[0]!.id);
    expect((await call(app.handlers, 'documents:list', {})).length).toBe(1);
  });

  it('reports empty, binary, unsupported and missing files by name, reads Latin-1 flagged for review, and imports the rest of the batch', async () => {
    const app = newApp();
    const folder = writeFiles(app.dir, {
      'good.txt': 'Good text survives.',
      'empty.txt': '',
      'binary.txt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10, 0x00]),
      'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0xff, 0xfe, 0x20]),
    });
    const odd = path.join(app.dir, 'report.xyz');
    writeFileSync(odd, 'x');
    const summary = await call(app.handlers, 'documents:import', {
      paths: [folder, odd, path.join(app.dir, 'missing.txt')],
    });
    expect(summary.imported.map((i) => i.title).sort()).toEqual(['Good text survives.', 'caféÿþ']);
    const byName = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f]));
    expect(byName['empty.txt']!.message).toMatch(/empty\.txt is empty/);
    expect(byName['binary.txt']!.message).toMatch(/binary/);
    expect(byName['latin1.txt']).toBeUndefined();
    const latin1 = (await call(app.handlers, 'documents:list', {})).find((d) => d.originalName === 'latin1.txt')!;
    expect(latin1.reviewFlags.join(' ')).toMatch(/latin1\.txt .*Windows-1252/);
    expect(byName['report.xyz']!.code).toBe('UNSUPPORTED_FORMAT');
    expect(byName['missing.txt']!.code).toBe('NOT_FOUND');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { openApp } = await import('../../src/main/app/open-app.ts');
    const host = newApp();
    const small = openApp(path.join(host.dir, 'ws2'), { maxFileBytes: 10 });
    const folder = writeFiles(host.dir, { 'big.txt': 'x'.repeat(100) });
    const summary = await call(small.handlers, 'documents:import', { paths: [folder] });
    small.close();
    expect(summary.failed[0]!.code).toBe('TOO_LARGE');
    expect(summary.failed[0]!.message).toMatch(/big\.txt .* over the/);
  });

  it('imports bytes dropped on the window', async () => {
    const app = newApp();
    const summary = await call(app.handlers, 'documents:importData', {
      files: [{ name: 'dropped.md', data: new TextEncoder().encode('# Dropped\n\nText.') }],
    });
    expect(summary.imported[0]!.title).toBe('Dropped');
  });
});
