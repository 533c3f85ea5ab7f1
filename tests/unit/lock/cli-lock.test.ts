import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { tempDir, writeFiles } from '../../helpers/temp-workspace.ts';

describe('dossier lock, unlock, passphrase change and --passphrase-file (issue 20)', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const workspace = path.join(dir, 'ws');
  const secret = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${text}\n`, { mode: 0o600 });
    return file;
  };
  const pass = secret('pass.txt', 'amber owl quietly 42');
  const newPass = secret('new-pass.txt', 'second amber owl 43');
  const run = async (args: string[], prompt?: (q: string) => Promise<string>) => {
    const c = captureIo();
    const code = await runCli([...args, '--workspace', workspace], { ...c.io, prompt, lockParams: { logN: 14, r: 8, p: 1 } });
    return { code, out: c.out(), err: c.err() };
  };

  it('locks an investigation, then every command needs the passphrase from a file or a prompt', async () => {
    const folder = writeFiles(dir, { 'w.txt': 'Testimony of Nurlan Qasymov\n\nHe signed the pledge of silence in Ghulja.' });
    expect((await run(['import', folder])).code).toBe(0);
    const locked = await run(['lock', '--passphrase-file', pass, '--json']);
    expect(locked.code).toBe(0);
    const { recoveryKey } = JSON.parse(locked.out) as { recoveryKey: string };
    expect(recoveryKey.split(' ')).toHaveLength(12);
    expect(readdirSync(workspace).filter((n) => n.startsWith('dossier.sqlite'))).toEqual([]);

    const refused = await run(['search', 'Qasymov']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('This investigation is locked: give --passphrase-file FILE');

    const found = await run(['search', 'Qasymov', '--passphrase-file', pass]);
    expect(found.code).toBe(0);
    expect(found.out).toContain('Testimony of Nurlan Qasymov');
    const prompted: string[] = [];
    const asked = await run(['list'], (q) => (prompted.push(q), Promise.resolve('amber owl quietly 42')));
    expect(prompted).toEqual(['Passphrase: ']);
    expect(asked.out).toContain('Testimony of Nurlan Qasymov');
    const wrong = await run(['list'], () => Promise.resolve('amber owl quietly 41'));
    expect(wrong.err).toContain('The passphrase is wrong.');

    const recoveryFile = secret('recovery.txt', recoveryKey);
    expect((await run(['unlock', '--recovery-key-file', recoveryFile])).out).toContain(
      'The recovery key opens this investigation.',
    );
    expect((await run(['passphrase', 'change', '--passphrase-file', pass, '--new-passphrase-file', newPass])).code).toBe(0);
    expect((await run(['list', '--passphrase-file', pass])).err).toContain('The passphrase is wrong.');
    expect((await run(['list', '--passphrase-file', newPass])).out).toContain('Testimony of Nurlan Qasymov');
    // Lost passphrase: the recovery key sets a new one.
    expect((await run(['unlock', '--recovery-key-file', recoveryFile, '--new-passphrase-file', pass])).code).toBe(0);
    expect((await run(['list', '--passphrase-file', pass])).out).toContain('Testimony of Nurlan Qasymov');

    const archive = path.join(dir, 'out.dossier');
    expect((await run(['export-investigation', '--out', archive, '--passphrase-file', pass])).code).toBe(0);
    expect(existsSync(archive)).toBe(true);
    const empty = secret('empty.txt', '');
    expect((await run(['list', '--passphrase-file', empty])).err).toContain(`The passphrase file ${empty} is empty`);
  }, 60_000);
});
