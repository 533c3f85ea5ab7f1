import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { sortKey } from '../../../src/main/store/sort-key.ts';
import { insertCorpus, type CorpusDocument } from '../search/corpus.ts';
import { tempApp } from '../../helpers/temp-workspace.ts';

const doc = (title: string, extra: Partial<CorpusDocument> = {}): CorpusDocument => ({
  title,
  language: 'en',
  source: null,
  author: null,
  publishedAt: null,
  format: 'txt',
  text: `The text of ${title}.`,
  ...extra,
});

/** Titles in several scripts, in the order Intl.Collator (base, numeric) gives within each script. */
const TITLES = ['eagle', 'Émile', 'Report 2', 'Report 10', 'Zebra', 'Бывший', 'ёлка', 'Заключённый', 'لاگېر', '新疆'];

describe('the library in windows (documents:page, issue 17)', () => {
  const app = tempApp();
  let ids: Map<string, string>;
  beforeAll(() => {
    const corpus: Record<string, CorpusDocument> = {};
    // Shuffled on the way in, so the order out is the query's.
    for (const [i, title] of [...TITLES].reverse().entries())
      corpus[title] = doc(title, { language: i % 2 ? 'ru' : 'en', source: i % 3 ? `Source ${i % 3}` : null });
    ids = insertCorpus(app.workspace.db, corpus);
  });
  afterAll(() => app.cleanup());
  const titles = (page: { documents: { title: string }[] }) => page.documents.map((d) => d.title);

  it('sorts titles in every script as the collator does, in windows that join up', async () => {
    const first = await call(app.handlers, 'documents:page', { sort: 'title', offset: 0, limit: 4, facets: true });
    const rest = await call(app.handlers, 'documents:page', { sort: 'title', offset: 4, limit: 100 });
    expect(first.total).toBe(TITLES.length);
    expect([...titles(first), ...titles(rest)]).toEqual(TITLES);
    expect(first.languages).toEqual([
      { value: 'en', count: 5 },
      { value: 'ru', count: 5 },
    ]);
    // Within Latin and Cyrillic the key agrees with the collator.
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const latin = TITLES.slice(0, 5);
    expect([...latin].sort(collator.compare)).toEqual([...latin].sort((a, b) => (sortKey(a)! < sortKey(b)! ? -1 : 1)));
  });

  it('filters by language and tag with a total of what the filter keeps, and keeps the sort key after a retitle', async () => {
    const ru = await call(app.handlers, 'documents:page', {
      sort: 'title',
      offset: 0,
      limit: 50,
      filters: { language: 'ru' },
      facets: true,
    });
    expect(ru.total).toBe(5);
    expect(ru.all).toBe(TITLES.length);
    expect(ru.documents.every((d) => d.language === 'ru')).toBe(true);

    const tag = await call(app.handlers, 'tags:create', { name: 'Detention' });
    const zebra = ids.get('Zebra')!;
    await call(app.handlers, 'passages:create', { documentId: zebra, start: 4, end: 8, tagIds: [tag.id] });
    const tagged = await call(app.handlers, 'documents:page', {
      sort: 'imported',
      offset: 0,
      limit: 50,
      filters: { tagId: tag.id },
    });
    expect(tagged.documents.map((d) => [d.title, d.passageCount])).toEqual([['Zebra', 1]]);

    await call(app.handlers, 'documents:updateMeta', { id: zebra, title: 'Aardvark' });
    const retitled = await call(app.handlers, 'documents:page', { sort: 'title', offset: 0, limit: 1 });
    expect(titles(retitled)).toEqual(['Aardvark']);
  });

  it('tells which open documents still exist, and refuses a window too large', async () => {
    const zebra = ids.get('Zebra')!;
    expect(await call(app.handlers, 'documents:existing', { ids: [zebra, 'gone-0000'] })).toEqual([zebra]);
    await expect(call(app.handlers, 'documents:page', { sort: 'title', offset: 0, limit: 100_000 })).rejects.toThrow();
  });

  it('keeps the documents that mention the entity chosen in the "Any entity" menu (issue 18), with their total', async () => {
    const db = app.workspace.db;
    const byTitle = (title: string) => (db.prepare('SELECT id FROM documents WHERE title = ?').get(title) as { id: string }).id;
    db.prepare("INSERT INTO entities (id, key, type, label, created_at) VALUES ('e-urumqi', 'urumqi', 'place', 'Ürümqi', '2026-01-01')").run();
    const mention = db.prepare("INSERT INTO entity_mentions (entity_id, document_id, start, \"end\", text, key) VALUES ('e-urumqi', ?, 0, 3, 'The', 'urumqi')");
    // Two mentions in one document count it once.
    mention.run(byTitle('Report 10'));
    mention.run(byTitle('Report 10'));
    mention.run(byTitle('新疆'));
    const page = await call(app.handlers, 'documents:page', { sort: 'title', offset: 0, limit: 50, filters: { entityId: 'e-urumqi' }, facets: true });
    expect(titles(page)).toEqual(['Report 10', '新疆']);
    expect(page.total).toBe(2);
    const none = await call(app.handlers, 'documents:page', { sort: 'title', offset: 0, limit: 50, filters: { entityId: 'e-nobody' } });
    expect(none.total).toBe(0);
  });
});

