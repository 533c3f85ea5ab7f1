/**
 * Issue 21, item 6: two researchers' copies of one investigation, coded differently, merged both
 * ways give the same investigation; nothing of either is lost; authors are kept; conflicts are
 * listed; merging the same archive twice changes nothing.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../../../src/main/app/open-app.ts';
import { call, dispatch } from '../../../src/main/dispatch.ts';
import type { Database } from '../../../src/main/store/database.ts';
import { tagPaths } from '../../../src/main/team/merge/merge-tags.ts';
import type { MergeSummary } from '../../../src/shared/team.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';
import { archiveOf, baseArchive, codedCopies, copyFor, tagId } from '../../helpers/team-copies.ts';

/** What a user would compare: documents by text, tags by path, passages by place, author, note and tag paths, reports by title and quotes. */
function snapshot(db: Database) {
  const tags = db
    .prepare('SELECT id, name, parent_id, color, description, position, created_at FROM tags')
    .all() as unknown as Parameters<typeof tagPaths>[0];
  const paths = tagPaths(tags);
  const passages = db
    .prepare(
      `SELECT p.id, d.content_hash AS doc, p.start, p.end, p.author, p.note, p.exact,
         (SELECT group_concat(tag_id) FROM passage_tags WHERE passage_id = p.id) AS tags
       FROM passages p JOIN documents d ON d.id = p.document_id`,
    )
    .all() as {
    id: string;
    doc: string;
    start: number;
    end: number;
    author: string | null;
    note: string;
    exact: string;
    tags: string | null;
  }[];
  const passageKey = new Map(passages.map((p) => [p.id, `${p.doc.slice(0, 8)}:${p.start}-${p.end}:${p.author ?? 'unknown'}`]));
  return {
    documents: (
      db.prepare('SELECT content_hash, title FROM documents ORDER BY content_hash').all() as {
        content_hash: string;
        title: string;
      }[]
    ).map((d) => `${d.content_hash}:${d.title}`),
    tags: tags.map((t) => `${paths.get(t.id)} ${t.color} ${JSON.stringify(t.description)}`).sort(),
    passages: passages
      .map(
        (p) =>
          `${passageKey.get(p.id)} “${p.exact}” note=${JSON.stringify(p.note)} tags=${(p.tags ?? '')
            .split(',')
            .filter(Boolean)
            .map((id) => paths.get(id))
            .sort()
            .join('|')}`,
      )
      .sort(),
    reports: (db.prepare('SELECT title, body FROM reports').all() as { title: string; body: string }[])
      .map((r) => {
        const body = JSON.parse(r.body) as { sections: { heading: string; items: { passageId: string }[] }[] };
        return `${r.title}: ${body.sections.map((s) => `${s.heading}[${s.items.map((i) => passageKey.get(i.passageId) ?? 'missing').join(', ')}]`).join('; ')}`;
      })
      .sort(),
  };
}

