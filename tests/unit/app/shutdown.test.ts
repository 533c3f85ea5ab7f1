import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitGuard, createShutdown } from '../../../src/main/app/shutdown.ts';
import { call, dispatch } from '../../../src/main/dispatch.ts';
import { createBackup, listBackups, verifyDatabaseFile } from '../../../src/main/store/backup.ts';
import { DatabaseSync } from 'node:sqlite';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const quitEvent = () => ({ preventDefault: vi.fn() });

describe('quit guard', () => {
  it('holds the first quit while flushing, holds a second quit, then quits once', async () => {
    const flush = deferred();
    const flushSpy = vi.fn(() => flush.promise);
    const quit = vi.fn();
    const onBeforeQuit = createQuitGuard({ flush: flushSpy, quit });

    const first = quitEvent();
    onBeforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    const second = quitEvent();
    onBeforeQuit(second);
    expect(second.preventDefault).toHaveBeenCalled();
    expect(flushSpy).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(quit).not.toHaveBeenCalled();

    flush.resolve();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    const final = quitEvent();
    onBeforeQuit(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
    expect(flushSpy).toHaveBeenCalledTimes(1);
  });

  it('quits even when the flush fails or hangs past its limit, and reports it', async () => {
    const errors: unknown[] = [];
    const quit = vi.fn();
    createQuitGuard({ flush: () => Promise.reject(new Error('disk gone')), quit, onError: (e) => errors.push(e) })(quitEvent());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(String(errors[0])).toContain('disk gone');

    const hangQuit = vi.fn();
    createQuitGuard({ flush: () => new Promise(() => undefined), quit: hangQuit, timeoutMs: 50, onError: (e) => errors.push(e) })(
      quitEvent(),
    );
    await vi.waitFor(() => expect(hangQuit).toHaveBeenCalledTimes(1));
    expect(String(errors[1])).toContain('took over 50 ms');
  });
});

describe('flush before quit', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  it('lets an in-flight backup finish, refuses new calls, checkpoints the WAL and closes the store', async () => {
    const app = tempApp();
    cleanups.push(app.cleanup);
    await call(app.handlers, 'documents:import', { paths: [writeFiles(app.dir, { 'a.txt': 'Testimony kept across a quit.' })] });
    const gate = deferred();
    const stopTimers = vi.fn();
    const shutdown = createShutdown({ handlers: app.handlers, db: app.workspace.db, close: () => app.close(), stopTimers });
    // A backup whose page copy is still running when the user quits.
    const slowBackup = shutdown.run(() =>
      createBackup(app.workspace.db, app.workspace.paths, 'scheduled', {
        backup: async (db, file) => {
          await gate.promise;
          const { backup } = await import('node:sqlite');
          return backup(db, file);
        },
      }),
    );
    const flushed = shutdown.flush();
    expect(shutdown.signal.aborted).toBe(true);
    expect(stopTimers).toHaveBeenCalled();
    const refused = await dispatch(shutdown.handlers, 'tags:create', { name: 'Late' });
    expect(refused).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('closing') } });
    let done = false;
    void flushed.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    gate.resolve();
    await flushed;
    const backup = await slowBackup;
    expect(verifyDatabaseFile(path.join(app.workspace.paths.backupsDir, backup.name))).toBeGreaterThan(0);
    expect(listBackups(app.workspace.paths.backupsDir)).toHaveLength(1);
    expect(app.workspace.db.isOpen).toBe(false);
    const wal = `${app.workspace.paths.database}-wal`;
    expect(statSync(wal, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    // Everything is in the database file itself.
    const copy = new DatabaseSync(app.workspace.paths.database, { readOnly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(1);
    copy.close();
    expect(readFileSync(app.workspace.paths.database).length).toBeGreaterThan(0);
  });

  it('does not wait for an import: it stops between files, each file stored whole or not at all', async () => {
    const app = tempApp();
    cleanups.push(app.cleanup);
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`r${i}.txt`] = `Report ${i}\n\nThe witness saw ${i} guards at the gate.`;
    const folder = writeFiles(app.dir, files);
    const shutdown = createShutdown({ handlers: app.handlers, db: app.workspace.db, close: () => app.close() });
    const importing = dispatch(shutdown.handlers, 'documents:import', { paths: [folder] });
    await new Promise((r) => setTimeout(r, 50));
    await shutdown.flush();
    const summary = (await importing) as { ok: boolean; value?: { imported: unknown[]; failed: unknown[] } };
    expect(summary.ok).toBe(true);
    const copy = new DatabaseSync(app.workspace.paths.database, { readOnly: true });
    const stored = (copy.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    expect((copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    copy.close();
    expect(stored).toBe(summary.value!.imported.length);
    expect(stored + summary.value!.failed.length).toBe(200);
  });
});
