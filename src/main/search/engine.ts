import { availableParallelism } from 'node:os';
import type { MatchedForms, SearchFilters, SearchHit, SearchResponse, Snippet } from '../../shared/domain.ts';
import type { Workspace } from '../store/workspace.ts';
import { listAliasGroups } from '../store/aliases-repo.ts';
import { expandClauses, NameGroupIndex } from './expansion.ts';
import { compileFilters, computeFacets, TagIndex } from './facets.ts';
import { EntityIndex } from './entity-facets.ts';
import { both, entityOnlyResponse, entityScope } from './entity-search.ts';
import { gazetteerGroups } from './names/gazetteer.ts';
import { parseQuery, type Clause } from './query-parser.ts';
import { suggestionQueries } from './suggestions.ts';
import type { SegmentScores } from './segment-scores.ts';
import { SegmentSet, type IndexProgress, type SegmentInfo } from './segment-set.ts';
import { topK } from './top-k.ts';
import { WorkerPool } from './worker-pool.ts';
import { AttributeIndex } from '../qda/attribute-facets.ts';

export interface SearchOptions {
  limit?: number | undefined;
  filters?: SearchFilters | undefined;
}

export interface SearchEngine {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** Every word of `query` in one document, as text offsets in order, to mark in the reader (issue 14, item 5). */
  matchesIn(query: string, documentId: string): Promise<{ start: number; end: number }[]>;
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
  /** Issue 18: the entity ids a name typed after `entity:` stands for (entities are in the store, found by the entity job). */
  resolveEntity?: (name: string) => string[];
}

const DEFAULT_WORKER_URL = new URL('./search-worker.ts', import.meta.url);

/**
 * Dossier's search engine: segmented Lunr indexes living in worker threads (see segment-set.ts),
 * queried in parallel (each worker scores its matches with one global IDF: segment-scores.ts,
 * worker-peers.ts) and merged here. The store is
 * the truth; the index follows its generation.
 */
