import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { tempDir, writeFiles } from '../helpers/temp-workspace.ts';

describe('dossier CLI codebook commands', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

  async function cli(workspace: string, ...argv: string[]) {
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } };
    const code = await runCli([...argv, '--workspace', workspace], io as never);
    return { code, out, err };
  }

  it('lists, renames, merges and deletes tags by name', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ws = path.join(dir.dir, 'ws');
    await cli(ws, 'import', writeFiles(dir.dir, { 'a.txt': 'Guards beat detainees at night and gave them little food.' }));
    const id = JSON.parse((await cli(ws, 'list', '--json')).out).documents[0].id as string;
    await cli(ws, 'tag', '--doc', id, '--quote', 'beat detainees', '--tag', 'Beating');
    await cli(ws, 'tag', '--doc', id, '--quote', 'at night', '--tag', 'Violence');
    await cli(ws, 'tag', '--doc', id, '--quote', 'little food', '--tag', 'Food');
    expect((await cli(ws, 'tag-rename', 'Beating', 'Physical abuse')).out).toContain('Renamed to "Physical abuse"');
    expect((await cli(ws, 'tag-merge', 'Violence', 'Physical abuse')).out).toContain('which now has 2 passages');
    expect((await cli(ws, 'tag-delete', 'food')).out).toContain('Deleted "Food"; 1 passage lost it.');
    expect((await cli(ws, 'tags')).out).toBe('Physical abuse (2)\n');
    const missing = await cli(ws, 'tag-delete', 'Nothing');
    expect([missing.code, missing.err]).toEqual([1, 'Error: There is no tag named "Nothing".\n']);
  });
});
