/**
 * The entity side of a search (issue 18): `entity:"Ürümqi"` names and the facet's entity ids as
 * groups of entity ids (a name stands for every entity it resolves to), a filter over ordinals, and
 * the answer to a query of entities alone (the documents that name them, each with a snippet at
 * its first mention).
 */
import type { SearchFilters, SearchHit, SearchResponse, Snippet } from '../../shared/domain.ts';
import type { Database } from '../store/database.ts';
import { contextAround } from '../entities/context.ts';
import type { DocTable } from './doc-table.ts';
import type { EntityIndex } from './entity-facets.ts';
import { computeFacets, type TagIndex } from './facets.ts';

export type EntityScope = { groups: string[][] } | { error: string } | undefined;

export function entityScope(names: string[] | undefined, filters: SearchFilters | undefined, resolve: ((name: string) => string[]) | undefined): EntityScope {
  const groups: string[][] = (filters?.entityIds ?? []).map((id) => [id]);
  for (const name of names ?? []) {
    const ids = resolve?.(name) ?? [];
    if (ids.length === 0) return { error: `No entity is called “${name}” in this investigation (entities are read after import: see the progress in the status bar).` };
    groups.push(ids);
  }
  return groups.length ? { groups } : undefined;
}

export function both(a: ((o: number) => boolean) | undefined, b: ((o: number) => boolean) | undefined): ((o: number) => boolean) | undefined {
  if (!a) return b;
  if (!b) return a;
  return (o) => a(o) && b(o);
}

interface EntityOnly {
  db: Database;
  table: DocTable;
  tags: TagIndex;
  entities: EntityIndex;
  groups: string[][];
  accept: ((o: number) => boolean) | undefined;
  limit: number;
  query: string;
}

/** Documents naming the entities, newest first; each snippet shows its first mention of one of them. */
export function entityOnlyResponse({ db, table, tags, entities, groups, accept, limit, query }: EntityOnly): SearchResponse {
  const accepted = entities.ordinals(groups).filter((o) => !accept || accept(o));
  const page = [...accepted].sort((a, b) => (table.dates[b] ?? '').localeCompare(table.dates[a] ?? '') || table.ids[a]!.localeCompare(table.ids[b]!)).slice(0, limit);
  const ids = page.map((o) => table.ids[o]!);
  const all = [...new Set(groups.flat())];
  const rows = db
    .prepare(
      `SELECT d.id, d.title, d.source, d.published_at AS publishedAt, d.language, d.format, d.text,
         (SELECT json_array(m.start, m."end") FROM entity_mentions m WHERE m.document_id = d.id AND m.entity_id IN (SELECT value FROM json_each(?2)) ORDER BY m.start LIMIT 1) AS first
       FROM documents d WHERE d.id IN (SELECT value FROM json_each(?1))`,
    )
    .all(JSON.stringify(ids), JSON.stringify(all)) as unknown as (Omit<SearchHit, 'score' | 'snippets'> & { id: string; text: string; first: string | null })[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results: SearchHit[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const snippets: Snippet[] = [];
    if (row.first) {
      const [start, end] = JSON.parse(row.first) as [number, number];
      // The hit view adds its own ellipses.
      const around = contextAround(row.text, start, end);
      const before = around.before.replace(/^…/u, '');
      const after = around.after.replace(/…$/u, '');
      const text = before + row.text.slice(start, end) + after;
      snippets.push({ text, highlights: [[before.length, before.length + end - start]], offset: start - before.length });
    }
    results.push({ documentId: id, title: row.title, source: row.source, publishedAt: row.publishedAt, language: row.language, format: row.format, score: 0, snippets });
  }
  return { query, total: accepted.length, results, facets: { ...computeFacets(accepted, table, tags), entity: entities.facets(accepted) } };
}
