import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import { createLockedFolder } from '../../../src/main/lock/lock-workspace.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';

const PASSPHRASE = 'quiet harbour lamp 12';
const encode = (s: string) => new TextEncoder().encode(s);
let root: ReturnType<typeof tempDir> | undefined;
afterEach(() => root?.cleanup());

it('a locked backup is sealed, restores over the in-memory store, and the restore survives a reopen (issue 20)', async () => {
  root = tempDir();
  const dir = path.join(root.dir, 'inv');
  createLockedFolder(dir, PASSPHRASE, { logN: 14, r: 8, p: 1 });
  let app = openApp(dir, {}, {}, { passphrase: PASSPHRASE });
  await call(app.handlers, 'documents:importData', { files: [{ name: 'kept.txt', data: encode('Kept testimony of Aigerim') }] });
  const backup = await call(app.handlers, 'backups:create', {});
  expect(readFileSync(path.join(dir, 'backups', backup.name)).includes('Aigerim')).toBe(false);
  await call(app.handlers, 'documents:importData', { files: [{ name: 'later.txt', data: encode('Later testimony of Bolat') }] });
  expect((await call(app.handlers, 'documents:list', {})).map((d) => d.title).sort()).toEqual([
    'Kept testimony of Aigerim',
    'Later testimony of Bolat',
  ]);

  const restored = await call(app.handlers, 'backups:restore', { name: backup.name });
  expect(restored.restored.name).toBe(backup.name);
  expect((await call(app.handlers, 'documents:list', {})).map((d) => d.title)).toEqual(['Kept testimony of Aigerim']);
  expect((await call(app.handlers, 'search:query', { query: 'Bolat' })).total).toBe(0);
  await app.close();

  app = openApp(dir, {}, {}, { passphrase: PASSPHRASE });
  try {
    expect((await call(app.handlers, 'documents:list', {})).map((d) => d.title)).toEqual(['Kept testimony of Aigerim']);
    // The safety backup taken before the restore holds the later state, sealed too.
    expect(readdirSync(path.join(dir, 'backups')).some((n) => n.includes('before-restore'))).toBe(true);
    expect((await call(app.handlers, 'workspace:verify', {})).ok).toBe(true);
  } finally {
    await app.close();
  }
});
