/**
 * The channels of issue 17 that page long lists (the library and the passages in windows, counted in
 * SQL), spread into the contract (./contract.ts) so that file stays under its size limit.
 */
import { z } from 'zod';
import { id, out, text } from './contract-schemas.ts';
import { DOCUMENT_FORMATS, type PassageView } from './domain.ts';
import { LIBRARY_SORTS, MAX_LIBRARY_WINDOW, type LibraryPage } from './library.ts';

/** What passages:query and passages:page filter on, alike. */
export const passageFilterFields = {
  tagIds: z.array(id).max(1000).optional(),
  match: z.enum(['any', 'all']).optional(),
  text: text(2000).optional(),
  documentId: id.optional(),
  ownOnly: z.boolean().optional(),
};

export const libraryChannels = {
  // Issue 17: the library in windows (sort, filters, offset), counted in SQL; documents:list stays for the CLI.
  'documents:page': {
    input: z
      .object({
        sort: z.enum(LIBRARY_SORTS),
        offset: z.number().int().min(0).max(100_000_000),
        limit: z.number().int().min(1).max(MAX_LIBRARY_WINDOW),
        filters: z
          .object({
            tagId: id.optional(),
            language: text(100).optional(),
            format: z.enum(DOCUMENT_FORMATS).optional(),
            flagged: z.boolean().optional(),
            entityId: id.optional(),
          })
          .strict()
          .optional(),
        facets: z.boolean().optional(),
      })
      .strict(),
    output: out<LibraryPage>(),
  },
  /** Issue 17: which of these documents still exist (the open panes), without listing the library. */
  'documents:existing': {
    input: z.object({ ids: z.array(id).max(MAX_LIBRARY_WINDOW) }).strict(),
    output: out<string[]>(),
  },
  // Issue 17: the same passages a window at a time, with their total, for the passages view's virtual list.
  'passages:page': {
    input: z
      .object({
        ...passageFilterFields,
        offset: z.number().int().min(0).max(100_000_000),
        limit: z.number().int().min(1).max(MAX_LIBRARY_WINDOW),
      })
      .strict(),
    output: out<{ total: number; offset: number; passages: PassageView[] }>(),
  },
};