describe('merging two researchers’ copies of one investigation', () => {
  const { dir, cleanup } = tempDir('dossier-merge-');
  let a: OpenedApp;
  let b: OpenedApp;
  let beforeA: ReturnType<typeof snapshot>;
  let beforeB: ReturnType<typeof snapshot>;
  let aIntoB: MergeSummary;
  let bIntoA: MergeSummary;
  let archiveA: string;
  let archiveB: string;

  beforeAll(async () => {
    ({ a, b } = await codedCopies(dir));
    beforeA = snapshot(a.workspace.db);
    beforeB = snapshot(b.workspace.db);
    archiveA = archiveOf(a, path.join(dir, 'aigerim.dossier'));
    archiveB = archiveOf(b, path.join(dir, 'bakyt.dossier'));
    bIntoA = (await call(a.handlers, 'team:merge', { path: archiveB })) as MergeSummary;
    aIntoB = (await call(b.handlers, 'team:merge', { path: archiveA })) as MergeSummary;
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    cleanup();
  });

  it('gives the same investigation whichever copy is merged into which', () => {
    expect(snapshot(a.workspace.db)).toEqual(snapshot(b.workspace.db));
  });

  it('loses nothing of either copy: every document, tag path, passage (with its author) and report is still there', () => {
    const merged = snapshot(a.workspace.db);
    const place = (p: string) => p.split(' “')[0]!;
    for (const before of [beforeA, beforeB]) {
      expect(merged.documents).toEqual(expect.arrayContaining(before.documents));
      for (const tag of before.tags) expect(merged.tags.map((t) => t.split(' ')[0])).toContain(tag.split(' ')[0]);
      for (const passage of before.passages) expect(merged.passages.map(place)).toContain(place(passage));
    }
    // Both researchers' passages, each with its author; the base's passage has no author ("unknown").
    const authors = merged.passages.map((p) => p.split(':')[2]!.split(' ')[0]);
    expect(authors.filter((x) => x === 'Aigerim')).toHaveLength(3);
    expect(authors.filter((x) => x === 'Bakyt')).toHaveLength(3);
    expect(authors.filter((x) => x === 'unknown')).toHaveLength(1);
    // The shared passage keeps both notes; the document both imported is there once.
    expect(merged.passages.find((p) => p.includes('took our shoes and our names'))).toContain(
      'Aigerim: also in the second statement\\n\\nBakyt: the shoes were burnt',
    );
    expect(merged.documents).toHaveLength(3);
    expect(merged.tags.map((t) => t.split(' ')[0])).toEqual([
      'Detention',
      'Detention/Conditions',
      'Detention/Legal',
      'Torture',
      'Witnesses',
    ]);
    expect(merged.reports).toEqual([expect.stringMatching(/^Findings: Torture\[[^\]]*Aigerim[^\]]*\]$/)]);
  });

  it('lists the conflicts for the user: the tag colour and the note both edited, in both directions alike', () => {
    for (const summary of [bIntoA, aIntoB]) {
      expect(summary.conflicts.map((c) => `${c.kind} ${c.what}`).sort()).toEqual([
        'passage note on “took our shoes and our names”',
        'tag Torture',
      ]);
    }
    expect(bIntoA.added).toMatchObject({ passages: 3, tags: 1 });
    expect(aIntoB.added).toMatchObject({ passages: 3, reports: 1 });
  });

  it('changes nothing when the same archive is merged again', async () => {
    const before = snapshot(a.workspace.db);
    const log = () => a.workspace.db.prepare('SELECT count(*) AS n, max(hash) AS h FROM custody_log').get();
    const logBefore = log();
    const again = (await call(a.handlers, 'team:merge', { path: archiveB })) as MergeSummary;
    expect(again).toMatchObject({ added: {}, updated: {}, conflicts: [] });
    expect(snapshot(a.workspace.db)).toEqual(before);
    expect(log()).toEqual(logBefore);
    // And the merged copy merged back into the other changes nothing either.
    const merged = archiveOf(a, path.join(dir, 'merged.dossier'));
    expect(await call(b.handlers, 'team:merge', { path: merged })).toMatchObject({ added: {}, updated: {}, conflicts: [] });
    expect(snapshot(b.workspace.db)).toEqual(before);
  });

  it('refuses what is not an archive with a sentence naming the file, and changes nothing', async () => {
    const before = snapshot(a.workspace.db);
    const result = await dispatch(a.handlers, 'team:merge', { path: path.join(dir, 'base', 'dossier.sqlite') });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^dossier\.sqlite was not merged: .*Nothing was changed\.$/) },
    });
    expect(snapshot(a.workspace.db)).toEqual(before);
  });
});

describe('merging copies that renamed a tag and edited one report differently', () => {
  const { dir, cleanup } = tempDir('dossier-merge-edits-');
  afterAll(cleanup);

  it('keeps both tag paths and both report versions, lists both conflicts, and agrees both ways', async () => {
    const archive = await baseArchive(dir);
    const a = copyFor(dir, archive, 'Aigerim');
    const b = copyFor(dir, archive, 'Bakyt');
    try {
      await call(a.handlers, 'tags:update', { id: await tagId(a, 'Torture'), name: 'Ill-treatment' });
      for (const [app, title] of [
        [a, 'Conditions (Aigerim)'],
        [b, 'Conditions (Bakyt)'],
      ] as const) {
        const report = await call(app.handlers, 'reports:create', {
          title: 'Conditions',
          fromTagIds: [await tagId(app, 'Conditions')],
        });
        // One report in both copies (as if made before the copies parted): the same id.
        app.workspace.db.prepare('UPDATE reports SET id = ? WHERE id = ?').run('6f9a1c2e-0000-4000-8000-000000000001', report.id);
        await call(app.handlers, 'reports:update', { id: '6f9a1c2e-0000-4000-8000-000000000001', title });
      }
      // Bakyt edited it later (fixed times: the test must not depend on the clock).
      a.workspace.db.prepare("UPDATE reports SET updated_at = '2026-01-01T00:00:00.000Z'").run();
      b.workspace.db.prepare("UPDATE reports SET updated_at = '2026-01-02T00:00:00.000Z'").run();
      const fromA = archiveOf(a, path.join(dir, 'a.dossier'));
      const fromB = archiveOf(b, path.join(dir, 'b.dossier'));
      const bIntoA = (await call(a.handlers, 'team:merge', { path: fromB })) as MergeSummary;
      const aIntoB = (await call(b.handlers, 'team:merge', { path: fromA })) as MergeSummary;
      expect(snapshot(a.workspace.db)).toEqual(snapshot(b.workspace.db));
      const merged = snapshot(a.workspace.db);
      expect(merged.tags.map((t) => t.split(' ')[0])).toEqual(expect.arrayContaining(['Ill-treatment', 'Torture']));
      // The later edit (Bakyt's) keeps the report; Aigerim's version is kept beside it.
      expect(merged.reports.map((r) => r.split(': ')[0]).sort()).toEqual([
        'Conditions (Aigerim) (other version)',
        'Conditions (Bakyt)',
      ]);
      for (const summary of [bIntoA, aIntoB]) {
        expect(summary.conflicts.map((c) => c.kind).sort()).toEqual(['report', 'tag']);
      }
      // Again: nothing changes.
      expect(await call(a.handlers, 'team:merge', { path: fromB })).toMatchObject({ added: {}, updated: {}, conflicts: [] });
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
