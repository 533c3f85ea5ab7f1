import type { DocumentSummary } from '../../shared/domain.ts';

export type SortKey = 'imported' | 'title' | 'date' | 'source';

export interface LibraryFilter {
  tagDocumentIds: Set<string> | null;
  language: string;
  format: string;
  flagged: boolean;
  /** Issue 18: documents naming the entity chosen (null: any). */
  entityDocumentIds?: Set<string> | null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The library as shown: filtered, then sorted (dates newest first; unknown dates and sources last). */
export function libraryView(documents: readonly DocumentSummary[], sort: SortKey, filter: LibraryFilter): DocumentSummary[] {
  const shown = documents.filter(
    (d) =>
      (!filter.tagDocumentIds || filter.tagDocumentIds.has(d.id)) &&
      (!filter.language || (d.language ?? '') === filter.language) &&
      (!filter.format || d.format === filter.format) &&
      (!filter.flagged || d.reviewFlags.length > 0) &&
      (!filter.entityDocumentIds || filter.entityDocumentIds.has(d.id)),
  );
  const last = (a: string | null, b: string | null, cmp: (x: string, y: string) => number) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : cmp(a, b);
  const compare: Record<SortKey, (a: DocumentSummary, b: DocumentSummary) => number> = {
    imported: (a, b) => b.importedAt.localeCompare(a.importedAt),
    title: (a, b) => collator.compare(a.title, b.title),
    date: (a, b) => last(a.publishedAt, b.publishedAt, (x, y) => y.localeCompare(x)),
    source: (a, b) => last(a.source, b.source, collator.compare) || collator.compare(a.title, b.title),
  };
  return shown.sort(compare[sort]);
}
