import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/main/store/database.ts';
import { MIGRATIONS } from '../../src/main/store/migrations.ts';
import { openWorkspace } from '../../src/main/store/workspace.ts';
import { tempDir } from '../helpers/temp-workspace.ts';

describe('store', () => {
  const dirs: (() => void)[] = [];
  afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));

  it('creates every table, in WAL mode with foreign keys on, at the latest schema version', () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['documents', 'originals', 'tags', 'passages', 'passage_tags', 'reports']));
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('reopens an existing store without re-running migrations and keeps its data', () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const first = openWorkspace(dir);
    first.db.prepare("INSERT INTO tags(id, name, color, created_at) VALUES ('t1', 'Torture', '#ff0000', 'now')").run();
    first.close();
    const second = openWorkspace(dir);
    expect(second.db.prepare('SELECT name FROM tags').all()).toEqual([{ name: 'Torture' }]);
    second.close();
  });

  it('refuses a store written by a newer version instead of damaging it', () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const file = path.join(dir, 'db.sqlite');
    const db = openDatabase(file);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer Dossier/);
  });

  it('sweeps temporaries left by an interrupted write when the workspace opens', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const ws = openWorkspace(dir);
    const { writeFileSync, existsSync } = await import('node:fs');
    const leftover = path.join(ws.paths.tmpDir, 'export.pdf.tmp');
    writeFileSync(leftover, 'half');
    ws.close();
    openWorkspace(dir).close();
    expect(existsSync(leftover)).toBe(false);
  });
});
