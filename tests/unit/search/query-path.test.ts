/**
 * Issue 17 (query, stop 26): the serve path was made faster (phrases checked on reused buffers, scores
 * summed in the workers with the IDF the engine sends back, the shown documents' terms found by their
 * worker, fuzzy expansions remembered per segment). What a user sees must not change: these tests
 * compare the engine's answers on a generated corpus with the straightforward way of working them out.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../../src/main/app/open-app.ts';
import { call } from '../../../src/main/dispatch.ts';
import type { SearchResponse } from '../../../src/shared/domain.ts';
import { iterateIndexable } from '../../../src/main/store/documents-repo.ts';
import { expandClauses, NameGroupIndex } from '../../../src/main/search/expansion.ts';
import { buildSegment } from '../../../src/main/search/lunr-index.ts';
import { gazetteerGroups } from '../../../src/main/search/names/gazetteer.ts';
import { parseQuery } from '../../../src/main/search/query-parser.ts';
import { matchSegment } from '../../../src/main/search/segment-query.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';
import { insertCorpus, type CorpusDocument } from './corpus.ts';

/** Made-up words, so no stemmer folds one into another and a phrase can be checked on the text as written. */
const WORDS = ['zorb', 'quax', 'blint', 'tromp', 'vask', 'plonk', 'drimt', 'gweb', 'snarf', 'clomp', 'frib', 'junt'];

/** A deterministic corpus: Zipf-like word frequencies, so some phrases are common and some words rare. */
function generatedCorpus(count: number, seed: number): Record<string, CorpusDocument> {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => WORDS[Math.min(WORDS.length - 1, Math.floor(WORDS.length * random() ** 2))]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const corpus: Record<string, CorpusDocument> = {};
  for (let i = 0; i < count; i++) {
    corpus[`doc${i}`] = {
      title: words(1 + Math.floor(random() * 4)),
      language: 'en',
      source: ['archive', 'leak', 'crawl'][i % 3]!,
      author: null,
      publishedAt: `${2000 + (i % 7)}-01-01`,
      format: i % 4 === 0 ? 'html' : 'txt',
      text: words(5 + Math.floor(random() * 120)),
    };
  }
  return corpus;
}

const QUERIES = ['zorb', 'zorb quax', 'blint tromp vask', '"zorb quax"', '"quax zorb quax"', '"tromp blint"', 'blint -tromp', 'zor*', 'zorbi~1', 'snarfs~1', 'title:vask'];

const search = async (app: OpenedApp, query: string, limit = 100) => (await call(app.handlers, 'search:query', { query, limit })) as SearchResponse;

