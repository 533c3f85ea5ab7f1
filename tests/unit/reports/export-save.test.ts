/** Issue 14, item 8: exporting from the app through the save dialog. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { createSearchEngine } from '../../../src/main/search/engine.ts';
import { createService } from '../../../src/main/service.ts';
import { reportWorkspace } from './fixture.ts';

describe('exporting through the save dialog', () => {
  let w: Awaited<ReturnType<typeof reportWorkspace>>;
  let search: ReturnType<typeof createSearchEngine>;
  let h: ReturnType<typeof createService>;
  let reportId: string;
  const suggested: string[] = [];
  /** What the user picks in the dialog: the suggested name in the out folder, unless a test says otherwise. */
  let pick: (name: string) => string | null;
  const outDir = () => path.join(w.app.dir, 'out');

  beforeAll(async () => {
    w = await reportWorkspace();
    search = createSearchEngine(w.app.workspace);
    h = createService({
      workspace: w.app.workspace,
      search,
      pickSavePath: async (name) => {
        suggested.push(name);
        return pick(name);
      },
    });
    const report = await call(h, 'reports:create', { title: 'Testimony of Mihrigul', fromTagIds: w.tags.map((t) => t.id) });
    reportId = report.id;
    await call(h, 'reports:update', { id: reportId, settings: { redaction: { terms: ['Mihrigul'] } } });
    pick = (name) => path.join(outDir(), name);
  });
  afterAll(async () => {
    await search.close();
    w.app.cleanup();
  });

  it('replaces the file the user confirmed in the dialog, atomically, however often', async () => {
    const first = await call(h, 'reports:export', { id: reportId, format: 'html' });
    expect(readFileSync(first.path!, 'utf8')).not.toContain('Second draft');
    await call(h, 'reports:update', { id: reportId, subtitle: 'Second draft' });
    const second = await call(h, 'reports:export', { id: reportId, format: 'html' });
    expect(second.path).toBe(first.path);
    expect(readFileSync(second.path!, 'utf8')).toContain('Second draft');
    const third = await call(h, 'reports:export', { id: reportId, format: 'html' });
    expect(third.path).toBe(first.path);
    expect(readdirSync(outDir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('suggests names without the redacted title, and a redaction log that does not take the passages CSV’s name', async () => {
    suggested.length = 0;
    const csv = await call(h, 'reports:export', { id: reportId, format: 'csv' });
    const log = await call(h, 'reports:export', { id: reportId, format: 'redaction-log' });
    expect(suggested).toEqual(['Testimony of _____ - passages.csv', 'Testimony of _____ - redaction log.csv']);
    expect(csv.path).not.toBe(log.path);
    expect(readFileSync(csv.path!, 'utf8')).toContain('quote');
    expect(readFileSync(log.path!, 'utf8').split('\r\n')[0]).toBe('id,kind,where,decision');
  });

  it('does not replace a file the user never confirmed (the name was changed to add the extension)', async () => {
    writeFileSync(path.join(outDir(), 'notes.md'), 'my own notes');
    pick = () => path.join(outDir(), 'notes');
    await expect(call(h, 'reports:export', { id: reportId, format: 'md' })).rejects.toThrow('notes.md already exists; choose another name.');
    expect(readFileSync(path.join(outDir(), 'notes.md'), 'utf8')).toBe('my own notes');
    pick = (name) => path.join(outDir(), name);
  });

  it('still refuses to replace a file given on the command line without --force', async () => {
    const file = path.join(outDir(), 'cli.html');
    await call(h, 'reports:export', { id: reportId, format: 'html', path: file });
    await expect(call(h, 'reports:export', { id: reportId, format: 'html', path: file })).rejects.toThrow(/already exists; .*--force/);
    expect((await call(h, 'reports:export', { id: reportId, format: 'html', path: file, force: true })).path).toBe(file);
  });
});
