/**
 * Issue 21 through the command line: `--researcher`, `researcher`, `import FILE.qdpx`, `merge` and
 * `agreement --json` with its percent, kappa and alpha fields, as a user would run them.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';
import { buildQdpx } from '../../fixtures/qdpx/build-qdpx.ts';
import { openSettings } from '../../../src/main/settings/settings-store.ts';

describe('dossier CLI: researcher, REFI-QDA import, merge, agreement', () => {
  const { dir, cleanup } = tempDir('dossier-cli-team-');
  afterAll(cleanup);
  const userData = path.join(dir, 'user');
  const run = async (workspace: string, ...args: string[]) => {
    const c = captureIo();
    const code = await runCli([...args, '--workspace', path.join(dir, workspace), '--user-data', userData], c.io);
    return { code, out: c.out(), err: c.err(), json: () => JSON.parse(c.out()) as Record<string, unknown> };
  };
  const statement = path.join(dir, 'statement.txt');

  beforeAll(() => {
    writeFileSync(statement, 'Statement of K.\n\nThe guards beat us every night and took our shoes in the morning.');
  });

  it('codes under the name given with --researcher, else the investigation’s, and lists passages with their author', async () => {
    expect((await run('one', 'import', statement)).code).toBe(0);
    const doc = ((await run('one', 'list', '--json')).json().documents as { id: string }[])[0]!.id;
    expect(
      (await run('one', 'tag', '--doc', doc, '--quote', 'The guards beat us', '--tag', 'Torture', '--researcher', 'Aigerim'))
        .code,
    ).toBe(0);
    expect((await run('one', 'researcher', 'Bakyt')).out).toBe('This investigation’s researcher: Bakyt.\n'.replace('’', "'"));
    expect((await run('one', 'tag', '--doc', doc, '--quote', 'every night and took our shoes', '--tag', 'Torture')).code).toBe(0);
    const listed = await run('one', 'passages');
    expect(listed.out).toMatch(/\{Torture\} {2}by Aigerim\n {4}“The guards beat us”/);
    expect(listed.out).toMatch(/\{Torture\} {2}by Bakyt\n {4}“every night and took our shoes”/);
    const agreement = await run('one', 'agreement', '--tag', 'Torture', '--json');
    expect(agreement.code).toBe(0);
    const figures = agreement.json();
    expect(Object.keys(figures)).toEqual(expect.arrayContaining(['percent', 'kappa', 'alpha']));
    expect(figures.coders).toEqual(['Aigerim', 'Bakyt']);
    // Units: "StatementofK." 13 + the sentence's 53 non-space characters = 66. "The guards beat us" (15)
    // Aigerim only; "every night and took our shoes" (25) Bakyt only; nothing both; 26 neither.
    expect(figures.counts).toEqual({ both: 0, firstOnly: 15, secondOnly: 25, neither: 26 });
    expect(figures.percent).toBeCloseTo(26 / 66, 10);
    const text = (await run('one', 'agreement', '--tag', 'Torture')).out;
    expect(text).toMatch(
      /^Agreement on “Torture” between Aigerim and Bakyt over 1 document both coded:\n {2}percentage agreement 39\.4 %/,
    );
    expect((await run('one', 'agreement', '--tag', 'Nothing')).err).toBe('Error: There is no tag named "Nothing".\n');
  });

  it('writes memos under the same researcher name as passages: --researcher, else the investigation’s', async () => {
    expect((await run('memos', 'import', statement)).code).toBe(0);
    const doc = ((await run('memos', 'list', '--json')).json().documents as { id: string }[])[0]!.id;
    expect((await run('memos', 'memo', doc, '--set', 'Credible: names the guards.', '--researcher', 'Aigerim')).code).toBe(0);
    expect((await run('memos', 'memo', doc)).out).toMatch(/^Credible: names the guards\.\n\n\(Aigerim, updated /);
    await run('memos', 'researcher', 'Bakyt');
    expect((await run('memos', 'memo', '--investigation', '--set', 'Question: the night beatings.')).code).toBe(0);
    expect((await run('memos', 'memos', '--json')).json().memos).toMatchObject([
      { scope: 'investigation', author: 'Bakyt' },
      { scope: 'document', author: 'Aigerim' },
    ]);
  });

  it('falls back to the name in Settings when neither the command nor the investigation names one', async () => {
    openSettings(userData).update({ researcherName: 'Gulnara' });
    expect((await run('three', 'import', statement)).code).toBe(0);
    const doc = ((await run('three', 'list', '--json')).json().documents as { id: string }[])[0]!.id;
    expect((await run('three', 'researcher')).out).toBe(
      "No researcher name set for this investigation; Settings' name applies: Gulnara.\n",
    );
    await run('three', 'tag', '--doc', doc, '--quote', 'took our shoes', '--tag', 'Theft');
    expect((await run('three', 'passages', '--json')).json().passages).toMatchObject([
      { author: 'Gulnara', exact: 'took our shoes' },
    ]);
    openSettings(userData).update({ researcherName: '' });
  });

  it('imports a .qdpx with `import` and merges a colleague’s archive with `merge`, twice without change', async () => {
    const qdpx = path.join(dir, 'project.qdpx');
    writeFileSync(qdpx, buildQdpx('qualcoder').bytes);
    const imported = await run('two', 'import', qdpx, '--json');
    expect(imported.code).toBe(0);
    expect((imported.json().notes as string[]).find((n) => n.includes('verified'))).toMatch(/5 verified against their quote\.$/);
    const archive = path.join(dir, 'two.dossier');
    expect((await run('two', 'export-investigation', '--out', archive)).code).toBe(0);
    const merged = await run('one', 'merge', archive, '--json');
    expect(merged.code).toBe(0);
    // The merged documents are found by search.
    expect(((await run('one', 'search', 'prayed', '--json')).json().results as { title: string }[]).map((r) => r.title)).toEqual([
      'Testimony of A.',
    ]);
    // Torture existed here already: matched by path, not added twice; its two colours are a conflict listed.
    expect(merged.json()).toMatchObject({
      added: { documents: 2, tags: 3, passages: 5, memos: 2 },
      conflicts: [{ kind: 'tag', what: 'Torture', theirs: '#cc3333' }],
    });
    expect((await run('one', 'merge', archive)).out).toBe('Merged two.dossier: added nothing; updated nothing.\n');
    expect(
      (await run('one', 'agreement', '--tag', 'Torture', '--coders', 'Aigerim,Bakyt', '--json')).json().documents,
    ).toHaveLength(2);
  });
});