describe('the library orders (what the list showed before it paged)', () => {
  const app = tempApp();
  afterAll(() => app.cleanup());

  it('sorts by title, date (newest first, undated last), source (unknown last) and import (newest first), and filters', async () => {
    const { db } = app.workspace;
    const add = (title: string, over: Partial<CorpusDocument> & { importedAt: string; flagged?: boolean }) => {
      const id = insertCorpus(db, { [title]: doc(title, over) }).get(title)!;
      db.prepare('UPDATE documents SET imported_at = ?, review_flags = ? WHERE id = ?').run(
        over.importedAt,
        over.flagged ? '["encoding guessed"]' : '[]',
        id,
      );
    };
    add('Beta', { publishedAt: '2019-05-01', source: 'RFA', importedAt: '2026-01-03T00:00:00Z' });
    add('alpha', { publishedAt: null, source: 'AP', language: 'zh', importedAt: '2026-01-02T00:00:00Z' });
    add('Gamma', { publishedAt: '2021-01-01', source: null, format: 'md', importedAt: '2026-01-01T00:00:00Z', flagged: true });
    const order = async (sort: 'title' | 'date' | 'source' | 'imported', filters = {}) =>
      (await call(app.handlers, 'documents:page', { sort, offset: 0, limit: 10, filters })).documents.map((d) => d.title);
    expect(await order('title')).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(await order('date')).toEqual(['Gamma', 'Beta', 'alpha']);
    expect(await order('source')).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(await order('imported')).toEqual(['Beta', 'alpha', 'Gamma']);
    expect(await order('title', { language: 'zh' })).toEqual(['alpha']);
    expect(await order('title', { format: 'md' })).toEqual(['Gamma']);
    expect(await order('title', { flagged: true })).toEqual(['Gamma']);
  });
});

describe('the passages view in windows (passages:page, issue 17)', () => {
  const app = tempApp();
  afterAll(() => app.cleanup());

  it('gives windows that join up into what passages:query lists, with the total', async () => {
    const id = insertCorpus(app.workspace.db, { doc: doc('Long testimony', { text: 'word '.repeat(400) }) }).get('doc')!;
    const tag = await call(app.handlers, 'tags:create', { name: 'Words' });
    for (let i = 0; i < 25; i++) await call(app.handlers, 'passages:create', { documentId: id, start: i * 5, end: i * 5 + 4, tagIds: [tag.id] });
    const all = await call(app.handlers, 'passages:query', { tagIds: [tag.id] });
    const first = await call(app.handlers, 'passages:page', { tagIds: [tag.id], offset: 0, limit: 10 });
    const rest = await call(app.handlers, 'passages:page', { tagIds: [tag.id], offset: 10, limit: 100 });
    expect(first.total).toBe(25);
    expect([...first.passages, ...rest.passages].map((p) => p.id)).toEqual(all.map((p) => p.id));
    expect((await call(app.handlers, 'passages:page', { text: 'nothing-like-this', offset: 0, limit: 10 })).total).toBe(0);
  });
});
