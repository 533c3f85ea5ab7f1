import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { configureConnection, openDatabase, type Database } from '../../../src/main/store/database.ts';
import { libraryPage } from '../../../src/main/store/library-query.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations.ts';
import type { LibraryPageInput, LibrarySort } from '../../../src/shared/library.ts';
import { seededRandom } from '../../../scripts/seeded-random.ts';
import { insertCorpus, type CorpusDocument } from '../search/corpus.ts';
import { tempApp, tempDir } from '../../helpers/temp-workspace.ts';

/**
 * Issue 17, the library at 100,000 documents: windows are walked from the nearest row whose place is
 * known (the end, or a row of an earlier window) and totals are kept until the documents change.
 * These tests hold every such window to what the plain ORDER BY … LIMIT … OFFSET gives.
 */

/** The library's orders as the list shows them (shared/library.ts), written out here as the reference. */
const REFERENCE_ORDER: Record<LibrarySort, string> = {
  imported: 'd.imported_at DESC, d.title_key, d.rowid DESC',
  title: 'd.title_key, d.rowid',
  date: 'd.published_at IS NULL, d.published_at DESC, d.imported_at DESC, d.rowid',
  source: 'd.source_key IS NULL, d.source_key, d.title_key, d.rowid',
};
const REFERENCE_FILTER = {
  none: { filters: {}, sql: '1' },
  russian: { filters: { language: 'ru' }, sql: "d.language = 'ru'" },
  // Few enough to be looked up in the language index and sorted (the others are checked along the order).
  uyghur: { filters: { language: 'ug' }, sql: "d.language = 'ug'" },
  markdown: { filters: { format: 'md' as const }, sql: "d.format = 'md'" },
  flagged: { filters: { flagged: true }, sql: "d.review_flags <> '[]'" },
};
type FilterName = keyof typeof REFERENCE_FILTER;

