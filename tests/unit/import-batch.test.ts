import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src/main/dispatch.ts';
import { createParsePool, DEFAULT_PARSE_WORKER_URL } from '../../src/main/importers/parse-pool.ts';
import { importSources } from '../../src/main/service/import-files.ts';
import { currentGeneration } from '../../src/main/store/database.ts';
import { tempApp, writeFiles } from '../helpers/temp-workspace.ts';

describe('batch import', () => {
  const apps: ReturnType<typeof tempApp>[] = [];
  const newApp = () => {
    const app = tempApp();
    apps.push(app);
    return app;
  };
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));

  it('refuses a 600 MB file by its size before reading it, and imports the rest of the batch', async () => {
    const app = newApp();
    const folder = writeFiles(app.dir, { 'a-good.txt': 'Testimony one.', 'c-page.html': '<p>Testimony two.</p>' });
    const huge = path.join(folder, 'b-huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 600 * 1024 * 1024); // sparse: no 600 MB written
    const summary = await call(app.handlers, 'documents:import', { paths: [folder] });
    expect(summary.imported.map((i) => i.title).sort()).toEqual(['Testimony one.', 'Testimony two.']);
    expect(summary.failed).toEqual([
      {
        path: huge,
        code: 'TOO_LARGE',
        message: 'b-huge.txt is 600 MB, over the 200 MB import limit. Split it, or raise the limit in Settings.',
      },
    ]);
  });

  it('reports progress with counts and the current file, ending with all done', async () => {
    const { openApp } = await import('../../src/main/app/open-app.ts');
    const host = newApp();
    const events: { done: number; total: number; currentFile: string }[] = [];
    const app = openApp(path.join(host.dir, 'ws2'), {
      emit: (event, payload) => {
        if (event === 'evt:import:progress') events.push(payload as (typeof events)[number]);
      },
    });
    const folder = writeFiles(host.dir, { '1.txt': 'One.', '2.md': '# Two', '3.html': '<p>Three.</p>' });
    await call(app.handlers, 'documents:import', { paths: [folder] });
    app.close();
    expect(events.map((e) => [e.done, e.total, path.basename(e.currentFile)])).toEqual([
      [0, 3, '1.txt'],
      [1, 3, '2.md'],
      [2, 3, '3.html'],
      [3, 3, ''],
    ]);
  });

  it('never changes documents stored before when a later batch has failures and duplicates', async () => {
    const app = newApp();
    const first = await call(app.handlers, 'documents:import', { paths: [writeFiles(app.dir, { 'kept.txt': 'Stored before.' })] });
    const before = await call(app.handlers, 'documents:get', { id: first.imported[0]!.id });
    const summary = await call(app.handlers, 'documents:import', {
      paths: [
        writeFiles(app.dir, {
          'again.txt': 'Stored before.',
          'empty.html': '',
          'bad.pdf': 'not a pdf',
          'image.html': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
          'new.txt': 'Added now.',
        }),
      ],
    });
    expect(summary.duplicates.map((d) => d.existingId)).toEqual([before.id]);
    expect(summary.failed.map((f) => path.basename(f.path)).sort()).toEqual(['bad.pdf', 'empty.html', 'image.html']);
    expect(summary.failed.find((f) => f.path.endsWith('image.html'))!.message).toBe('image.html looks like a binary file, not text; it was not imported.');
    expect(summary.imported.map((i) => i.title)).toEqual(['Added now.']);
    expect(await call(app.handlers, 'documents:get', { id: before.id })).toEqual(before);
    expect((await call(app.handlers, 'documents:list', {})).length).toBe(2);
  });

  it('reads ahead within its byte budget, stores in order, and lets a file larger than the budget through alone', async () => {
    const app = newApp();
    const sizes = [30, 30, 30, 100, 10, 10, 10, 10, 45, 5, 60, 20];
    const names = sizes.map((_, i) => `${String(i).padStart(2, '0')}.txt`);
    const folder = writeFiles(app.dir, Object.fromEntries(names.map((name, i) => [name, `File ${i} `.padEnd(sizes[i]!, 'x')])));
    const real = createParsePool({ workerUrl: DEFAULT_PARSE_WORKER_URL, timeoutMs: 60_000 });
    // Progress is reported before each file is awaited: the files before it are stored by then.
    let stored = 0;
    const parsing = new Set<number>();
    const inFlight: number[][] = [];
    const pool = {
      size: real.size,
      parse: (input: { name: string; bytes: Uint8Array }) => {
        const index = names.indexOf(input.name);
        parsing.add(index);
        inFlight.push([...parsing].filter((i) => i >= stored));
        return real.parse(input);
      },
      close: () => real.close(),
    };
    try {
      const summary = await importSources(app.workspace.db, names.map((n) => ({ path: path.join(folder, n) })), {
        maxFileBytes: 1000,
        readAheadBytes: 64,
        pool,
        onProgress: (p) => (stored = p.done),
      });
      expect(summary.failed).toEqual([]);
      expect(summary.imported.map((i) => path.basename(i.path))).toEqual(names);
      for (const files of inFlight) {
        const bytes = files.reduce((sum, i) => sum + sizes[i]!, 0);
        if (files.length > 1) expect(bytes, `files ${files.join(', ')} in flight`).toBeLessThanOrEqual(64);
      }
      expect(inFlight.some((files) => files.length > 1)).toBe(true);
    } finally {
      await real.close();
    }
  });

  it('abandons a file past the time limit or whose reader dies, with a sentence, and the next file still parses', async () => {
    const pool = createParsePool({ workerUrl: new URL('./importers/slow-worker.ts', import.meta.url), timeoutMs: 500, size: 1 });
    try {
      const results = await Promise.allSettled([
        pool.parse({ name: 'hang.txt', bytes: new Uint8Array([1]) }),
        pool.parse({ name: 'crash.txt', bytes: new Uint8Array([1]) }),
        pool.parse({ name: 'next.txt', bytes: new TextEncoder().encode('fine') }),
      ]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'PARSE_FAILED', message: 'hang.txt took longer than 0.5 s to read; it was not imported.' } });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'PARSE_FAILED' } });
      expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/^crash\.txt could not be read/);
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { docs: [{ text: 'fine' }], failures: [] } });
    } finally {
      await pool.close();
    }
  });

  it('edits metadata afterwards, validated, moving the search generation only for indexed fields', async () => {
    const app = newApp();
    const { imported } = await call(app.handlers, 'documents:import', { paths: [writeFiles(app.dir, { 'n.txt': 'Notes from Ghulja.' })] });
    const id = imported[0]!.id;
    const db = app.workspace.db;
    const g0 = currentGeneration(db);
    const linked = await call(app.handlers, 'documents:updateMeta', { id, url: 'https://example.org/n' });
    expect(linked).toMatchObject({ url: 'https://example.org/n', title: 'Notes from Ghulja.' });
    expect(currentGeneration(db)).toBe(g0);
    // The date is not in the index's text, but search filters and counts by it.
    const dated = await call(app.handlers, 'documents:updateMeta', { id, publishedAt: '2018-06-04' });
    expect(dated).toMatchObject({ publishedAt: '2018-06-04' });
    expect(currentGeneration(db)).toBe(g0 + 1);
    const renamed = await call(app.handlers, 'documents:updateMeta', { id, title: 'Ghulja notes', author: 'A. Researcher', source: null });
    expect(renamed).toMatchObject({ title: 'Ghulja notes', author: 'A. Researcher' });
    expect(currentGeneration(db)).toBe(g0 + 2);
    expect((await call(app.handlers, 'search:query', { query: 'researcher' })).total).toBe(1);
    const full = await call(app.handlers, 'documents:get', { id });
    expect(full.meta.editedFields).toEqual(['url', 'publishedAt', 'title', 'author']);
    expect(full.text).toBe('Notes from Ghulja.');
    await expect(call(app.handlers, 'documents:updateMeta', { id, url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(call(app.handlers, 'documents:updateMeta', { id, publishedAt: 'June 4' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(call(app.handlers, 'documents:updateMeta', { id: 'missing', title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