export function createSearchEngine(workspace: Workspace, options: SearchEngineOptions = {}): SearchEngine {
  const { db } = workspace;
  const pool = new WorkerPool({
    workerUrl: options.workerUrl ?? DEFAULT_WORKER_URL,
    size: options.workers ?? Math.max(1, Math.min(2, availableParallelism())),
    databaseFile: workspace.paths.database,
    tmpDir: workspace.paths.tmpDir,
    indexKey: workspace.lock?.key,
  });
  const set = new SegmentSet(db, pool, { ...workspace.paths, indexKey: workspace.lock?.key }, options.onProgress ?? (() => undefined), {
    baseSize: options.baseSize,
    deltaMax: options.deltaMax,
  });
  const { table } = set;
  const tags = new TagIndex(db, table);
  // Issue 21: document attributes as filters and facets, read from the store like the tags.
  const attributes = new AttributeIndex(db, table);
  const entities = new EntityIndex(db, table);
  /** The page's titles and first tagged passages, one statement each for the whole page (ids as a JSON array). */
  const statements = {
    documents: db.prepare(
      `SELECT id, title, source, published_at AS publishedAt, language, format FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    passages: db.prepare(
      `SELECT documentId, id, start, "end", exact, tagIds FROM (
         SELECT p.document_id AS documentId, p.id, p.start, p.end, p.exact,
                (SELECT json_group_array(tag_id) FROM passage_tags WHERE passage_id = p.id) AS tagIds,
                row_number() OVER (PARTITION BY p.document_id ORDER BY p.start) AS n
         FROM passages p WHERE p.document_id IN (SELECT value FROM json_each(?)))
       WHERE n <= 5 ORDER BY documentId, start`,
    ),
  };
  /** Per-ordinal working arrays reused by every search (a stamp tells this search's entries from older ones). */
  const scratch = {
    query: 0,
    stamp: new Int32Array(0),
    from: new Int32Array(0),
    local: new Int32Array(0),
    score: new Float64Array(0),
    own: new Int32Array(0),
    accepted: new Int32Array(0),
  };
  /** Numbers the searches, for the workers to tell their matches apart until the snippets. */
  let searches = 0;
  const scratchFor = (size: number) => {
    if (scratch.stamp.length < size) {
      const capacity = Math.max(1024, size * 2);
      Object.assign(scratch, {
        query: 0,
        stamp: new Int32Array(capacity),
        from: new Int32Array(capacity),
        local: new Int32Array(capacity),
        score: new Float64Array(capacity),
        own: new Int32Array(capacity),
        accepted: new Int32Array(capacity),
      });
    }
    return scratch;
  };

  /** The gazetteer and the user's alias groups, indexed again only when the groups changed. */
  const gazetteer = gazetteerGroups();
  let names: { key: string; index: NameGroupIndex } | undefined;
  const nameIndex = (): NameGroupIndex => {
    const aliases = listAliasGroups(db);
    const key = JSON.stringify(aliases);
    if (names?.key !== key) names = { key, index: new NameGroupIndex([...gazetteer, ...aliases]) };
    return names.index;
  };

  const search = async (query: string, { limit = 50, filters }: SearchOptions = {}, suggest = true): Promise<SearchResponse> => {
      const parsed = parseQuery(query);
      if (!parsed.ok) return { query, total: 0, results: [], error: parsed.error };
      const scope = entityScope(parsed.entities, filters, options.resolveEntity);
      if (scope && 'error' in scope) return { query, total: 0, results: [], error: scope.error };
      if (parsed.clauses.length === 0 && !scope) return { query, total: 0, results: [] };
      await set.fresh();
      if (scope) entities.refresh();
      const entityTest = scope ? entities.filter(scope.groups) : undefined;
      if (parsed.clauses.length === 0 && scope) {
        tags.refresh();
        return entityOnlyResponse({ db, table, tags, entities, groups: scope.groups, accept: compileFilters(filters, table, tags), limit, query });
      }
      const clauses: Clause[] = expandClauses(parsed.clauses, nameIndex());

      // Fan out: each worker matches the segments it holds.
      // A snapshot: a compaction finishing meanwhile must not take a segment away from this query.
      const averages = set.fieldAverages();
      const byWorker = new Map<number, SegmentInfo[]>();
      for (const segment of set.segments.values()) byWorker.set(segment.worker, [...(byWorker.get(segment.worker) ?? []), segment]);
      const workers = [...byWorker];
      // The workers hold this query's matches until its snippets request, sent to each of them below.
      const queryNumber = ++searches;
      // Each worker matches and scores its segments; the workers tell each other their term frequencies for the IDF.
      const replies = await Promise.all(
        workers.map(async ([worker, segments]) => {
          const peers = workers.map(([other]) => other).filter((other) => other !== worker);
          const scores = await pool.call<SegmentScores[]>(worker, { type: 'match', query: queryNumber, segments: segments.map((s) => s.id), clauses, averages, peers });
          return scores.map((m, i) => ({ segment: segments[i]!, m }));
        }),
      );
      const results = replies.flat();

      // Tags live in the store (they change without the index): read again only when the store changed.
      tags.refresh();
      attributes.refresh();
      const acceptFields = compileFilters(filters, table, tags);
      const acceptAttributes = attributes.compile(filters?.attributes);
      const accept = both(both(acceptFields, acceptAttributes), entityTest);
      const scratch = scratchFor(table.size);
      const stamp = ++scratch.query;
      const superseded = set.hasSuperseded;
      // The matching ordinals in the shared working array (issue 17: pushed to a JS array they were two thirds of this
      // loop; a typed array allocated per search kept steady RSS ~10 MB higher). Read only before this search waits.
      const acceptedAll = scratch.accepted;
      let acceptedCount = 0;
      const { stamp: stamps, from, local: locals, score: scores, own: owns } = scratch;
      const { live } = table;
      results.forEach(({ segment, m }, r) => {
        const { ordinals } = segment;
        const { docs, score: segmentScore, own: segmentOwn } = m;
        for (let k = 0; k < docs.length; k++) {
          const local = docs[k]!;
          const ordinal = ordinals[local]!;
          // A tombstone: removed from the store, or an entry superseded by a re-index after an edit. Otherwise a
          // document is in two segments only while one replaces the other (compaction, delta promotion), with the same text.
          if (!live[ordinal] || stamps[ordinal] === stamp || (superseded && set.isSuperseded(table.ids[ordinal]!, segment.id))) continue;
          if (accept && !accept(ordinal)) continue;
          stamps[ordinal] = stamp;
          from[ordinal] = r;
          locals[ordinal] = local;
          // The document's score in this segment (its contributions × IDF, summed by the worker as they were here before).
          scores[ordinal] = segmentScore[k]!;
          owns[ordinal] = segmentOwn[k]!;
          acceptedAll[acceptedCount++] = ordinal;
        }
      });

      const accepted = acceptedAll.subarray(0, acceptedCount);
      const { score, own } = scratch;
      // The words as typed first (issue 15: exact matches before other scripts and aliases), then BM25, then id.
      const page = topK(
        accepted,
        limit,
        (a, b) => own[a]! > own[b]! || (own[a] === own[b] && (score[a]! > score[b]! || (score[a] === score[b] && table.ids[a]! < table.ids[b]!))),
      );
      // The clause each index term answers (the terms each shown document matched are found by its worker, for its snippets).
      const termClause = new Map<string, number>();
      for (const { m } of results) {
        m.terms.forEach((term, i) => {
          if (!termClause.has(term) && m.termClause[i]! >= 0) termClause.set(term, m.termClause[i]!);
        });
      }
      // The page's scores and the facets taken now: the working arrays are shared, and another search may fill them while this one waits.
      const pageScores = page.map((ordinal) => score[ordinal]!);
      const total = accepted.length;
      entities.refresh();
      const facets = { ...computeFacets(accepted, table, tags), attributes: attributes.facets(accepted), entity: entities.facets(accepted) };
      const { snippets, forms } = await snippetsFor(page);
      const pageIds = JSON.stringify(page.map((ordinal) => table.ids[ordinal]!));
      type HitFields = Pick<SearchHit, 'title' | 'source' | 'publishedAt' | 'language' | 'format'>;
      const documents = new Map((statements.documents.all(pageIds) as (HitFields & { id: string })[]).map(({ id, ...doc }) => [id, doc]));
      const passages = new Map<string, NonNullable<SearchHit['passages']>>();
      for (const { documentId, tagIds, ...passage } of statements.passages.all(pageIds) as unknown as PassageRow[]) {
        passages.set(documentId, [...(passages.get(documentId) ?? []), { ...passage, tagIds: JSON.parse(tagIds) as string[] }]);
      }
      const hits: SearchHit[] = [];
      for (const [rank, ordinal] of page.entries()) {
        const id = table.ids[ordinal]!;
        const doc = documents.get(id);
        // Removed from the store since the match: left out.
        if (!doc) continue;
        const matched = matchedForms(clauses, termClause, forms.get(id) ?? {});
        hits.push({ documentId: id, ...doc, score: pageScores[rank]!, snippets: snippets.get(id) ?? [], passages: passages.get(id) ?? [], ...(matched.length ? { matched } : {}) });
      }
      const response: SearchResponse = { query, total, results: hits, facets };
      if (total === 0 && suggest) {
        // An empty result suggests what would find something: the prefix, or a spelling the index holds.
        const suggestions: string[] = [];
        for (const candidate of suggestionQueries(query, parsed.clauses)) {
          const found = await search(candidate.query, { limit: 1, filters }, false);
          const spelled = candidate.spelling ? candidate.spelling(found.results[0]?.matched ?? []) : candidate.query;
          if (found.total > 0 && spelled && !suggestions.includes(spelled)) suggestions.push(spelled);
          if (suggestions.length >= 2) break;
        }
        if (suggestions.length) response.suggestions = suggestions;
      }
      return response;

      async function snippetsFor(ordinals: number[]): Promise<{ snippets: Map<string, Snippet[]>; forms: Map<string, Record<string, string[]>> }> {
        // Each document's snippets come from the worker holding its segment: the index knows where its words are.
        // Every worker of the match is asked (if for none): that gives up the query's matches it holds.
        const groups = new Map<number, number[]>(workers.map(([worker]) => [worker, []]));
        for (const ordinal of ordinals) {
          const { worker } = results[scratch.from[ordinal]!]!.segment;
          groups.set(worker, [...(groups.get(worker) ?? []), ordinal]);
        }
        const out = new Map<string, Snippet[]>();
        const forms = new Map<string, Record<string, string[]>>();
        await Promise.all(
          [...groups].map(async ([worker, group]) => {
            const items = group.map((ordinal) => ({ segment: results[scratch.from[ordinal]!]!.segment.id, local: scratch.local[ordinal]! }));
            const replies = await pool.call<{ snippets: Snippet[]; forms: Record<string, string[]> }[]>(worker, { type: 'snippets', query: queryNumber, items });
            group.forEach((ordinal, i) => {
              out.set(table.ids[ordinal]!, replies[i]!.snippets);
              forms.set(table.ids[ordinal]!, replies[i]!.forms);
            });
          }),
        );
        return { snippets: out, forms };
      }
  };

  return {
    search: (query, options) => search(query, options),
    async matchesIn(query, documentId) {
      const parsed = parseQuery(query);
      if (!parsed.ok || parsed.clauses.length === 0) return [];
      await set.fresh();
      const segmentId = set.ownerOf(documentId);
      const segment = segmentId === undefined ? undefined : set.segments.get(segmentId);
      if (!segment) return [];
      // The same expansion as the search (word forms, other scripts, names), so the reader marks what the hit matched.
      const clauses = expandClauses(parsed.clauses, nameIndex());
      return pool.call<{ start: number; end: number }[]>(segment.worker, { type: 'offsets', segment: segment.id, documentId, clauses });
    },
    async indexedCount() {
      await set.fresh();
      return set.indexedCount;
    },
    refresh: () => set.fresh(),
    close: () => pool.close(),
  };
}

interface PassageRow {
  documentId: string;
  id: string;
  start: number;
  end: number;
  exact: string;
  tagIds: string;
}

/** Per clause typed, the words of the document's text its index terms stand for. */
function matchedForms(clauses: Clause[], termClause: Map<string, number>, formsByTerm: Record<string, string[]>): MatchedForms[] {
  const byClause = new Map<number, string[]>();
  for (const [term, forms] of Object.entries(formsByTerm)) {
    const clause = termClause.get(term);
    if (clause === undefined) continue;
    const list = byClause.get(clause) ?? [];
    for (const form of forms) if (!list.includes(form) && list.length < 6) list.push(form);
    byClause.set(clause, list);
  }
  return [...byClause]
    .sort(([a], [b]) => a - b)
    .map(([index, forms]) => ({ query: clauses[index]?.text ?? clauses[index]?.terms.join(' ') ?? '', forms }));
}
