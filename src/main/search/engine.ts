import lunr from 'lunr';
import type { SearchHit, SearchResponse } from '../../shared/domain.ts';
import { currentGeneration, type Database } from '../store/database.ts';
import { getDocument, iterateIndexable } from '../store/documents-repo.ts';
import { buildLunrIndex } from './lunr-index.ts';
import { buildSnippets } from './snippets.ts';
import { queryTerms } from './tokenizer.ts';

export interface SearchEngine {
  search(query: string, limit?: number): SearchResponse;
  /** How many documents the index holds, for the integrity check. */
  indexedCount(): number;
}

/**
 * The foundation's search engine: one Lunr index over the whole store, rebuilt when the store's
 * generation moves. The store is the truth; the index is derived and never trusted alone.
 */
export function createSearchEngine(db: Database): SearchEngine {
  let index: lunr.Index | null = null;
  let builtAt = -1;
  let count = 0;

  const fresh = (): lunr.Index => {
    const generation = currentGeneration(db);
    if (!index || generation !== builtAt) {
      count = 0;
      index = buildLunrIndex(
        (function* counted() {
          for (const doc of iterateIndexable(db)) {
            count++;
            yield doc;
          }
        })(),
      );
      builtAt = generation;
    }
    return index;
  };

  return {
    search(query, limit = 50) {
      const terms = [...new Set(queryTerms(query))];
      if (terms.length === 0) return { query, total: 0, results: [] };
      const results = fresh().query((q) => {
        for (const term of terms) q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false });
      });
      const hits: SearchHit[] = [];
      for (const result of results.slice(0, limit)) {
        const doc = getDocument(db, result.ref);
        if (!doc) continue;
        hits.push({
          documentId: doc.id,
          title: doc.title,
          score: result.score,
          snippets: buildSnippets(doc.text, new Set(Object.keys(result.matchData.metadata))),
          source: doc.source,
          publishedAt: doc.publishedAt,
          language: doc.language,
          format: doc.format,
        });
      }
      return { query, total: results.length, results: hits };
    },
    indexedCount() {
      fresh();
      return count;
    },
  };
}
