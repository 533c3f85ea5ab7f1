import { availableParallelism } from 'node:os';
import type { SearchFilters, SearchHit, SearchResponse, Snippet } from '../../shared/domain.ts';
import type { Workspace } from '../store/workspace.ts';
import { computeFacets, documentTags, passFilters } from './facets.ts';
import { parseQuery } from './query-parser.ts';
import type { SegmentMatches } from './segment-query.ts';
import { SegmentSet, type IndexProgress, type SegmentInfo } from './segment-set.ts';
import { WorkerPool } from './worker-pool.ts';

export interface SearchOptions {
  limit?: number | undefined;
  filters?: SearchFilters | undefined;
}

export interface SearchEngine {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** How many documents the index holds, for the integrity check. */
  indexedCount(): Promise<number>;
  /** Brings the index up to date with the store now (after an import) rather than at the next search. */
  refresh(): Promise<void>;
  /** Terminates the workers; the engine answers nothing after. */
  close(): Promise<void>;
}

export interface SearchEngineOptions {
  /** The worker entry: the .ts source when run by Node directly, the bundled file in the Electron build. */
  workerUrl?: URL;
  /** Worker threads; two by default (the build machines have two cores). */
  workers?: number;
  onProgress?: (progress: IndexProgress) => void;
  /** Documents per base segment and the delta's size limit (segment-set.ts); tests make them small. */
  baseSize?: number;
  deltaMax?: number;
}

const DEFAULT_WORKER_URL = new URL('./search-worker.ts', import.meta.url);

/**
 * Dossier's search engine: segmented Lunr indexes living in worker threads (see segment-set.ts),
 * queried in parallel and merged here with one global IDF (see segment-query.ts). The store is
 * the truth; the index follows its generation.
 */