function reference(db: Database, sort: LibrarySort, filter: FilterName, offset: number, limit: number) {
  const where = REFERENCE_FILTER[filter].sql;
  const ids = db.prepare(`SELECT id FROM documents d WHERE ${where} ORDER BY ${REFERENCE_ORDER[sort]} LIMIT ? OFFSET ?`).all(limit, offset) as { id: string }[];
  const total = (db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${where}`).get() as { n: number }).n;
  return { total, ids: ids.map((row) => row.id) };
}

/** Many ties on purpose: equal titles (also up to case and accents), equal import times, undated and unsourced rows. */
function corpus(count: number, seed: number, prefix = ''): Record<string, CorpusDocument> {
  const random = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const docs: Record<string, CorpusDocument> = {};
  for (let i = 0; i < count; i++)
    docs[`${prefix}doc-${i}`] = {
      title: pick(['Report', 'report', 'Réport', 'Zeta', 'Alpha 2', 'Alpha 10', 'Ёлка', '新疆', `Record ${i}`]),
      language: i % 25 === 7 ? 'ug' : pick(['en', 'en', 'ru', 'zh', null]),
      source: pick([null, 'AP', 'RFA', 'Reuters']),
      author: null,
      publishedAt: pick([null, null, '2019-05-01', '2020-01-01', '2021-07-04']),
      format: pick(['txt', 'md'] as const),
      text: `${prefix} document ${i} of seed ${seed}.`,
    };
  return docs;
}

/** Import times from four instants and a fifth of the documents flagged, by rowid (so the same on every run). */
function spreadImportTimes(db: Database): void {
  db.exec(`UPDATE documents SET imported_at = '2026-01-0' || (1 + rowid % 4) || 'T00:00:00.000Z',
                               review_flags = CASE WHEN rowid % 5 = 0 THEN '["encoding guessed"]' ELSE '[]' END`);
}

describe('library windows from seek points (issue 17)', () => {
  const app = tempApp();
  const db = app.workspace.db;
  beforeAll(() => {
    insertCorpus(db, corpus(420, 17));
    spreadImportTimes(db);
  });
  afterAll(() => app.cleanup());

  const page = (input: LibraryPageInput) => call(app.handlers, 'documents:page', input);
  const expectWindow = async (sort: LibrarySort, filter: FilterName, offset: number, limit: number) => {
    const got = await page({ sort, offset, limit, filters: REFERENCE_FILTER[filter].filters });
    const want = reference(db, sort, filter, offset, limit);
    expect({ sort, filter, offset, limit, total: got.total, ids: got.documents.map((d) => d.id) }).toEqual({ sort, filter, offset, limit, ...want });
  };

  it('gives the same rows as OFFSET in every order and filter, scrolling forwards, backwards and jumping', async () => {
    const random = seededRandom(4);
    for (const sort of Object.keys(REFERENCE_ORDER) as LibrarySort[])
      for (const filter of Object.keys(REFERENCE_FILTER) as FilterName[]) {
        const { total } = reference(db, sort, filter, 0, 1);
        // Forwards through windows that join up (each starts next to the last row of the one before).
        for (let offset = 0; offset < total; offset += 37) await expectWindow(sort, filter, offset, 37);
        // Backwards from the end.
        for (let offset = total - 23; offset > 0; offset -= 23) await expectWindow(sort, filter, offset, 23);
        // Jumps anywhere (a scroll bar dragged), windows of any size, and past the end.
        for (let i = 0; i < 25; i++) await expectWindow(sort, filter, Math.floor(random() * (total + 5)), 1 + Math.floor(random() * 60));
      }
  });

  it('shows a document stored or deleted since the last window in the next one, with the new total', async () => {
    // Seek points from windows scrolled through, which the change moves by one row.
    for (let offset = 0; offset < 420; offset += 100) await page({ sort: 'title', offset, limit: 100 });
    const before = await page({ sort: 'title', offset: 300, limit: 50 });
    const added = insertCorpus(db, { first: { ...Object.values(corpus(1, 99, 'new-'))[0]!, title: 'Aaron' } }).get('first')!;
    const after = await page({ sort: 'title', offset: 300, limit: 50 });
    expect(after.total).toBe(before.total + 1);
    expect((await page({ sort: 'title', offset: 0, limit: 1 })).documents.map((d) => d.title)).toEqual(['Aaron']);
    // Every row moved down by one: the window at 301 is the old one at 300.
    expect((await page({ sort: 'title', offset: 301, limit: 50 })).documents.map((d) => d.id)).toEqual(before.documents.map((d) => d.id));
    await expectWindow('title', 'none', 300, 50);

    await call(app.handlers, 'documents:delete', { ids: [added] });
    const deleted = await page({ sort: 'title', offset: 300, limit: 50, facets: true });
    expect(deleted.total).toBe(before.total);
    expect(deleted.all).toBe(before.total);
    expect(deleted.documents.map((d) => d.id)).toEqual(before.documents.map((d) => d.id));
  });

  it('drops its kept totals and seek points when another connection imports or deletes', async () => {
    const seen = await page({ sort: 'imported', offset: 200, limit: 100, filters: { language: 'ru' }, facets: true });
    await page({ sort: 'imported', offset: 300, limit: 100 });
    const other = openDatabase(app.workspace.paths.database);
    try {
      // The CLI importing into the same investigation while the app is open.
      insertCorpus(other, corpus(30, 5, 'cli-'));
      const ru = (other.prepare("SELECT count(*) AS n FROM documents WHERE language = 'ru'").get() as { n: number }).n;
      const imported = await page({ sort: 'imported', offset: 200, limit: 100, filters: { language: 'ru' }, facets: true });
      expect(imported.total).toBe(ru);
      expect(imported.all).toBe(seen.all! + 30);
      expect(imported.languages).toEqual(other.prepare('SELECT language AS value, count(*) AS count FROM documents WHERE language IS NOT NULL GROUP BY language ORDER BY language').all().map((row) => ({ ...row })));
      await expectWindow('imported', 'none', 300, 100);
      await expectWindow('imported', 'russian', 10, 100);

      // …and deleting a tenth of it.
      other.exec('DELETE FROM documents WHERE rowid % 10 = 3');
      const left = (other.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
      const afterDelete = await page({ sort: 'imported', offset: 300, limit: 100, facets: true });
      expect(afterDelete.total).toBe(left);
      expect(afterDelete.all).toBe(left);
      await expectWindow('imported', 'none', 300, 100);
      await expectWindow('source', 'flagged', 20, 30);
    } finally {
      other.close();
    }
  });

  it('counts the languages again when a document\'s language is corrected', async () => {
    const id = (db.prepare("SELECT id FROM documents WHERE language = 'zh' LIMIT 1").get() as { id: string }).id;
    const zh = (await page({ sort: 'title', offset: 0, limit: 1, filters: { language: 'zh' }, facets: true })).total;
    await call(app.handlers, 'documents:updateMeta', { id, language: 'kk' });
    const after = await page({ sort: 'title', offset: 0, limit: 1, filters: { language: 'zh' }, facets: true });
    expect(after.total).toBe(zh - 1);
    expect(after.languages?.find((l) => l.value === 'kk')).toEqual({ value: 'kk', count: 1 });
    expect(after.languages?.find((l) => l.value === 'zh')).toEqual({ value: 'zh', count: zh - 1 });
    expect((await page({ sort: 'title', offset: 0, limit: 10, filters: { language: 'kk' } })).documents.map((d) => d.id)).toEqual([id]);
  });
});

describe('library windows after a backup is restored under the open app', () => {
  const app = tempApp();
  afterAll(() => app.cleanup());
  const titlesAt = async (offsets: number[]) => {
    const out: string[] = [];
    for (const offset of offsets) out.push(...(await call(app.handlers, 'documents:page', { sort: 'title', offset, limit: 1 })).documents.map((d) => d.title));
    return out;
  };
  const add = (title: string) => insertCorpus(app.workspace.db, { [title]: { ...Object.values(corpus(1, title.length))[0]!, title, text: `Only ${title}.` } });

  it('never takes the restored store for the one its seek points came from, even at the same count of changes', async () => {
    for (let i = 1; i <= 9; i++) add(`M${i}`);
    const base = await call(app.handlers, 'backups:create', {});
    add('Aaa');
    const withAaa = await call(app.handlers, 'backups:create', {});
    await call(app.handlers, 'backups:restore', { name: base.name });
    // As many changes since the first backup as before the second, to other documents.
    add('Zed');
    const offsets = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(await titlesAt(offsets)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'Zed']);
    await call(app.handlers, 'backups:restore', { name: withAaa.name });
    expect(await titlesAt([5, 0, 9, 3])).toEqual(['M5', 'Aaa', 'M9', 'M3']);
  });
});

describe('a store from before the library counts (migration 11)', () => {
  const scratch = tempDir('dossier-library-counts-');
  afterAll(scratch.cleanup);

  it('gets the counts of its documents and languages when it is upgraded', () => {
    const file = path.join(scratch.dir, 'store.sqlite');
    const old = new DatabaseSync(file);
    configureConnection(old);
    for (const [version, migration] of MIGRATIONS.slice(0, 10).entries()) {
      old.exec(migration);
      old.exec(`PRAGMA user_version = ${version + 1}`);
    }
    insertCorpus(old, corpus(50, 3));
    const languages = old.prepare('SELECT language AS value, count(*) AS count FROM documents WHERE language IS NOT NULL GROUP BY language ORDER BY language').all().map((row) => ({ ...row }));
    old.close();

    const db = openDatabase(file);
    try {
      const first = libraryPage(db, { sort: 'title', offset: 0, limit: 10, facets: true });
      expect(first.total).toBe(50);
      expect(first.all).toBe(50);
      expect(first.languages).toEqual(languages);
    } finally {
      db.close();
    }
  });
});

describe('passages windows kept in order (passages:page, issue 17)', () => {
  const app = tempApp();
  afterAll(() => app.cleanup());
  type Filter = { tagIds?: string[]; text?: string };
  /** Every window of 40 joined up, beside what passages:query lists at once. */
  const scrolled = async (filter: Filter) => {
    const ids: string[] = [];
    let total = 0;
    for (let offset = 0; offset === 0 || offset < total; offset += 40) {
      const window = await call(app.handlers, 'passages:page', { ...filter, offset, limit: 40 });
      total = window.total;
      ids.push(...window.passages.map((p) => p.id));
    }
    return { total, ids };
  };
  const listed = async (filter: Filter) => {
    const all = await call(app.handlers, 'passages:query', filter);
    return { total: all.length, ids: all.map((p) => p.id) };
  };

  it('shows a passage added, retagged or deleted (here or by another connection) and a document retitled in the next window', async () => {
    const ids = insertCorpus(app.workspace.db, {
      beta: { ...Object.values(corpus(1, 1))[0]!, title: 'Beta', text: 'word '.repeat(300) },
      alpha: { ...Object.values(corpus(1, 2))[0]!, title: 'alpha', text: 'term '.repeat(300) },
    });
    const even = await call(app.handlers, 'tags:create', { name: 'Even' });
    const odd = await call(app.handlers, 'tags:create', { name: 'Odd' });
    for (let i = 0; i < 130; i++)
      await call(app.handlers, 'passages:create', { documentId: ids.get(i % 3 ? 'beta' : 'alpha')!, start: i * 5, end: i * 5 + 4, tagIds: [i % 2 ? odd.id : even.id] });
    const filters: Filter[] = [{}, { tagIds: [even.id] }, { text: 'term' }];
    for (const filter of filters) expect(await scrolled(filter)).toEqual(await listed(filter));

    const added = await call(app.handlers, 'passages:create', { documentId: ids.get('beta')!, start: 1, end: 9, tagIds: [even.id] });
    expect((await scrolled({ tagIds: [even.id] })).ids).toContain(added.id);
    await call(app.handlers, 'passages:update', { id: added.id, tagIds: [odd.id] });
    expect(await scrolled({ tagIds: [even.id] })).toEqual({ total: 65, ids: (await listed({ tagIds: [even.id] })).ids });
    await call(app.handlers, 'documents:updateMeta', { id: ids.get('alpha')!, title: 'Zulu' });
    const retitled = await scrolled({});
    expect(retitled).toEqual(await listed({}));
    expect((await call(app.handlers, 'passages:page', { offset: 0, limit: 1 })).passages[0]?.documentTitle).toBe('Beta');

    const other = openDatabase(app.workspace.paths.database);
    try {
      other.prepare('DELETE FROM passages WHERE id = ?').run(retitled.ids[0]!);
    } finally {
      other.close();
    }
    expect(await scrolled({})).toEqual({ total: 130, ids: retitled.ids.slice(1) });
  });
});
