import lunr from 'lunr';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stemmingLanguage } from '../../../src/main/search/language.ts';
import { buildSegment, FIELDS, indexedTerms } from '../../../src/main/search/lunr-index.ts';
import { decodeSegment, encodeSegment } from '../../../src/main/search/segment-cache.ts';
import { indexFileInMemory } from '../../../src/main/search/index-files.ts';
import { documentFrequency, fieldWeight, lunrIdf, rankOf, TermPostings } from '../../../src/main/search/segment-format.ts';
import { mergeSegments } from '../../../src/main/search/segment-merge.ts';
import { TermDictionary } from '../../../src/main/search/term-dictionary.ts';
import { tokenize } from '../../../src/main/search/tokenizer.ts';
import type { CorpusDocument } from './corpus.ts';

const corpus = JSON.parse(readFileSync(new URL('./golden/corpus.json', import.meta.url), 'utf8')) as Record<string, CorpusDocument>;

describe('packed segments', () => {
  it('hold exactly the BM25 weights lunr.Builder computes for the same terms', () => {
    const docs = Object.entries(corpus).map(([id, d]) => ({ id, ...d }));
    let language: string | undefined;
    const builder = new lunr.Builder();
    builder.pipeline.reset();
    builder.searchPipeline.reset();
    (builder as unknown as { tokenizer: (v: unknown) => lunr.Token[] }).tokenizer = (value) =>
      value ? indexedTerms(String(value), language).map((t) => new lunr.Token(t, {})) : [];
    builder.ref('ref');
    builder.field('title', { boost: 3 });
    builder.field('text');
    builder.field('source', { boost: 2 });
    builder.field('author', { boost: 2 });
    docs.forEach((d, i) => {
      language = stemmingLanguage(d.language);
      builder.add({ ref: String(i), title: d.title, text: d.text, source: d.source ?? '', author: d.author ?? '' });
    });
    const index = builder.build() as unknown as {
      invertedIndex: Record<string, { _index: number }>;
      fieldVectors: Record<string, { elements: number[] }>;
    };
    const built = buildSegment(docs);
    // Issue 17: the same weights from the cache file's bytes, and from a merge of two halves' segments.
    const half = Math.floor(docs.length / 2);
    const halves = [buildSegment(docs.slice(0, half)), buildSegment(docs.slice(half))];
    const merged = mergeSegments(halves.map((segment) => ({ segment, keep: segment.ids.map((_, i) => i) })));
    const cached = decodeSegment(indexFileInMemory(encodeSegment(built, { pipelineVersion: 1, generation: 1 }))).segment;
    for (const segment of [built, cached, merged]) {
      expect(segment.ids).toEqual(docs.map((d) => d.id));
      expect(segment.terms.toArray()).toEqual(Object.keys(index.invertedIndex).sort());
      let compared = 0;
      segment.terms.toArray().forEach((term, t) => {
        const idf = lunrIdf(documentFrequency(segment, t), docs.length);
        FIELDS.forEach((field, f) => {
          const rank = rankOf(segment.fields[f]!, t);
          if (rank < 0) return;
          const postings = new TermPostings(segment.fields[f]!, rank);
          postings.docs.forEach((doc, i) => {
            const elements = index.fieldVectors[`${field}/${doc}`]!.elements;
            const position = elements.findIndex((e, k) => k % 2 === 0 && e === index.invertedIndex[term]!._index);
            const { lengths, average } = segment.fields[f]!;
            expect(fieldWeight(idf, postings.tfs[i]!, lengths[doc]!, average, f)).toBeCloseTo(elements[position + 1]!, 3);
            compared++;
          });
        });
      });
      expect(compared).toBeGreaterThan(100);
    }
  });
});

describe('fuzzy expansion', () => {
  it('finds the same terms as intersecting Lunr TokenSets', async () => {
    const { intersectSorted } = await import('../../../src/main/search/segment-query.ts');
    const tokenSet = (lunr as unknown as {
      TokenSet: {
        fromArray(t: string[]): { intersect(o: unknown): { toArray(): string[] } };
        fromFuzzyString(s: string, d: number): { final: boolean; edges: Record<string, never> };
      };
    }).TokenSet;
    const terms = [...new Set(Object.values(corpus).flatMap((d) => tokenize(`${d.title} ${d.text}`).map((t) => t.term)))].sort();
    for (const [word, distance] of [['camps', 1], ['gaurds', 2], ['лагерь', 1], ['prisoner', 2], ['x', 1], ['urumgi', 1]] as const) {
      const expected = tokenSet.fromArray(terms).intersect(tokenSet.fromFuzzyString(word, distance)).toArray().sort();
      expect(intersectSorted(TermDictionary.fromSorted(terms), tokenSet.fromFuzzyString(word, distance)).sort()).toEqual(expected);
    }
  });
});
