import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { insertCorpus, type CorpusDocument } from './corpus.ts';

/** Issue 15: word forms, Chinese characters and names across scripts (golden/forms-*.json). */
interface FormsCase {
  name: string;
  query: string;
  expect: string[];
  ordered?: boolean;
  /** The document that must rank first (the one using the spelling typed). */
  first?: string;
}

const read = (file: string) => JSON.parse(readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8')) as unknown;
const corpus = read('forms-corpus.json') as Record<string, CorpusDocument>;
const { cases } = read('forms-queries.json') as { cases: FormsCase[] };

describe('golden queries: every form of a word, every spelling of a name', () => {
  const app = tempApp();
  const names = new Map<string, string>();
  beforeAll(() => {
    for (const [name, id] of insertCorpus(app.workspace.db, corpus)) names.set(id, name);
  });
  afterAll(() => app.cleanup());

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const response = await call(app.handlers, 'search:query', { query: c.query });
    expect(response.error).toBeUndefined();
    const found = response.results.map((r) => names.get(r.documentId));
    if (c.ordered === false) expect([...found].sort()).toEqual([...c.expect].sort());
    else expect(found).toEqual(c.expect);
    if (c.first) expect(found[0]).toBe(c.first);
  });
});
