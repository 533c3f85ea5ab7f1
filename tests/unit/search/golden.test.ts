import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import type { SearchFilters } from '../../../src/shared/domain.ts';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { insertCorpus, type CorpusDocument } from './corpus.ts';

interface GoldenCase {
  name: string;
  query: string;
  filters?: Omit<SearchFilters, 'tagIds'> & { tags?: string[] };
  expect?: string[];
  ordered?: boolean;
  error?: boolean;
}

const read = (file: string) => JSON.parse(readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8')) as unknown;
const corpus = read('corpus.json') as Record<string, CorpusDocument>;
const { cases } = read('queries.json') as { cases: GoldenCase[] };

describe('golden queries in English, Chinese, Russian, Kazakh and Uyghur', () => {
  const app = tempApp();
  let ids = new Map<string, string>();
  const names = new Map<string, string>();
  const tagIds = new Map<string, string>();
  beforeAll(async () => {
    ids = insertCorpus(app.workspace.db, corpus);
    for (const [name, id] of ids) names.set(id, name);
    const factory = corpus['en-factory']!.text;
    const start = factory.indexOf('Workers were transferred');
    const passage = await call(app.handlers, 'passages:create', {
      documentId: ids.get('en-factory'),
      start,
      end: start + 'Workers were transferred'.length,
      tagNames: ['forced labour'],
    });
    tagIds.set('forced labour', passage.tagIds[0]!);
  });
  afterAll(() => app.cleanup());

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { tags, ...rest } = c.filters ?? {};
    const filters: SearchFilters | undefined = c.filters ? { ...rest, ...(tags ? { tagIds: tags.map((t) => tagIds.get(t)!) } : {}) } : undefined;
    const response = await call(app.handlers, 'search:query', { query: c.query, ...(filters ? { filters } : {}) });
    if (c.error) {
      expect(response.error).toMatch(/^[^\n]+$/);
      expect(response.results).toEqual([]);
      return;
    }
    expect(response.error).toBeUndefined();
    const found = response.results.map((r) => names.get(r.documentId));
    if (c.ordered === false) expect([...found].sort()).toEqual([...c.expect!].sort());
    else expect(found).toEqual(c.expect);
    expect(response.total).toBe(c.expect!.length);
  });
});
