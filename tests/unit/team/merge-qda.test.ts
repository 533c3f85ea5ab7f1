/**
 * Issue 21: a merge carries memos and document attributes. Two researchers' copies with different
 * memos and attribute values, merged both ways, give the same memos and values; the memo both
 * edited keeps both texts (the later on top) and is listed as a conflict; attributes are matched by
 * name case-insensitively; merging twice changes nothing.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import type { Database } from '../../../src/main/store/database.ts';
import type { MergeSummary } from '../../../src/shared/team.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';
import { archiveOf, baseArchive, copyFor, docId, tagId } from '../../helpers/team-copies.ts';

const STATEMENT = 'Statement of a released detainee';
const REPORT = 'NGO report on the camp';

/** What a user would compare: each memo by what it is about, with its author; each value by document title and attribute name. */
function snapshot(db: Database) {
  return {
    memos: (
      db
        .prepare(
          `SELECT m.scope, coalesce(d.title, t.name, '') AS about, m.author, m.body FROM memos m
           LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN tags t ON t.id = m.tag_id`,
        )
        .all() as { scope: string; about: string; author: string | null; body: string }[]
    )
      .map((m) => `${m.scope}:${m.about} by ${m.author ?? 'unknown'}: ${m.body}`)
      .sort(),
    attributes: (db.prepare('SELECT name, type, choices FROM attributes').all() as { name: string; type: string; choices: string }[])
      .map((a) => `${a.name} ${a.type} ${(JSON.parse(a.choices) as string[]).sort().join('|')}`)
      .sort(),
    values: (
      db
        .prepare(
          `SELECT d.title, a.name, v.value FROM document_attributes v JOIN documents d ON d.id = v.document_id
           JOIN attributes a ON a.id = v.attribute_id`,
        )
        .all() as { title: string; name: string; value: string }[]
    )
      .map((v) => `${v.title} / ${v.name} = ${v.value}`)
      .sort(),
  };
}

async function setValue(app: OpenedApp, title: string, attribute: string, value: string) {
  const attributes = await call(app.handlers, 'attributes:list', {});
  const id = attributes.find((a) => a.name === attribute)!.id;
  await call(app.handlers, 'attributes:set', { documentIds: [await docId(app, title)], attributeId: id, value });
}

