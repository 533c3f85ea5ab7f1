import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { openApp } from '../../../src/main/app/open-app.ts';
import { openAppWithRecovery } from '../../../src/main/app/recovery.ts';
import { call } from '../../../src/main/dispatch.ts';
import {
  backupIfDue,
  createBackup,
  KEEP,
  listBackups,
  newestGoodBackup,
  verifyDatabaseFile,
} from '../../../src/main/store/backup.ts';
import { schemaVersion } from '../../../src/main/store/database.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations.ts';
import { DamagedDatabaseError, openWorkspace } from '../../../src/main/store/workspace.ts';
import { DossierError } from '../../../src/shared/errors.ts';
import { tempApp, tempDir, writeFiles } from '../../helpers/temp-workspace.ts';
import { captureIo } from '../../helpers/capture-io.ts';

/** The backup's own temporaries; the search index writes its caches through tmp/ in the background too. */
const backupTemporaries = (tmpDir: string) => readdirSync(tmpDir).filter((name) => /^(backup|restore)-/.test(name));


async function cli(workspace: string, ...args: string[]) {
  const c = captureIo();
  const code = await runCli([...args, '--workspace', workspace], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('backups and recovery', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  async function appWithDocs(texts: Record<string, string>) {
    const app = tempApp();
    cleanups.push(app.cleanup);
    const summary = await call(app.handlers, 'documents:import', { paths: [writeFiles(app.dir, texts)] });
    return { app, ids: summary.imported.map((d) => d.id) };
  }

  it('takes a verified, self-contained backup with the online backup API and lists it', async () => {
    const { app } = await appWithDocs({ 'a.txt': 'Testimony about the camp near Ghulja.' });
    const info = await call(app.handlers, 'backups:create', {});
    expect(info.reason).toBe('manual');
    const file = path.join(app.workspace.paths.backupsDir, info.name);
    expect(verifyDatabaseFile(file)).toBe(MIGRATIONS.length);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(await call(app.handlers, 'backups:list', {})).toEqual([info]);
    expect(backupTemporaries(app.workspace.paths.tmpDir)).toEqual([]);
  });

  it('keeps only the newest backups of each kind and takes scheduled ones only when due', async () => {
    const { app } = await appWithDocs({ 'a.txt': 'One document.' });
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < KEEP.scheduled + 3; i++) {
      await createBackup(app.workspace.db, app.workspace.paths, 'scheduled', { now: () => new Date(t0 + i * 3_600_000) });
    }
    const scheduled = listBackups(app.workspace.paths.backupsDir);
    expect(scheduled).toHaveLength(KEEP.scheduled);
    expect(scheduled[0]!.createdAt).toBe(new Date(t0 + (KEEP.scheduled + 2) * 3_600_000).toISOString());
    const hour = 3_600_000;
    const last = t0 + (KEEP.scheduled + 2) * hour;
    expect(await backupIfDue(app.workspace.db, app.workspace.paths, hour, { now: () => new Date(last + hour / 2) })).toBeNull();
    expect(await backupIfDue(app.workspace.db, app.workspace.paths, hour, { now: () => new Date(last + hour) })).not.toBeNull();
  });

  it('restores a backup in the app: the deleted document is back, searchable, and the state before is kept', async () => {
    const { app, ids } = await appWithDocs({
      'a.txt': 'Witness describes the Urumqi detention centre.',
      'b.txt': 'A second report.',
    });
    await call(app.handlers, 'search:query', { query: 'Urumqi' });
    const backup = await call(app.handlers, 'backups:create', {});
    await call(app.handlers, 'documents:delete', { ids: [ids[0]!] });
    expect((await call(app.handlers, 'search:query', { query: 'Urumqi' })).total).toBe(0);
    const result = await call(app.handlers, 'backups:restore', { name: backup.name });
    expect(result.restored.name).toBe(backup.name);
    expect(result.safetyBackup.reason).toBe('before-restore');
    expect((await call(app.handlers, 'documents:list', {})).map((d) => d.id).sort()).toEqual([...ids].sort());
    expect((await call(app.handlers, 'search:query', { query: 'Urumqi' })).total).toBe(1);
    expect((await call(app.handlers, 'workspace:verify', {})).ok).toBe(true);
  });

  it('refuses backup names that are not backups (traversal, other files)', async () => {
    const { app } = await appWithDocs({ 'a.txt': 'x y z' });
    for (const name of [
      '../dossier.sqlite',
      'dossier.sqlite',
      '/etc/passwd',
      'dossier-20260101T000000000Z-manual.sqlite/../../x',
    ]) {
      const result = await (await import('../../../src/main/dispatch.ts')).dispatch(app.handlers, 'backups:restore', { name });
      expect(result.ok).toBe(false);
    }
    await expect(call(app.handlers, 'backups:restore', { name: 'dossier-20260101T000000000Z-manual.sqlite' })).rejects.toThrow(
      /no backup named/,
    );
  });

  it('backs up a store that holds data before running a pending migration', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const first = openWorkspace(dir);
    first.db.prepare("INSERT INTO tags(id, name, color, created_at) VALUES ('t1', 'Torture', '#ff0000', 'now')").run();
    first.close();
    const migrations = MIGRATIONS as string[];
    migrations.push('CREATE TABLE issue7_probe (x INTEGER) STRICT;');
    try {
      const second = openWorkspace(dir);
      expect(schemaVersion(second.db)).toBe(migrations.length);
      const backups = listBackups(second.paths.backupsDir);
      expect(backups.map((b) => b.reason)).toEqual(['before-migration']);
      expect(verifyDatabaseFile(path.join(second.paths.backupsDir, backups[0]!.name))).toBe(migrations.length - 1);
      second.close();
    } finally {
      migrations.pop();
    }
    const fresh = tempDir();
    cleanups.push(fresh.cleanup);
    const empty = openWorkspace(fresh.dir);
    expect(listBackups(empty.paths.backupsDir)).toEqual([]);
    empty.close();
  });

  it('moves a damaged database aside, names the newest good backup and the command, and never starts empty', async () => {
    const { app } = await appWithDocs({ 'a.txt': 'Testimony one.', 'b.txt': 'Testimony two.' });
    const good = await call(app.handlers, 'backups:create', {});
    const workspaceDir = app.workspace.dir;
    const database = app.workspace.paths.database;
    await app.close();
    // A newer backup that is itself damaged is skipped.
    const damagedBackup = path.join(path.dirname(database), 'backups', 'dossier-29990101T000000000Z-manual.sqlite');
    writeFileSync(damagedBackup, Buffer.alloc(4096, 1));
    writeFileSync(database, Buffer.alloc(16384, 7));

    let error: unknown;
    try {
      openApp(workspaceDir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DamagedDatabaseError);
    const message = (error as Error).message;
    expect(message).toContain('is damaged');
    expect(message).toContain(`dossier restore ${good.name}`);
    expect(readdirSync(workspaceDir).some((n) => /^dossier\.sqlite\.damaged-\d{8}T\d{9}Z$/.test(n))).toBe(true);
    expect(existsSync(database)).toBe(false);

    // Opening again does not create an empty investigation.
    expect(() => openApp(workspaceDir)).toThrow(/was damaged and moved aside/);
    expect(existsSync(database)).toBe(false);
    const list = await cli(workspaceDir, 'list');
    expect(list.code).toBe(1);
    expect(list.err).toContain(`dossier restore ${good.name}`);

    const restored = await cli(workspaceDir, 'restore');
    expect(restored.err).toBe('');
    expect(restored.out).toContain(`Restored ${good.name}`);
    expect(restored.code).toBe(0);
    const verify = await cli(workspaceDir, 'verify');
    expect(verify.out).toContain('OK: 2 documents');
  });

  it('in the app, asks before restoring the newest good backup over a damaged database, and opens it', async () => {
    const { app } = await appWithDocs({ 'a.txt': 'Testimony one.' });
    const good = await call(app.handlers, 'backups:create', {});
    const dir = app.workspace.dir;
    const database = app.workspace.paths.database;
    await app.close();
    writeFileSync(database, Buffer.alloc(8192, 3));
    const asked: string[] = [];
    expect(() => openAppWithRecovery(dir, {}, (message) => (asked.push(message), false))).toThrow(DamagedDatabaseError);
    expect(existsSync(database)).toBe(false);
    const reopened = openAppWithRecovery(dir, {}, (message, name) => (asked.push(`${name}: ${message}`), true));
    cleanups.push(() => reopened.close());
    expect(asked[0]).toContain('is damaged');
    expect(asked[1]).toContain(`${good.name}: The investigation's database dossier.sqlite was damaged and moved aside`);
    expect(await call(reopened.handlers, 'documents:list', {})).toHaveLength(1);
  });

  it('refuses to start empty when the database file is missing but backups exist', async () => {
    const { app } = await appWithDocs({ 'a.txt': 'Testimony.' });
    await call(app.handlers, 'backups:create', {});
    const dir = app.workspace.dir;
    await app.close();
    const { rmSync } = await import('node:fs');
    for (const s of ['', '-wal', '-shm']) rmSync(app.workspace.paths.database + s, { force: true });
    expect(() => openWorkspace(dir)).toThrow(/is missing, though backups of it exist.*dossier restore/);
  });

  it('backs up, lists and restores from the CLI', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const ws = path.join(dir, 'ws');
    const folder = writeFiles(dir, { 'a.txt': 'Report on forced labour in cotton fields.' });
    expect((await cli(ws, 'import', folder)).code).toBe(0);
    const backup = await cli(ws, 'backup');
    expect(backup.out).toMatch(/^Backed up to dossier-\d{8}T\d{9}Z-manual\.sqlite/);
    const name = /dossier-\S+\.sqlite/.exec(backup.out)![0];
    const list = await cli(ws, 'backups');
    expect(list.out).toContain(name);
    const restore = await cli(ws, 'restore', name);
    expect(restore.out).toContain(`Restored ${name}`);
    expect(restore.code).toBe(0);
  });

  it('on a full disk, a failed backup leaves earlier backups and the store byte-identical and says so in a sentence', async () => {
    const { app } = await appWithDocs({ 'a.txt': 'Testimony that must not be lost.' });
    const earlier = await call(app.handlers, 'backups:create', {});
    const earlierBytes = readFileSync(path.join(app.workspace.paths.backupsDir, earlier.name));
    app.workspace.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const storeBytes = readFileSync(app.workspace.paths.database);
    const full = async (_db: unknown, file: string) => {
      writeFileSync(file, Buffer.alloc(1024, 0)); // part of the copy got written
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const attempt = createBackup(app.workspace.db, app.workspace.paths, 'manual', {
      backup: full,
      now: () => new Date('2030-01-01T00:00:00Z'),
    });
    await expect(attempt).rejects.toBeInstanceOf(DossierError);
    const error = (await attempt.catch((e: unknown) => e)) as DossierError;
    expect(error.code).toBe('IO');
    expect(error.message).toBe(
      'Could not write the backup dossier-20300101T000000000Z-manual.sqlite: The disk is full. Free some space and try again; nothing was changed. Earlier backups and the investigation are unchanged.',
    );
    expect(listBackups(app.workspace.paths.backupsDir)).toEqual([earlier]);
    expect(readFileSync(path.join(app.workspace.paths.backupsDir, earlier.name)).equals(earlierBytes)).toBe(true);
    expect(backupTemporaries(app.workspace.paths.tmpDir)).toEqual([]);
    app.workspace.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(readFileSync(app.workspace.paths.database).equals(storeBytes)).toBe(true);
    expect(newestGoodBackup(app.workspace.paths.backupsDir)).toEqual(earlier);
  });
});
