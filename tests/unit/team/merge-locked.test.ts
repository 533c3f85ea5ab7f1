/**
 * Issue 20 meets issue 21: a locked investigation's archive merges only with its passphrase. Without
 * one it is refused with a sentence saying so; with a wrong one, refused with a sentence; in both
 * cases nothing of the open investigation changes and no staging copy is left in tmp/. With the
 * right passphrase (a file, or asked at a terminal) it merges like any archive.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';

describe('dossier merge of a locked archive', () => {
  const { dir, cleanup } = tempDir('dossier-merge-locked-');
  afterAll(cleanup);
  const secret = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${text}\n`, { mode: 0o600 });
    return file;
  };
  const pass = secret('pass.txt', 'amber owl quietly 42');
  const wrongPass = secret('wrong.txt', 'amber owl quietly 41');
  const run = async (workspace: string, args: string[], prompt?: (q: string) => Promise<string>) => {
    const c = captureIo();
    const code = await runCli([...args, '--workspace', path.join(dir, workspace), '--user-data', path.join(dir, 'user')], {
      ...c.io,
      prompt,
      lockParams: { logN: 14, r: 8, p: 1 },
    });
    return { code, out: c.out(), err: c.err(), json: () => JSON.parse(c.out()) as Record<string, unknown> };
  };
  const statement = path.join(dir, 'statement.txt');
  writeFileSync(statement, 'Statement of K.\n\nThe guards beat us every night and took our shoes in the morning.');

  it('refuses without or with a wrong passphrase, changing nothing, and merges with the right one', async () => {
    // Bakyt's copy, coded and with a memo, then locked and exported (a locked archive).
    expect((await run('bakyt', ['import', statement])).code).toBe(0);
    const doc = ((await run('bakyt', ['list', '--json'])).json().documents as { id: string }[])[0]!.id;
    await run('bakyt', ['tag', '--doc', doc, '--quote', 'took our shoes', '--tag', 'Theft', '--researcher', 'Bakyt']);
    await run('bakyt', ['memo', doc, '--set', 'Shoes taken at intake.', '--researcher', 'Bakyt']);
    expect((await run('bakyt', ['lock', '--passphrase-file', pass])).code).toBe(0);
    const archive = path.join(dir, 'bakyt.dossier');
    const exported = await run('bakyt', ['export-investigation', '--out', archive, '--passphrase-file', pass]);
    expect(exported.code, exported.err).toBe(0);

    // Aigerim's plain copy.
    expect((await run('aigerim', ['import', statement])).code).toBe(0);
    const own = ((await run('aigerim', ['list', '--json'])).json().documents as { id: string }[])[0]!.id;
    expect((await run('aigerim', ['tag', '--doc', own, '--quote', 'The guards beat us', '--tag', 'Torture', '--researcher', 'Aigerim'])).code).toBe(0);
    const state = async () => ({
      passages: (await run('aigerim', ['passages', '--json'])).json().passages,
      memos: (await run('aigerim', ['memos', '--json'])).json().memos,
    });
    const before = await state();
    const tmp = () => readdirSync(path.join(dir, 'aigerim', 'tmp')).filter((n) => n.startsWith('merge-'));

    const without = await run('aigerim', ['merge', archive]);
    expect([without.code, without.err]).toEqual([
      1,
      'Error: bakyt.dossier is an archive of a locked investigation: it merges only with its passphrase or recovery key. Nothing was changed. Give --passphrase-file FILE or --recovery-key-file FILE, or run the command in a terminal to be asked.\n',
    ]);
    const wrong = await run('aigerim', ['merge', archive, '--passphrase-file', wrongPass]);
    expect([wrong.code, wrong.err]).toEqual([1, expect.stringMatching(/^Error: The passphrase is wrong\. Nothing was opened or changed/)]);
    expect(await state()).toEqual(before);
    expect(tmp()).toEqual([]);

    const merged = await run('aigerim', ['merge', archive, '--passphrase-file', pass, '--json']);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.json()).toMatchObject({ added: { passages: 1, memos: 1, tags: 1 } });
    const after = await state();
    expect(after.passages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ exact: 'took our shoes', author: 'Bakyt' }),
        expect.objectContaining({ exact: 'The guards beat us', author: 'Aigerim' }),
      ]),
    );
    expect(after.memos).toMatchObject([{ scope: 'document', body: 'Shoes taken at intake.', author: 'Bakyt' }]);
    expect(tmp()).toEqual([]);

    // At a terminal the passphrase is asked for; merging again changes nothing.
    const asked: string[] = [];
    const again = await run('aigerim', ['merge', archive], (q) => (asked.push(q), Promise.resolve('amber owl quietly 42')));
    expect(asked).toEqual(['Passphrase: ']);
    expect(again.out).toBe('Merged bakyt.dossier: added nothing; updated nothing.\n');
  }, 60_000);
});