export function createSearchEngine(workspace: Workspace, options: SearchEngineOptions = {}): SearchEngine {
  const { db } = workspace;
  const pool = new WorkerPool({
    workerUrl: options.workerUrl ?? DEFAULT_WORKER_URL,
    size: options.workers ?? Math.max(1, Math.min(2, availableParallelism())),
    databaseFile: workspace.paths.database,
    tmpDir: workspace.paths.tmpDir,
  });
  const set = new SegmentSet(db, pool, workspace.paths, options.onProgress ?? (() => undefined), {
    baseSize: options.baseSize,
    deltaMax: options.deltaMax,
  });

  return {
    async search(query, { limit = 50, filters } = {}) {
      const parsed = parseQuery(query);
      if (!parsed.ok) return { query, total: 0, results: [], error: parsed.error };
      if (parsed.clauses.length === 0) return { query, total: 0, results: [] };
      await set.fresh();

      // Fan out: each worker matches the segments it holds.
      // A snapshot: a compaction finishing meanwhile must not take a segment away from this query.
      const byWorker = new Map<number, SegmentInfo[]>();
      for (const segment of set.segments.values()) byWorker.set(segment.worker, [...(byWorker.get(segment.worker) ?? []), segment]);
      const replies = await Promise.all(
        [...byWorker].map(async ([worker, segments]) => {
          const matches = await pool.call<SegmentMatches[]>(worker, { type: 'match', segments: segments.map((s) => s.id), clauses: parsed.clauses });
          return matches.map((m, i) => ({ segment: segments[i]!, m }));
        }),
      );
      const results = replies.flat();

      // Global IDF over all segments (BM25's formula, as Lunr computes it).
      let documentCount = 0;
      const df = new Map<string, number>();
      for (const { m } of results) {
        documentCount += m.documentCount;
        m.terms.forEach((t, i) => df.set(t, (df.get(t) ?? 0) + m.df[i]!));
      }
      const idf = (term: string) => {
        const n = df.get(term) ?? 0;
        return Math.log(1 + Math.abs((documentCount - n + 0.5) / (n + 0.5)));
      };

      // Tags live in the store (they change without the index): one read per search, for the filter and the facet.
      const tags = documentTags(db);
      const scores = new Map<string, number>();
      const acceptedBySegment: Set<number>[] = [];
      for (const { segment, m } of results) {
        const { ids } = segment;
        const accepted = new Set<number>();
        acceptedBySegment.push(accepted);
        for (const local of m.docs) {
          const id = ids[local]!;
          // A tombstone: removed from the store, or an entry superseded by a re-index after an edit. Otherwise a
          // document is in two segments only while one replaces the other (compaction, delta promotion), with the same text.
          if (!set.meta.has(id) || scores.has(id) || set.isSuperseded(id, segment.id)) continue;
          if (!passFilters(set.meta.get(id), tags.get(id), filters)) continue;
          accepted.add(local);
          scores.set(id, 0);
        }
        const termIdf = m.terms.map(idf);
        for (let i = 0; i < m.entryDoc.length; i++) {
          const local = m.entryDoc[i]!;
          if (!accepted.has(local)) continue;
          const id = ids[local]!;
          scores.set(id, scores.get(id)! + m.entryWeight[i]! * termIdf[m.entryTerm[i]!]!);
        }
      }

      const ranked = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const page = ranked.slice(0, limit);
      // The index terms each shown document matched, to mark in its snippets.
      const matchedTerms = new Map<string, Set<string>>(page.map(([id]) => [id, new Set<string>()]));
      results.forEach(({ segment, m }, r) => {
        for (let i = 0; i < m.entryDoc.length; i++) {
          const local = m.entryDoc[i]!;
          if (!acceptedBySegment[r]!.has(local)) continue;
          matchedTerms.get(segment.ids[local]!)?.add(m.terms[m.entryTerm[i]!]!);
        }
      });
      const snippets = await snippetsFor(page.map(([id]) => id));
      const hits: SearchHit[] = [];
      const documentStatement = db.prepare('SELECT title, source, published_at AS publishedAt, language, format FROM documents WHERE id = ?');
      for (const [id, score] of page) {
        const doc = documentStatement.get(id) as Pick<SearchHit, 'title' | 'source' | 'publishedAt' | 'language' | 'format'> | undefined;
        if (!doc) continue;
        hits.push({ documentId: id, ...doc, score, snippets: snippets.get(id) ?? [], passages: passagesOf(id) });
      }
      return { query, total: ranked.length, results: hits, facets: computeFacets(db, ranked.map(([id]) => id), set.meta, tags) };

      async function snippetsFor(ids: string[]): Promise<Map<string, Snippet[]>> {
        // Any worker can read any document: the page is shared between them, so both cores work on it.
        const byOwner = new Map<number, string[]>();
        ids.forEach((id, i) => {
          const worker = i % pool.size;
          byOwner.set(worker, [...(byOwner.get(worker) ?? []), id]);
        });
        const out = new Map<string, Snippet[]>();
        await Promise.all(
          [...byOwner].map(async ([worker, group]) => {
            const items = group.map((id) => ({ id, terms: [...(matchedTerms.get(id) ?? [])] }));
            const replies = await pool.call<Snippet[][]>(worker, { type: 'snippets', items });
            group.forEach((id, i) => out.set(id, replies[i]!));
          }),
        );
        return out;
      }
    },
    async indexedCount() {
      await set.fresh();
      return set.owner.size;
    },
    refresh: () => set.fresh(),
    close: () => pool.close(),
  };

  function passagesOf(documentId: string): NonNullable<SearchHit['passages']> {
    const rows = db
      .prepare(
        `SELECT p.id, p.start, p.end, p.exact, (SELECT json_group_array(tag_id) FROM passage_tags WHERE passage_id = p.id) AS tagIds
         FROM passages p WHERE p.document_id = ? ORDER BY p.start LIMIT 5`,
      )
      .all(documentId) as { id: string; start: number; end: number; exact: string; tagIds: string }[];
    return rows.map((r) => ({ ...r, tagIds: JSON.parse(r.tagIds) as string[] }));
  }
}