describe('the query path at scale gives what the straightforward way gives', () => {
  const corpus = generatedCorpus(300, 17);
  const { dir, cleanup } = tempDir();
  // One segment (the reference below builds the same), and the same documents in many segments over two workers.
  const one = openApp(path.join(dir, 'one'));
  const many = openApp(path.join(dir, 'many'), {}, { baseSize: 23, deltaMax: 23, workers: 2 });
  /** Document id (in either workspace) → its name in the corpus. */
  const names = new Map<string, string>();
  beforeAll(() => {
    for (const app of [one, many]) for (const [name, id] of insertCorpus(app.workspace.db, corpus)) names.set(id, name);
  });
  afterAll(async () => {
    await one.close();
    await many.close();
    cleanup();
  });
  const named = (response: SearchResponse) => response.results.map((hit) => names.get(hit.documentId) ?? '');

  /**
   * The ranking as the engine worked it out before issue 17's stop 26: every contribution of the segment's
   * match times the term's IDF, summed on the main thread, ranked by the words as typed, then score, then id.
   */
  const reference = (query: string) => {
    const segment = buildSegment(iterateIndexable(one.workspace.db));
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new Error(parsed.error);
    const clauses = expandClauses(parsed.clauses, new NameGroupIndex(gazetteerGroups()));
    const n = segment.ids.length;
    const m = matchSegment(segment, clauses, (docs) => docs, undefined, segment.fields.map((f) => (f.average * n) / n));
    const idf = m.terms.map((_, i) => Math.log(1 + Math.abs((m.documentCount - m.df[i]! + 0.5) / (m.df[i]! + 0.5))));
    const score = new Map<number, number>([...m.docs].map((doc) => [doc, 0]));
    for (let i = 0; i < m.entryDoc.length; i++) score.set(m.entryDoc[i]!, score.get(m.entryDoc[i]!)! + m.entryWeight[i]! * idf[m.entryTerm[i]!]!);
    const own = new Map([...m.docs].map((doc, k) => [doc, m.own[k]!]));
    const ranked = [...m.docs].sort((a, b) => own.get(b)! - own.get(a)! || score.get(b)! - score.get(a)! || (segment.ids[a]! < segment.ids[b]! ? -1 : 1));
    return ranked.map((doc) => ({ id: segment.ids[doc]!, score: score.get(doc)! }));
  };

  it.each(QUERIES)('%s: the same total, documents in the same order with the same scores, and the same facet counts', async (query) => {
    const expected = reference(query);
    const response = await search(one, query);
    expect(response.error).toBeUndefined();
    expect(response.total).toBe(expected.length);
    expect(response.results.map((hit) => [hit.documentId, hit.score])).toEqual(expected.slice(0, 100).map((hit) => [hit.id, hit.score]));
    // Facets count every matching document, not only the page.
    const byYear = new Map<string, number>();
    const bySource = new Map<string, number>();
    for (const { id } of expected) {
      const doc = corpus[names.get(id)!]!;
      byYear.set(doc.publishedAt!.slice(0, 4), (byYear.get(doc.publishedAt!.slice(0, 4)) ?? 0) + 1);
      bySource.set(doc.source!, (bySource.get(doc.source!) ?? 0) + 1);
    }
    const counts = (facet: { value: string; count: number }[] | undefined) => new Map((facet ?? []).map((f) => [f.value, f.count]));
    expect(counts(response.facets?.year)).toEqual(byYear);
    expect(counts(response.facets?.source)).toEqual(bySource);
  });

  it('finds a phrase exactly where the text holds its words next to each other, in many segments as in one', async () => {
    for (const phrase of [['zorb', 'quax'], ['quax', 'zorb', 'quax'], ['tromp', 'blint'], ['junt', 'frib']]) {
      const holds = (text: string) => ` ${text} `.includes(` ${phrase.join(' ')} `);
      const expected = Object.entries(corpus)
        .filter(([, doc]) => holds(doc.title) || holds(doc.text))
        .map(([name]) => name)
        .sort();
      const query = `"${phrase.join(' ')}"`;
      expect([...named(await search(one, query, 1000))].sort()).toEqual(expected);
      expect([...named(await search(many, query, 1000))].sort()).toEqual(expected);
    }
  });

  it('ranks the same in many segments over two workers as in one (scores equal but for per-segment rounding)', async () => {
    for (const query of QUERIES) {
      const a = await search(one, query, 1000);
      const b = await search(many, query, 1000);
      expect(b.total).toBe(a.total);
      const scoreA = new Map(a.results.map((hit) => [names.get(hit.documentId), hit.score]));
      for (const hit of b.results) expect(hit.score).toBeCloseTo(scoreA.get(names.get(hit.documentId))!, 1);
      expect(b.facets?.year).toEqual(a.facets?.year);
    }
  });

  it('marks every word of the query its snippets show, and nothing else, on all 100 hits of a page', async () => {
    for (const query of ['zorb quax', 'blint tromp vask', '"zorb quax"', 'zor*']) {
      const wanted = new Set(query.replace(/["*]/g, '').split(' '));
      const response = await search(many, query);
      expect(response.results.length).toBeGreaterThan(0);
      for (const hit of response.results.filter((h) => h.snippets.length > 0)) {
        const marked = new Set(hit.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b))));
        // Whole words of the query in the shown text (a prefix marks every word it starts).
        const shown = new Set(
          hit.snippets.flatMap((s) => s.text.split(/\s+/).filter((w) => (query.endsWith('*') ? w.startsWith('zor') : wanted.has(w)))),
        );
        expect(marked).toEqual(shown);
      }
      // A document matched by its text has a snippet.
      const textHits = response.results.filter((hit) => [...wanted].some((w) => ` ${corpus[names.get(hit.documentId)!]!.text} `.includes(` ${w.replace(/\*$/, '')}`)));
      expect(textHits.every((hit) => hit.snippets.length > 0)).toBe(true);
    }
  });

  it('answers searches made at the same time as it answers them one by one', async () => {
    const alone: SearchResponse[] = [];
    for (const query of QUERIES) alone.push(await search(many, query));
    const together = await Promise.all(QUERIES.map((query) => search(many, query)));
    expect(together).toEqual(alone);
  });

  it('a fuzzy word finds the spelling of a document added after it was asked (remembered expansions stay per segment)', async () => {
    const before = await search(many, 'zorbi~1');
    const ids = insertCorpus(many.workspace.db, {
      added: { title: 'added', language: 'en', source: 'leak', author: null, publishedAt: '2001-01-01', format: 'txt', text: 'zorbu and nothing else' },
    });
    const after = await search(many, 'zorbi~1', 1000);
    expect(after.total).toBe(before.total + 1);
    expect(after.results.map((hit) => hit.documentId)).toContain(ids.get('added'));
  });
});
