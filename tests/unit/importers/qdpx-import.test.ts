/**
 * Issue 21, item 5: REFI-QDA projects in the shapes QualCoder, ATLAS.ti, MAXQDA and NVivo write
 * (tests/fixtures/qdpx/build-qdpx.ts), each valid against the REFI-QDA schema, imported through the
 * same `documents:import` as any file: documents, codebook tree, codings with their coders, notes;
 * every coding checked against its quote, and the ones that do not match flagged.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import { tagPaths } from '../../../src/main/team/merge/merge-tags.ts';
import { buildQdpx, CODINGS, type QdpxShape } from '../../fixtures/qdpx/build-qdpx.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';

const XSD = path.resolve('tests/fixtures/refi-qda-project-1.0.xsd');

describe('REFI-QDA project import', () => {
  const { dir, cleanup } = tempDir('dossier-qdpx-');
  const apps: OpenedApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    cleanup();
  });
  const fresh = (name: string) => {
    const app = openApp(path.join(dir, name));
    apps.push(app);
    return app;
  };
  const tagTree = (app: OpenedApp) => {
    const rows = app.workspace.db
      .prepare('SELECT id, name, parent_id, color, description, position, created_at FROM tags')
      .all() as unknown as Parameters<typeof tagPaths>[0];
    const paths = tagPaths(rows);
    return { paths, list: rows.map((t) => `${paths.get(t.id)} ${t.color}`).sort() };
  };

  for (const shape of ['qualcoder', 'atlas', 'maxqda', 'nvivo'] as QdpxShape[]) {
    it(`imports a ${shape}-shaped project valid against the schema: documents, codebook, every coding on its quote with its coder, notes`, async () => {
      const built = buildQdpx(shape);
      const qdeFile = path.join(dir, `${shape}.qde`);
      writeFileSync(qdeFile, built.qde);
      execFileSync('xmllint', ['--noout', '--schema', XSD, qdeFile], { stdio: 'pipe' });
      const file = path.join(dir, `${shape}.qdpx`);
      writeFileSync(file, built.bytes);

      const app = fresh(shape);
      const summary = await call(app.handlers, 'documents:import', { paths: [file] });
      expect(summary.failed).toEqual([]);
      expect(summary.imported.map((d) => d.title).sort()).toEqual(['Report of the lawyer', 'Testimony of A.']);

      // The texts are kept as the project stores them (line ends included), without a BOM.
      const docs = await call(app.handlers, 'documents:list', {});
      const testimony = await call(app.handlers, 'documents:get', { id: docs.find((d) => d.title === 'Testimony of A.')!.id });
      expect(testimony.text).toBe(built.texts.testimony);

      const tree = tagTree(app);
      // A code without a colour takes one of Dossier's palette.
      expect(tree.list.map((t) => t.replace(/^(Family not told) #[0-9a-f]{6}$/, '$1 (palette)'))).toEqual([
        'Detention #3366cc',
        'Detention/Conditions #33aa55',
        'Family not told (palette)',
        'Torture #cc3333',
      ]);

      // One passage per coder of each selection, on exactly its quote, with the coder as author.
      const passages = await call(app.handlers, 'passages:list', {});
      const found = passages.map((p) => `${p.author} “${p.exact}” ${p.tagIds.map((id) => tree.paths.get(id)).join(',')}`).sort();
      const expected = CODINGS.flatMap((c) =>
        shape === 'maxqda' && 'description' in c
          ? [`Bakyt “${c.quote}” `] // an annotation: the note, no code
          : c.codes.map(
              ([user, code]) =>
                `${user === 'aigerim' ? 'Aigerim' : 'Bakyt'} “${c.quote}” ${{ conditions: 'Detention/Conditions', torture: 'Torture', family: 'Family not told' }[code]}`,
            ),
      ).sort();
      expect(found).toEqual(expected);
      for (const p of passages)
        expect(testimony.text.slice(p.start, p.end) === p.exact || p.documentId !== testimony.id).toBe(true);

      // Quotes: checked for the tools that write them; never a mismatch here.
      const line = summary.notes!.find((n) => n.includes('verified'))!;
      if (shape === 'qualcoder' || shape === 'atlas') expect(line).toMatch(/from 5 codings; 5 verified against their quote\.$/);
      else expect(line).toMatch(/0 verified against their quote, \d without a quote to check\.$/);
      expect(line).not.toMatch(/NOT matching/);

      // Notes: the selection's note and description join the passage; the code's and the source's become their memos.
      const note = passages.find((p) => p.exact === 'нас били каждый вечер')!.note;
      expect(note).toBe('Translated by B.: “they beat us every evening”.');
      expect(passages.find((p) => p.exact === 'we prayed in secret')!.note).toBe('Prayer forbidden in the camp');
      const memos = (await call(app.handlers, 'memos:list', {})).map((m) => `${m.scope} ${m.targetLabel}: ${m.body} (${m.author})`);
      expect(memos.sort()).toEqual([
        'document Testimony of A.: Project memo: interviews done in Almaty, 2020. (Bakyt)',
        expect.stringMatching(/^tag .+: Code memo: include transit centres\. \(Bakyt\)$/),
      ]);
      expect(app.workspace.db.prepare('SELECT count(*) AS n FROM imported_notes').get()).toEqual({ n: 0 });
      // Each document entered the chain of custody, and the integrity check finds every passage on its text.
      expect(app.workspace.db.prepare("SELECT count(*) AS n FROM custody_log WHERE kind = 'import'").get()).toEqual({ n: 2 });
      expect(await call(app.handlers, 'workspace:verify', {})).toMatchObject({ ok: true, passagesChecked: passages.length });
      expect(testimony.reviewFlags.filter((f) => f.startsWith('REFI-QDA'))).toEqual(
        shape === 'maxqda' || shape === 'nvivo' ? [expect.stringContaining('without a quote')] : [],
      );
    });
  }

  it('flags the codings whose positions do not match their quote (QualCoder issue #37), and still imports the rest', async () => {
    const built = buildQdpx('qualcoder');
    // Shift one selection by two characters, as a tool that mis-counts line ends would.
    const qde = built.qde.replace(
      /(name="The guards beat those who were caught\." startPosition=")(\d+)(" endPosition=")(\d+)/,
      (_m, a, s, b, e) => `${a}${Number(s) + 2}${b}${Number(e) + 2}`,
    );
    const { strToU8, unzipSync, zipSync } = await import('fflate');
    const files = unzipSync(built.bytes);
    files['project.qde'] = strToU8(qde);
    const file = path.join(dir, 'shifted.qdpx');
    writeFileSync(file, zipSync(files));
    const app = fresh('shifted');
    const summary = await call(app.handlers, 'documents:import', { paths: [file] });
    expect(summary.notes!.find((n) => n.includes('verified'))).toMatch(/3 verified against their quote, 2 NOT matching/);
    const doc = (await call(app.handlers, 'documents:list', {})).find((d) => d.title === 'Testimony of A.')!;
    expect(doc.reviewFlags).toEqual([
      expect.stringMatching(
        /^REFI-QDA import: 1 coding\(s\) do not match their quote \(positions read as code points\): \d+–\d+: expected “The guards beat those who were caught\.”, found “e guards beat those who were caught\. ”$/,
      ),
    ]);
    // The other codings of the project are in place.
    const passages = await call(app.handlers, 'passages:list', {});
    expect(passages.map((p) => p.exact)).toEqual(
      expect.arrayContaining(['we prayed in secret', 'нас били каждый вечер', 'The family was never told where he was held.']),
    );
  });

  it('round-trips Dossier’s own export: texts, codebook, passages, notes and offsets (astral characters included), every coding verified', async () => {
    const source = fresh('export-source');
    const text = 'Witness 𝔸 statement\n\nThe guards 🙏 took our shoes. Лагерь: нас били. They counted us twice a day.';
    const { imported } = await call(source.handlers, 'documents:importData', {
      files: [{ name: 'w.txt', data: new TextEncoder().encode(text) }],
    });
    const doc = await call(source.handlers, 'documents:get', { id: imported[0]!.id });
    const parent = await call(source.handlers, 'tags:create', {
      name: 'Detention',
      color: '#123456',
      description: 'Where and how',
    });
    const child = await call(source.handlers, 'tags:create', { name: 'Shoes', parentId: parent.id });
    const at = (q: string) => ({ start: doc.text.indexOf(q), end: doc.text.indexOf(q) + q.length });
    await call(source.handlers, 'passages:create', {
      documentId: doc.id,
      ...at('took our shoes'),
      tagIds: [child.id],
      note: 'see also the second statement',
    });
    await call(source.handlers, 'passages:create', { documentId: doc.id, ...at('нас били'), tagIds: [parent.id] });
    await call(source.handlers, 'passages:create', {
      documentId: doc.id,
      ...at('They counted us twice a day.'),
      tagIds: [parent.id, child.id],
    });
    // Issue 21: memos on the document, a tag and the investigation, and attributes of every type, survive too.
    await call(source.handlers, 'memos:save', { scope: 'document', targetId: doc.id, body: '# Witness\n\n- credible\n- seen twice' });
    await call(source.handlers, 'memos:save', { scope: 'tag', targetId: child.id, body: 'Shoes taken at intake.' });
    await call(source.handlers, 'memos:save', { scope: 'investigation', body: 'Camp inquiry, 2020–2021.' });
    const values: [string, 'text' | 'number' | 'date' | 'choice', string, string[]?][] = [
      ['Camp', 'text', 'Ghulja'],
      ['Age', 'number', '34'],
      ['Interviewed', 'date', '2020-05-01'],
      ['Reliability', 'choice', 'mostly reliable', ['reliable', 'mostly reliable', 'unverified']],
    ];
    for (const [name, type, value, choices] of values) {
      const attribute = await call(source.handlers, 'attributes:create', { name, type, ...(choices ? { choices } : {}) });
      await call(source.handlers, 'attributes:set', { documentIds: [doc.id], attributeId: attribute.id, value });
    }
    const report = await call(source.handlers, 'reports:create', { title: 'Round trip', fromTagIds: [parent.id, child.id] });
    const file = path.join(dir, 'round.qdpx');
    await call(source.handlers, 'reports:export', {
      id: report.id,
      format: 'qdpx',
      path: file,
      redact: { emails: false, phones: false, terms: [] },
    });

    const target = fresh('export-target');
    const summary = await call(target.handlers, 'documents:import', { paths: [file] });
    expect(summary.failed).toEqual([]);
    expect(summary.notes!.find((n) => n.includes('verified'))).toMatch(
      /3 passages from 4 codings; 4 verified against their quote\.$/,
    );
    const [copy] = await call(target.handlers, 'documents:list', {});
    const full = await call(target.handlers, 'documents:get', { id: copy!.id });
    expect(full.text).toBe(doc.text);
    expect(full.title).toBe(doc.title);
    const sourceTags = tagTree(source).list;
    expect(tagTree(target).list).toEqual(sourceTags);
    expect((await call(target.handlers, 'tags:list', {})).find((t) => t.name === 'Detention')!.description).toBe('Where and how');
    const shape = async (app: OpenedApp) => {
      const tree = tagTree(app);
      return (await call(app.handlers, 'passages:list', {}))
        .map(
          (p) =>
            `${p.start}-${p.end} “${p.exact}” ${JSON.stringify(p.note)} ${p.tagIds
              .map((id) => tree.paths.get(id))
              .sort()
              .join(',')}`,
        )
        .sort();
    };
    expect(await shape(target)).toEqual(await shape(source));
    const memos = async (app: OpenedApp) =>
      (await call(app.handlers, 'memos:list', {})).map((m) => `${m.scope} ${m.targetLabel ?? ''}: ${m.body}`).sort();
    expect(await memos(target)).toEqual(await memos(source));
    expect(await memos(target)).toHaveLength(3);
    const table = async (app: OpenedApp) => {
      const t = await call(app.handlers, 'attributes:table', {});
      return {
        attributes: t.attributes.map((x) => `${x.name} ${x.type} ${x.choices.join('|')}`),
        values: t.rows.map((r) => `${r.title}: ${t.attributes.map((x) => `${x.name}=${r.values[x.id] ?? ''}`).join(', ')}`),
      };
    };
    expect(await table(target)).toEqual(await table(source));
    expect((await table(target)).values).toEqual([`${doc.title}: Camp=Ghulja, Age=34, Interviewed=2020-05-01, Reliability=mostly reliable`]);
  });

  it('appends a note to a memo already there, under a heading naming its title and author, and not twice', async () => {
    const file = path.join(dir, 'append.qdpx');
    writeFileSync(file, buildQdpx('qualcoder').bytes);
    const app = fresh('append');
    const detention = await call(app.handlers, 'tags:create', { name: 'Detention' });
    await call(app.handlers, 'memos:save', { scope: 'tag', targetId: detention.id, body: 'Our own memo.', author: 'Aigerim' });
    await call(app.handlers, 'documents:import', { paths: [file] });
    await call(app.handlers, 'documents:import', { paths: [file] });
    const memo = await call(app.handlers, 'memos:get', { scope: 'tag', targetId: detention.id });
    expect(memo).toMatchObject({ author: 'Aigerim', body: 'Our own memo.\n\n## Memo (Bakyt)\n\nCode memo: include transit centres.' });
  });
});