describe('merging copies with different memos and document attributes', () => {
  const { dir, cleanup } = tempDir('dossier-merge-qda-');
  let a: OpenedApp;
  let b: OpenedApp;
  let archiveA: string;
  let archiveB: string;
  let bIntoA: MergeSummary;
  let aIntoB: MergeSummary;

  beforeAll(async () => {
    const base = await baseArchive(dir);
    a = copyFor(dir, base, 'Aigerim');
    b = copyFor(dir, base, 'Bakyt');
    // Memos: both wrote the investigation memo differently; each wrote one the other has not.
    await call(a.handlers, 'memos:save', { scope: 'investigation', body: 'Aigerim: focus on the gate guards.' });
    await call(b.handlers, 'memos:save', { scope: 'investigation', body: 'Bakyt: focus on the transfers.' });
    await call(a.handlers, 'memos:save', { scope: 'document', targetId: await docId(a, STATEMENT), body: 'Credible: details match.' });
    await call(b.handlers, 'memos:save', { scope: 'tag', targetId: await tagId(b, 'Torture'), body: 'Physical ill-treatment only.' });
    // Attributes: one defined by both (names differing in case), one by Aigerim only, a choice attribute with different values.
    await call(a.handlers, 'attributes:create', { name: 'Camp', type: 'text' });
    await call(b.handlers, 'attributes:create', { name: 'camp', type: 'text' });
    await call(a.handlers, 'attributes:create', { name: 'Reliability', type: 'choice', choices: ['reliable', 'unverified'] });
    await call(b.handlers, 'attributes:create', { name: 'Reliability', type: 'choice', choices: ['reliable', 'doubtful'] });
    await call(a.handlers, 'attributes:create', { name: 'Pages', type: 'number' });
    await setValue(a, STATEMENT, 'Camp', 'Ghulja');
    await setValue(b, STATEMENT, 'camp', 'Kashgar');
    await setValue(b, REPORT, 'camp', 'Ghulja');
    await setValue(a, STATEMENT, 'Reliability', 'unverified');
    await setValue(b, REPORT, 'Reliability', 'doubtful');
    await setValue(a, REPORT, 'Pages', '12');
    // Fixed edit times, so the test does not depend on the clock: Bakyt edited later.
    a.workspace.db.prepare("UPDATE memos SET updated_at = '2026-01-01T00:00:00.000Z'").run();
    b.workspace.db.prepare("UPDATE memos SET updated_at = '2026-01-02T00:00:00.000Z'").run();
    a.workspace.db.prepare("UPDATE document_attributes SET updated_at = '2026-01-01T00:00:00.000Z'").run();
    b.workspace.db.prepare("UPDATE document_attributes SET updated_at = '2026-01-02T00:00:00.000Z'").run();
    archiveA = archiveOf(a, path.join(dir, 'a.dossier'));
    archiveB = archiveOf(b, path.join(dir, 'b.dossier'));
    bIntoA = (await call(a.handlers, 'team:merge', { path: archiveB })) as MergeSummary;
    aIntoB = (await call(b.handlers, 'team:merge', { path: archiveA })) as MergeSummary;
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    cleanup();
  });

  it('gives the same memos, attributes and values whichever copy is merged into which', () => {
    expect(snapshot(a.workspace.db)).toEqual(snapshot(b.workspace.db));
  });

  it('keeps every memo with its author, both texts of the memo both edited (the later on top), and lists that conflict', () => {
    const { memos } = snapshot(a.workspace.db);
    expect(memos).toEqual([
      `document:${STATEMENT} by Aigerim: Credible: details match.`,
      'investigation: by Bakyt: Bakyt: focus on the transfers.\n\n---\n\n*Other version of this memo, by Aigerim, edited 2026-01-01T00:00:00.000Z:*\n\nAigerim: focus on the gate guards.',
      'tag:Torture by Bakyt: Physical ill-treatment only.',
    ]);
    for (const summary of [bIntoA, aIntoB]) {
      expect(summary.conflicts.filter((c) => c.kind === 'memo').map((c) => c.what)).toEqual(['the investigation memo']);
    }
  });

  it('matches attributes by name whatever the case, keeps the values of both choice lists, and keeps the later of two values', () => {
    const merged = snapshot(a.workspace.db);
    expect(merged.attributes).toHaveLength(3);
    expect(merged.attributes.find((x) => x.toLowerCase().startsWith('camp '))).toMatch(/^camp text $/i);
    expect(merged.attributes).toContain('Reliability choice doubtful|reliable|unverified');
    expect(merged.values).toEqual([
      expect.stringMatching(new RegExp(`^${REPORT} / camp = Ghulja$`, 'i')),
      `${REPORT} / Pages = 12`,
      `${REPORT} / Reliability = doubtful`,
      expect.stringMatching(new RegExp(`^${STATEMENT} / camp = Kashgar$`, 'i')),
      `${STATEMENT} / Reliability = unverified`,
    ]);
    for (const summary of [bIntoA, aIntoB]) {
      const listed = summary.conflicts.filter((c) => c.kind === 'attribute').map((c) => c.what.toLowerCase());
      expect(listed.sort()).toEqual([`camp of “${STATEMENT.toLowerCase()}”`, 'reliability']);
    }
  });

  it('changes nothing when the same archive is merged again, either way', async () => {
    for (const [app, archive] of [
      [a, archiveB],
      [b, archiveA],
    ] as const) {
      const before = snapshot(app.workspace.db);
      const again = (await call(app.handlers, 'team:merge', { path: archive })) as MergeSummary;
      expect(again).toMatchObject({ added: {}, updated: {} });
      // The one value the copies still hold differently is listed again (the archive still disagrees), and nothing changes.
      expect(again.conflicts.map((c) => c.kind)).not.toContain('memo');
      expect(snapshot(app.workspace.db)).toEqual(before);
    }
  });
});
