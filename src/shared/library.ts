import type { DocumentFormat, DocumentSummary } from './domain.ts';

/** The library's orders (issue 17): newest import first, title, publication date (newest first), source. */
export const LIBRARY_SORTS = ['imported', 'title', 'date', 'source'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** The largest window one call returns. */
export const MAX_LIBRARY_WINDOW = 500;

export interface LibraryPageInput {
  sort: LibrarySort;
  offset: number;
  limit: number;
  filters?:
    | {
        tagId?: string | undefined;
        language?: string | undefined;
        format?: DocumentFormat | undefined;
        flagged?: boolean | undefined;
        /** Issue 18: documents that mention this entity. */
        entityId?: string | undefined;
      }
    | undefined;
  /** Also the count of all documents and the languages present (the filter menus). */
  facets?: boolean | undefined;
}

export interface LibraryPage {
  offset: number;
  /** Documents the filters keep. */
  total: number;
  documents: DocumentSummary[];
  /** With `facets`: every document, filtered or not. */
  all?: number;
  languages?: { value: string; count: number }[];
}
