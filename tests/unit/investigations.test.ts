import { existsSync, readdirSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../src/main/dispatch.ts';
import { openApp } from '../../src/main/app/open-app.ts';
import { createSession } from '../../src/main/app/session.ts';
import { openSettings } from '../../src/main/settings/settings-store.ts';
import type { InvestigationInfo } from '../../src/shared/investigations.ts';
import { tempSession, type TempSession } from '../helpers/temp-session.ts';

const md = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });

describe('investigations and the session', () => {
  let t: TempSession;
  afterEach(() => t.cleanup());

  it('starts with none open: other channels say so in a sentence; settings still work', async () => {
    t = tempSession();
    expect(await call(t.handlers, 'investigations:list', {})).toEqual([]);
    expect(await call(t.handlers, 'investigations:current', {})).toBeNull();
    const refused = await dispatch(t.handlers, 'documents:list', {});
    expect(refused).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/^No investigation is open/) } });
    const view = await call(t.handlers, 'settings:update', { theme: 'dark' });
    expect(view.settings.theme).toBe('dark');
    expect((await call(t.handlers, 'settings:get', {})).settings.theme).toBe('dark');
    expect(t.events.map((e) => e.event)).toContain('evt:settings:changed');
  });

  it('creates two, switches between them, and each keeps its own documents', async () => {
    t = tempSession();
    const camps = (await call(t.handlers, 'investigations:create', { name: 'Camps in Xinjiang' })) as InvestigationInfo;
    expect(camps).toMatchObject({ name: 'Camps in Xinjiang', current: true, exists: true, sample: false });
    expect(camps.path).toBe(path.join(t.userDataDir, 'investigations', 'Camps-in-Xinjiang'));
    if (process.platform !== 'win32') expect(statSync(path.dirname(camps.path)).mode & 0o777).toBe(0o700);
    await call(t.handlers, 'documents:importData', { files: [md('camp.md', '# Camp\n\nHeld near Ghulja.')] });

    const border = (await call(t.handlers, 'investigations:create', { name: 'Border crossings' })) as InvestigationInfo;
    expect((await call(t.handlers, 'investigations:current', {}))?.id).toBe(border.id);
    expect(await call(t.handlers, 'documents:list', {})).toEqual([]);
    await call(t.handlers, 'documents:importData', { files: [md('khorgos.md', '# Khorgos\n\nThe crossing at Khorgos.')] });

    await call(t.handlers, 'investigations:open', { id: camps.id });
    expect((await call(t.handlers, 'documents:list', {})).map((d) => d.title)).toEqual(['Camp']);
    expect((await call(t.handlers, 'search:query', { query: 'Khorgos' })).total).toBe(0);
    const list = await call(t.handlers, 'investigations:list', {});
    expect(list.map((i) => [i.name, i.current])).toEqual([
      ['Camps in Xinjiang', true],
      ['Border crossings', false],
    ]);
    expect(t.events.filter((e) => e.event === 'evt:investigation:changed').length).toBeGreaterThanOrEqual(4);

    expect(await call(t.handlers, 'investigations:close', {})).toEqual({ closed: true });
    expect(await call(t.handlers, 'investigations:current', {})).toBeNull();
  });

  it('renames into the store itself, so the name travels with the folder', async () => {
    t = tempSession();
    const created = (await call(t.handlers, 'investigations:create', { name: 'Draft' })) as InvestigationInfo;
    const renamed = await call(t.handlers, 'investigations:rename', { id: created.id, name: '  Detention   testimony ' });
    expect(renamed.name).toBe('Detention testimony');
    await call(t.handlers, 'investigations:close', {});
    // Another machine that only knows the folder reads the name from the store.
    const other = tempSession();
    try {
      const opened = (await call(other.handlers, 'investigations:open', { path: created.path })) as InvestigationInfo;
      expect(opened.name).toBe('Detention testimony');
      expect((await call(other.handlers, 'investigations:reveal', { id: opened.id })).path).toBe(created.path);
    } finally {
      other.cleanup();
    }
  });

  it('reopens the last investigation after a restart, and the CLI folder still opens with openApp', async () => {
    t = tempSession();
    const a = (await call(t.handlers, 'investigations:create', { name: 'First' })) as InvestigationInfo;
    t.session.dispose();
    const again = createSession({ userDataDir: t.userDataDir, appVersion: 'x', settings: openSettings(t.userDataDir) });
    expect(again.registry.last()?.id).toBe(a.id);
    again.dispose();
    const app = openApp(a.path);
    expect(app.workspace.dir).toBe(a.path);
    app.close();
  });

  it('forgets, or moves to deleted/ only with confirmation; never deletes outright', async () => {
    t = tempSession();
    const a = (await call(t.handlers, 'investigations:create', { name: 'Keep the folder' })) as InvestigationInfo;
    const b = (await call(t.handlers, 'investigations:create', { name: 'Bin it' })) as InvestigationInfo;
    const unconfirmed = await dispatch(t.handlers, 'investigations:delete', { id: b.id, mode: 'trash' });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('confirmation') } });
    expect(existsSync(b.path)).toBe(true);

    const trashed = await call(t.handlers, 'investigations:delete', { id: b.id, mode: 'trash', confirmed: true });
    expect(trashed.movedTo).toMatch(/[/\\]deleted[/\\]Bin-it-/);
    expect(existsSync(b.path)).toBe(false);
    expect(existsSync(path.join(trashed.movedTo!, 'dossier.sqlite'))).toBe(true);
    expect(await call(t.handlers, 'investigations:current', {})).toBeNull();

    expect(await call(t.handlers, 'investigations:delete', { id: a.id, mode: 'forget' })).toEqual({ removed: true, movedTo: null });
    expect(existsSync(path.join(a.path, 'dossier.sqlite'))).toBe(true);
    expect(await call(t.handlers, 'investigations:list', {})).toEqual([]);
  });

  it('refuses a chosen folder that is not empty, and a folder that is not an investigation', async () => {
    t = tempSession();
    const first = (await call(t.handlers, 'investigations:create', { name: 'Here', folder: path.join(t.userDataDir, 'chosen') })) as InvestigationInfo;
    expect(first.path).toBe(path.join(t.userDataDir, 'chosen'));
    const clash = await dispatch(t.handlers, 'investigations:create', { name: 'Again', folder: first.path });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already holds an investigation') } });
    const notOne = await dispatch(t.handlers, 'investigations:open', { path: t.userDataDir });
    expect(notOne).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('not a Dossier investigation') } });
    expect(readdirSync(first.path)).toEqual(expect.arrayContaining(['backups', 'dossier.sqlite', 'index', 'tmp']));
  });

  it('keeps the open investigation when another cannot be opened (newer schema)', async () => {
    t = tempSession();
    const a = (await call(t.handlers, 'investigations:create', { name: 'Still open' })) as InvestigationInfo;
    const b = t.session.create({ name: 'From the future', open: false });
    await call(t.handlers, 'investigations:open', { id: a.id });
    const future = new DatabaseSync(path.join(b.path, 'dossier.sqlite'));
    future.exec('PRAGMA user_version = 99');
    future.close();
    const refused = await dispatch(t.handlers, 'investigations:open', { id: b.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('newer Dossier') } });
    expect((await call(t.handlers, 'investigations:current', {}))?.id).toBe(a.id);
    expect(await call(t.handlers, 'documents:list', {})).toEqual([]);
  });

  it('exports an investigation that is not open, by id', async () => {
    t = tempSession();
    const a = (await call(t.handlers, 'investigations:create', { name: 'Archived' })) as InvestigationInfo;
    await call(t.handlers, 'documents:importData', { files: [md('a.md', '# A\n\nText of A.')] });
    await call(t.handlers, 'investigations:create', { name: 'Other' });
    const out = path.join(t.userDataDir, 'a.dossier');
    const result = await call(t.handlers, 'investigations:export', { id: a.id, path: out });
    expect(result).toMatchObject({ path: out, manifest: { name: 'Archived', counts: { documents: 1 } } });
    expect((await call(t.handlers, 'investigations:current', {}))?.name).toBe('Other');
  });

  it('lists the single workspace of earlier versions as "My investigation"', async () => {
    t = tempSession();
    t.session.dispose();
    const legacy = openApp(path.join(t.userDataDir, 'workspace'));
    legacy.close();
    const session = createSession({ userDataDir: t.userDataDir, appVersion: 'x', settings: openSettings(t.userDataDir) });
    expect(session.list()).toEqual([expect.objectContaining({ name: 'My investigation', path: path.join(t.userDataDir, 'workspace'), exists: true })]);
    session.dispose();
  });

  it('applies the import size limit from settings at once', async () => {
    t = tempSession();
    await call(t.handlers, 'investigations:create', { name: 'Limits' });
    await call(t.handlers, 'settings:update', { importLimitMb: 1 });
    const big = md('big.md', `# Big\n\n${'word '.repeat(300_000)}`);
    const summary = await call(t.handlers, 'documents:importData', { files: [big] });
    expect(summary.failed[0]).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('over the 1 MB import limit') });
  });
});
