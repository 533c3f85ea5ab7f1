import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { tempDir, writeFiles } from '../../helpers/temp-workspace.ts';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
  } as unknown as Parameters<typeof runCli>[1];
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('dossier search', () => {
  const { dir, cleanup } = tempDir();
  const ws = path.join(dir, 'ws');
  afterAll(cleanup);

  it('searches with filters, and explains a malformed query in one line with a non-zero exit', async () => {
    const folder = writeFiles(dir, { 'a.txt': 'Guards woke the prisoners at night.', 'b.md': '# Night shift\n\nGuards changed at night.' });
    expect((await run(['import', folder, '--workspace', ws])).code).toBe(0);
    const all = await run(['search', 'guards', 'night', '--workspace', ws, '--json']);
    expect(JSON.parse(all.stdout).total).toBe(2);
    const md = await run(['search', 'guards', '--format', 'md', '--workspace', ws, '--json']);
    expect(JSON.parse(md.stdout).results.map((r: { format: string }) => r.format)).toEqual(['md']);
    const bad = await run(['search', 'title:', '--workspace', ws]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout.trim().split('\n')).toHaveLength(1);
    expect(bad.stdout).toContain('title:');
    expect((await run(['search', 'guards', '--from', '2020', '--workspace', ws, '--json'])).stdout).toContain('"total": 0');
  });
});
