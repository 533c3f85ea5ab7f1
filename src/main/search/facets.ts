import type { FacetCount, SearchFacets, SearchFilters } from '../../shared/domain.ts';
import type { Database } from '../store/database.ts';
import type { DocMeta } from './segment-set.ts';

/** The tags each document carries on its passages. */
export function documentTags(db: Database): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const rows = db
    .prepare('SELECT DISTINCT p.document_id AS doc, pt.tag_id AS tag FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id')
    .all() as { doc: string; tag: string }[];
  for (const { doc, tag } of rows) {
    let tags = out.get(doc);
    if (!tags) out.set(doc, (tags = new Set()));
    tags.add(tag);
  }
  return out;
}

const lower = (values: string[] | undefined) => (values?.length ? new Set(values.map((v) => v.toLowerCase())) : undefined);

/**
 * Filters outside the query text. Values of one filter are alternatives (language en OR ru);
 * different filters must all hold. A date range leaves out documents without a date.
 */
export function passFilters(meta: DocMeta | undefined, tags: Set<string> | undefined, filters: SearchFilters | undefined): boolean {
  if (!meta) return false;
  if (!filters) return true;
  const languages = lower(filters.languages);
  if (languages && !languages.has((meta.language ?? '').toLowerCase().split('-')[0]!) && !languages.has((meta.language ?? '').toLowerCase())) return false;
  if (filters.formats?.length && !filters.formats.includes(meta.format as never)) return false;
  const sources = lower(filters.sources);
  if (sources && !sources.has((meta.source ?? '').toLowerCase())) return false;
  if (filters.tagIds?.length && !filters.tagIds.some((t) => tags?.has(t))) return false;
  if (filters.dateFrom || filters.dateTo) {
    const date = meta.publishedAt?.slice(0, 10);
    if (!date) return false;
    if (filters.dateFrom && date < filters.dateFrom.slice(0, 10)) return false;
    if (filters.dateTo && date > periodEnd(filters.dateTo)) return false;
  }
  return true;
}

/** Counts over every matching document (not only the page shown), most frequent first. */
export function computeFacets(db: Database, ids: string[], meta: Map<string, DocMeta>, tags: Map<string, Set<string>>): SearchFacets {
  const counters = { tag: new Map<string, number>(), language: new Map<string, number>(), source: new Map<string, number>(), year: new Map<string, number>(), format: new Map<string, number>() };
  const bump = (map: Map<string, number>, value: string | null | undefined) => {
    if (value) map.set(value, (map.get(value) ?? 0) + 1);
  };
  for (const id of ids) {
    const m = meta.get(id);
    if (!m) continue;
    bump(counters.language, m.language);
    bump(counters.source, m.source);
    bump(counters.year, m.publishedAt?.slice(0, 4));
    bump(counters.format, m.format);
    for (const tag of tags.get(id) ?? []) bump(counters.tag, tag);
  }
  const tagNames = new Map((db.prepare('SELECT id, name FROM tags').all() as { id: string; name: string }[]).map((t) => [t.id, t.name]));
  const list = (map: Map<string, number>, label: (v: string) => string = (v) => v): FacetCount[] =>
    [...map].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    tag: list(counters.tag, (v) => tagNames.get(v) ?? v),
    language: list(counters.language),
    source: list(counters.source),
    year: list(counters.year),
    format: list(counters.format),
  };
}

/** The last day a "to" date names: `--to 2019` includes 2019-05-01, `--to 2019-05` includes the 31st. */
export function periodEnd(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-31`;
  return date.slice(0, 10);
}
