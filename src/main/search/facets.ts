import type { FacetCount, SearchFacets, SearchFilters } from '../../shared/domain.ts';
import type { Database } from '../store/database.ts';
import { Dictionary, type DocTable } from './doc-table.ts';
import { OrdinalLists } from './ordinal-lists.ts';
import { changeStamp } from '../store/change-stamp.ts';

/**
 * The tags each document carries on its passages, by ordinal, with the tags' names. Tags live in
 * the store and change without the index; they are read again only when the store changed since
 * (this connection's total_changes(), or another connection's write seen through data_version).
 */
export class TagIndex {
  private key = '';
  private byOrdinal = new OrdinalLists<number>();
  private tags = new Dictionary();
  private names = new Map<string, string>();

  private readonly db: Database;
  private readonly table: DocTable;

  constructor(db: Database, table: DocTable) {
    this.db = db;
    this.table = table;
  }

  /** How many documents carry a tag. */
  get taggedDocuments(): number {
    return this.byOrdinal.size;
  }

  /** The codes (see `tagId`) of the tags on a document's passages, as of the last refresh(). */
  of(ordinal: number): readonly number[] | undefined {
    return this.byOrdinal.get(ordinal);
  }

  tagId(code: number): string {
    return this.tags.values[code]!;
  }

  tagCode(tagId: string): number {
    return this.tags.code(tagId);
  }

  name(tagId: string): string {
    return this.names.get(tagId) ?? tagId;
  }

  /** Reads the tags again if the store changed; once per search. */
  refresh(): void {
    const { changes, version } = changeStamp(this.db);
    const key = `${changes}:${version}`;
    if (key === this.key) return;
    this.key = key;
    this.byOrdinal = new OrdinalLists();
    const rows = this.db
      .prepare('SELECT DISTINCT p.document_id AS doc, pt.tag_id AS tag FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id')
      .all() as { doc: string; tag: string }[];
    for (const { doc, tag } of rows) {
      this.byOrdinal.listOf(this.table.ordinal(doc)).push(this.tags.code(tag));
    }
    this.names = new Map((this.db.prepare('SELECT id, name FROM tags').all() as { id: string; name: string }[]).map((t) => [t.id, t.name]));
  }
}

/** The codes of a dictionary whose values pass `test`. */
function codesWhere(dictionary: Dictionary, test: (value: string) => boolean): Set<number> {
  const out = new Set<number>();
  dictionary.values.forEach((value, code) => {
    if (test(value)) out.add(code);
  });
  return out;
}

/**
 * Filters outside the query text, compiled once per search into a test on ordinals. Values of one
 * filter are alternatives (language en OR ru); different filters must all hold. A date range
 * leaves out documents without a date. Undefined when nothing is filtered. Call tags.refresh() first.
 */
export function compileFilters(filters: SearchFilters | undefined, table: DocTable, tags: TagIndex): ((ordinal: number) => boolean) | undefined {
  if (!filters) return undefined;
  const tests: ((o: number) => boolean)[] = [];
  const d = table.dictionaries;
  if (filters.languages?.length) {
    const wanted = new Set(filters.languages.map((v) => v.toLowerCase()));
    const codes = codesWhere(d.language, (v) => wanted.has(v.toLowerCase()) || wanted.has(v.toLowerCase().split('-')[0]!));
    tests.push((o) => codes.has(table.language[o]!));
  }
  if (filters.formats?.length) {
    const codes = codesWhere(d.format, (v) => (filters.formats as string[]).includes(v));
    tests.push((o) => codes.has(table.format[o]!));
  }
  if (filters.sources?.length) {
    const wanted = new Set(filters.sources.map((v) => v.toLowerCase()));
    const codes = codesWhere(d.source, (v) => wanted.has(v.toLowerCase()));
    tests.push((o) => codes.has(table.source[o]!));
  }
  if (filters.tagIds?.length) {
    const wanted = new Set(filters.tagIds.map((id) => tags.tagCode(id)));
    tests.push((o) => tags.of(o)?.some((code) => wanted.has(code)) ?? false);
  }
  if (filters.dateFrom || filters.dateTo) {
    const from = filters.dateFrom?.slice(0, 10);
    const to = filters.dateTo ? periodEnd(filters.dateTo) : undefined;
    tests.push((o) => {
      const date = table.dates[o]?.slice(0, 10);
      if (!date) return false;
      return !(from && date < from) && !(to && date > to);
    });
  }
  if (tests.length === 0) return undefined;
  return (o) => tests.every((test) => test(o));
}

/** Counts over every matching document (not only the page shown), most frequent first. Call tags.refresh() first. */
export function computeFacets(ordinals: ArrayLike<number>, table: DocTable, tags: TagIndex): SearchFacets {
  const d = table.dictionaries;
  const counts = {
    language: new Int32Array(d.language.values.length),
    source: new Int32Array(d.source.values.length),
    year: new Int32Array(d.year.values.length),
    format: new Int32Array(d.format.values.length),
  };
  const tagCounts = new Map<number, number>();
  const tagged = tags.taggedDocuments > 0;
  // The columns in locals: a broad query counts 50,000 documents here (issue 17).
  const { language, source, year, format } = table;
  for (let i = 0; i < ordinals.length; i++) {
    const o = ordinals[i]!;
    const l = language[o]!;
    const s = source[o]!;
    const y = year[o]!;
    if (l >= 0) counts.language[l]!++;
    if (s >= 0) counts.source[s]!++;
    if (y >= 0) counts.year[y]!++;
    counts.format[format[o]!]!++;
    if (tagged) for (const code of tags.of(o) ?? []) tagCounts.set(code, (tagCounts.get(code) ?? 0) + 1);
  }
  const sorted = (list: FacetCount[]) => list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const list = (dictionary: Dictionary, counted: Int32Array): FacetCount[] =>
    sorted(dictionary.values.flatMap((value, code) => (counted[code]! > 0 ? [{ value, label: value, count: counted[code]! }] : [])));
  return {
    tag: sorted([...tagCounts].map(([code, count]) => ({ value: tags.tagId(code), label: tags.name(tags.tagId(code)), count }))),
    language: list(d.language, counts.language),
    source: list(d.source, counts.source),
    year: list(d.year, counts.year),
    format: list(d.format, counts.format),
  };
}

/** The last day a "to" date names: `--to 2019` includes 2019-05-01, `--to 2019-05` includes the 31st. */
export function periodEnd(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-31`;
  return date.slice(0, 10);
}
