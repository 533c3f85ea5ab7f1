import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import { ALTERED_KEY_FILE, WRONG_PASSPHRASE, WRONG_RECOVERY_KEY } from '../../../src/main/lock/key-file.ts';
import { changePassphrase, createLockedFolder } from '../../../src/main/lock/lock-workspace.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';

const PASSPHRASE = 'correct horse battery staple';
const params = { logN: 14, r: 8, p: 1 };
const encode = (s: string) => new TextEncoder().encode(s);

/** Every file's name and SHA-256: "changes nothing" means this stays the same. */
function fingerprint(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((n) => path.join(dir, n))
    .filter((f) => statSync(f).isFile())
    .map((f) => `${path.relative(dir, f)}:${createHash('sha256').update(readFileSync(f)).digest('hex')}`)
    .sort();
}

const vault = (dir: string) => path.join(dir, 'vault');
const newest = (dir: string, kind: 'snapshot' | 'journal') => {
  const file = readdirSync(vault(dir))
    .filter((n) => n.startsWith(`${kind}-`))
    .sort()
    .at(-1)!;
  return path.join(vault(dir), file);
};

async function titles(dir: string, unlock: Parameters<typeof openApp>[3]): Promise<string[]> {
  const app = openApp(dir, {}, {}, unlock);
  try {
    return (await call(app.handlers, 'documents:list', {})).map((d) => d.title).sort();
  } finally {
    await app.close();
  }
}

function expectRefused(dir: string, unlock: Parameters<typeof openApp>[3], sentence: string | RegExp): void {
  const before = fingerprint(dir);
  expect(() => openApp(dir, {}, {}, unlock)).toThrow(sentence);
  expect(fingerprint(dir)).toEqual(before);
}

describe('a locked investigation refuses what is wrong and changes nothing (issue 20)', () => {
  let root: ReturnType<typeof tempDir>;
  let dir: string;
  let recoveryKey: string;
  /** A copy of the folder taken while two imports sat in the journal (the app still open): what a crash leaves. */
  let crashed: string;

  beforeEach(async () => {
    root = tempDir();
    dir = path.join(root.dir, 'inv');
    ({ recoveryKey } = createLockedFolder(dir, PASSPHRASE, params));
    const app = openApp(dir, {}, {}, { passphrase: PASSPHRASE });
    await call(app.handlers, 'documents:importData', {
      files: [{ name: 'one.txt', data: encode('First testimony of the witness') }],
    });
    await call(app.handlers, 'documents:importData', {
      files: [{ name: 'two.txt', data: encode('Second testimony about the camp') }],
    });
    crashed = path.join(root.dir, 'crashed');
    cpSync(dir, crashed, { recursive: true });
    await app.close();
  });
  afterEach(() => root.cleanup());

  it('a wrong passphrase is one sentence', () => {
    expectRefused(dir, { passphrase: 'correct horse battery stapler' }, WRONG_PASSPHRASE);
    expectRefused(dir, undefined, 'This investigation is locked. Give its passphrase to open it.');
  });

  it('the recovery key opens it; another key or a mistyped word is refused', async () => {
    expect(await titles(dir, { recoveryKey: recoveryKey.toUpperCase() })).toEqual([
      'First testimony of the witness',
      'Second testimony about the camp',
    ]);
    const other = createLockedFolder(path.join(root.dir, 'other'), PASSPHRASE, params).recoveryKey;
    expectRefused(dir, { recoveryKey: other }, WRONG_RECOVERY_KEY);
    const words = recoveryKey.split(' ');
    expectRefused(dir, { recoveryKey: [...words.slice(0, 11), 'zzzz'].join(' ') }, '"zzzz" is not a word of recovery keys');
    expectRefused(dir, { recoveryKey: words.slice(0, 11).join(' ') }, 'A recovery key is 12 words; this one has 11.');
  });

  it('a bit flipped in the snapshot or in a journal record is refused with a sentence', () => {
    const snapshot = newest(dir, 'snapshot');
    const bytes = readFileSync(snapshot);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x04;
    writeFileSync(snapshot, bytes);
    expectRefused(
      dir,
      { passphrase: PASSPHRASE },
      /The encrypted file snapshot-\d+\.bin of this locked investigation is damaged or was altered/,
    );

    const journal = newest(crashed, 'journal');
    const records = readFileSync(journal);
    expect(records.length).toBeGreaterThan(0);
    records[10] = records[10]! ^ 0x80;
    writeFileSync(journal, records);
    expectRefused(
      crashed,
      { passphrase: PASSPHRASE },
      /The encrypted file journal-\d+\.bin of this locked investigation is damaged or was altered/,
    );
  });

  it('the journal left by a crash (the app never closed) is replayed: every acknowledged import is there', async () => {
    expect(await titles(crashed, { passphrase: PASSPHRASE })).toEqual([
      'First testimony of the witness',
      'Second testimony about the camp',
    ]);
  });

  it('a truncated last record: everything before it opens, and the app says what was left out', async () => {
    const journal = newest(crashed, 'journal');
    truncateSync(journal, statSync(journal).size - 7);
    const app = openApp(crashed, {}, {}, { passphrase: PASSPHRASE });
    try {
      expect(app.workspace.lock?.warnings).toEqual([expect.stringContaining('had not finished saving')]);
      const docs = await call(app.handlers, 'documents:list', {});
      expect(docs.map((d) => d.title)).toContain('First testimony of the witness');
    } finally {
      await app.close();
    }
  });

  it('a tampered wrapped key is told apart from a wrong passphrase', () => {
    const file = path.join(vault(dir), 'lock.json');
    const keyFile = JSON.parse(readFileSync(file, 'utf8')) as { passphrase: { wrapped: string } };
    const wrapped = Buffer.from(keyFile.passphrase.wrapped, 'base64');
    wrapped[wrapped.length - 1] = wrapped[wrapped.length - 1]! ^ 1;
    keyFile.passphrase.wrapped = wrapped.toString('base64');
    writeFileSync(file, JSON.stringify(keyFile));
    expectRefused(dir, { passphrase: PASSPHRASE }, ALTERED_KEY_FILE);
    expectRefused(dir, { passphrase: 'another passphrase' }, WRONG_PASSPHRASE);
    writeFileSync(file, '{"format":"dossier-lock/1","kdf":{"name":"scrypt","logN":40}}');
    expectRefused(dir, { passphrase: PASSPHRASE }, ALTERED_KEY_FILE);
  });

  it('changing the passphrase re-wraps the key and leaves the data as it was', async () => {
    const snapshot = newest(dir, 'snapshot');
    const data = createHash('sha256').update(readFileSync(snapshot)).digest('hex');
    expect(() => changePassphrase(dir, { passphrase: 'not it at all' }, 'new passphrase here', params)).toThrow(WRONG_PASSPHRASE);
    changePassphrase(dir, { passphrase: PASSPHRASE }, 'new passphrase here', params);
    expect(createHash('sha256').update(readFileSync(snapshot)).digest('hex')).toBe(data);
    expectRefused(dir, { passphrase: PASSPHRASE }, WRONG_PASSPHRASE);
    expect(await titles(dir, { passphrase: 'new passphrase here' })).toHaveLength(2);
    // The recovery key still opens it after the change.
    expect(await titles(dir, { recoveryKey })).toHaveLength(2);
    expect(existsSync(path.join(dir, 'dossier.sqlite'))).toBe(false);
  });
});
