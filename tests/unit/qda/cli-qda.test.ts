import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { tempDir, writeFiles } from '../../helpers/temp-workspace.ts';
import { TEXT_A, TEXT_B } from './qda-fixture.ts';

describe('dossier memo, attribute, attributes, cooccurrence and matrix (issue 21)', () => {
  it('writes and reads memos, fills attributes and prints the co-occurrence table', async () => {
    const dir = tempDir();
    try {
      const ws = path.join(dir.dir, 'ws');
      const userData = path.join(dir.dir, 'user-data');
      const cli = async (...argv: string[]) => {
        let out = '';
        let err = '';
        const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } };
        const code = await runCli([...argv, '--workspace', ws, '--user-data', userData], io as never);
        return { code, out, err, json: () => JSON.parse(out) as Record<string, unknown> };
      };
      await cli('import', writeFiles(dir.dir, { 'a.txt': TEXT_A, 'b.txt': TEXT_B }));
      const docs = (await cli('list', '--json')).json().documents as { id: string; originalName: string }[];
      const a = docs.find((d) => d.originalName === 'a.txt')!.id;
      const b = docs.find((d) => d.originalName === 'b.txt')!.id;
      await cli('tag', '--doc', a, '--quote', 'beat the detainees', '--tag', 'Violence');
      await cli('tag', '--doc', a, '--quote', 'the detainees every night', '--tag', 'Night');
      await cli('tag', '--doc', b, '--quote', 'beaten and starved', '--tag', 'Violence');

      expect((await cli('memo', a)).out).toBe(`No memo on document ${a} yet.\n`);
      expect((await cli('memo', a, '--set', '# Reliability\n\nNames the guards.')).out).toMatch(/^Saved the memo on document/);
      expect((await cli('memo', a)).out).toMatch(/^# Reliability\n\nNames the guards\.\n\n\(updated \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)\n$/);
      expect((await cli('memo', '--tag', 'violence', '--set', 'Nightly beatings.')).out).toBe('Saved the memo on the tag "Violence" (17 characters).\n');
      expect((await cli('memo', '--investigation', '--set', 'Question: conditions.')).code).toBe(0);
      const memos = (await cli('memos', '--json')).json().memos as { scope: string }[];
      expect(memos.map((m) => m.scope)).toEqual(['investigation', 'tag', 'document']);
      const mdFile = path.join(dir.dir, 'memos.md');
      expect((await cli('memos', '--out', mdFile)).code).toBe(0);
      expect(readFileSync(mdFile, 'utf8')).toContain('## Tag memo: Violence');
      const both = await cli('memo', a, '--tag', 'Violence');
      expect([both.code, both.err]).toEqual([1, 'Error: Give one of: a document ID, --tag NAME, or --investigation.\n']);

      expect((await cli('attribute', 'create', 'Camp', '--type', 'choice', '--choices', 'Kashgar,Hotan')).out).toBe('Created the choice attribute "Camp" (Kashgar, Hotan).\n');
      expect((await cli('attribute', 'set', a, 'camp', 'hotan')).out).toBe('Camp: Hotan\n');
      expect((await cli('attribute', 'set', b, 'Camp', 'Kashgar')).code).toBe(0);
      const wrong = await cli('attribute', 'set', b, 'Camp', 'Aksu');
      expect([wrong.code, wrong.err]).toEqual([1, 'Error: "Aksu" is not one of the values of "Camp": Kashgar, Hotan.\n']);
      const missing = await cli('attribute', 'set', b, 'Gender', 'f');
      expect(missing.err).toMatch(/^Error: There is no attribute named "Gender"/);
      const table = (await cli('attributes', '--json')).json() as { rows: { documentId: string; values: Record<string, string> }[] };
      expect(table.rows.map((r) => Object.values(r.values)[0]).sort()).toEqual(['Hotan', 'Kashgar']);
      expect((await cli('attributes')).out).toContain('Camp: Hotan');
      // Attributes as search filters.
      const inHotan = (await cli('search', 'detainees', '--attr', 'Camp=Hotan', '--json')).json() as { results: { documentId: string }[] };
      expect(inHotan.results.map((r) => r.documentId)).toEqual([a]);
      const either = (await cli('search', 'detainees', '--attr', 'camp=Hotan', '--attr', 'Camp=Kashgar', '--json')).json() as { total: number };
      expect(either.total).toBe(2);
      expect((await cli('search', 'detainees', '--attr', 'Camp')).err).toBe('Error: --attr takes NAME=VALUE, NAME>=VALUE or NAME<=VALUE (not "Camp").\n');

      // Violence–Night: a1 and a2 overlap (1); in paragraphs and documents they share A's first paragraph (1).
      const overlap = (await cli('cooccurrence', '--json')).json() as { rows: { name: string }[]; counts: number[][] };
      expect(overlap.rows.map((r) => r.name)).toEqual(['Violence', 'Night']);
      expect(overlap.counts).toEqual([
        [2, 1],
        [1, 1],
      ]);
      const byDocument = (await cli('cooccurrence', '--unit', 'document', '--json')).json() as { counts: number[][] };
      expect(byDocument.counts).toEqual([
        [2, 1],
        [1, 1],
      ]);
      expect((await cli('cooccurrence')).out).toBe('          Violence  Night\nViolence         2      1\nNight            1      1\n');
      expect((await cli('cooccurrence', '--unit', 'sentence')).err).toBe('Error: --unit is one of overlap, paragraph, document.\n');
      const byCamp = (await cli('matrix', 'attribute', 'Camp', '--json')).json() as { columns: { label: string }[]; counts: number[][] };
      expect(byCamp.columns.map((c) => c.label)).toEqual(['Kashgar', 'Hotan']);
      expect(byCamp.counts).toEqual([
        [1, 1],
        [0, 1],
      ]);
      const csv = path.join(dir.dir, 'by-document.csv');
      expect((await cli('matrix', 'document', '--out', csv)).code).toBe(0);
      expect(readFileSync(csv, 'utf8')).toContain('Violence,1,1');
    } finally {
      dir.cleanup();
    }
  });
});
