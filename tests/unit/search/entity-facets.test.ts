/**
 * Issue 18: the entity facet index tells the entity job's appends (read at once, only the new rows)
 * from deletions (a document read again with fewer entities, a mention deleted, another connection's
 * writes), which read the whole table again once its REFRESH_MS has passed, without counting the
 * mentions table on every search.
 */
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { DocTable } from '../../../src/main/search/doc-table.ts';
import { EntityIndex } from '../../../src/main/search/entity-facets.ts';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { insertCorpus } from './corpus.ts';

const doc = (language: string, text: string) => ({ title: text.slice(0, 24), language, source: null, author: null, publishedAt: null, format: 'txt' as const, text });

describe('entity facet index (issue 18)', () => {
  const app = tempApp();
  const db = app.workspace.db;
  const ids = new Map<string, string>();
  const table = new DocTable();
  const index = new EntityIndex(db, table);
  let clock = 0;
  /** The place labels the facet gives for these documents, with counts. */
  const places = (...names: string[]) =>
    index
      .facets(names.map((n) => table.ordinal(ids.get(n)!)))
      .filter((f) => f.type === 'place')
      .map((f) => `${f.label}:${f.count}`)
      .sort();
  /**
   * A refresh once the full re-read is allowed again (REFRESH_MS is 2 s): 5 s after the later of the
   * last mocked time and the real one (the mocks are restored after each test, and on a loaded machine
   * the extraction in beforeAll alone can take longer than 5 s: the index's last read is real time).
   */
  const later = () => {
    clock = Math.max(clock, performance.now()) + 5000;
    vi.spyOn(performance, 'now').mockReturnValue(clock);
    index.refresh();
  };

  beforeAll(async () => {
    clock = performance.now();
    for (const [name, id] of insertCorpus(db, {
      en: doc('en', 'She was held in Toli County and later in Shawan County.'),
      zh: doc('zh', '她在托里县被关押。'),
    }))
      ids.set(name, id);
    await call(app.handlers, 'entities:extract', { wait: true });
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => app.cleanup());

  it('counts the documents naming each place', () => {
    index.refresh();
    expect(places('en', 'zh')).toEqual(['Shawan:1', 'Toli:2']);
  });

  it('sees documents the entity job reads next at once', async () => {
    for (const [name, id] of insertCorpus(db, { ug: doc('ug', 'ئۇ تولى ناھىيىسىدە تۇتۇلغان.') })) ids.set(name, id);
    await call(app.handlers, 'entities:extract', { wait: true });
    index.refresh();
    expect(places('en', 'zh', 'ug')).toEqual(['Shawan:1', 'Toli:3']);
  });

  it('drops mentions deleted through this connection (no correction recorded)', () => {
    db.prepare('DELETE FROM entity_mentions WHERE document_id = ?').run(ids.get('zh')!);
    later();
    expect(places('en', 'zh', 'ug')).toEqual(['Shawan:1', 'Toli:2']);
  });

  it('drops mentions another connection deleted', () => {
    const other = new DatabaseSync(app.workspace.paths.database);
    try {
      other.prepare("DELETE FROM entity_mentions WHERE document_id = ? AND text LIKE 'Shawan%'").run(ids.get('en')!);
    } finally {
      other.close();
    }
    later();
    expect(places('en', 'zh', 'ug')).toEqual(['Toli:2']);
  });
});
