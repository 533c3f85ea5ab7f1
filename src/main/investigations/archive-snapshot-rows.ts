/**
 * The quotes a report keeps from a deleted document (issue 14, `quote_snapshots`) as an archive
 * brings them: each row parsed strictly, its texts cleaned like typed text, so a hostile archive
 * cannot put markup or escape sequences into a report through them.
 */
import { z } from 'zod';
import { cleanUserText } from '../store/clean-text.ts';
import { DATE_RULE, ID, LANGUAGE_RULE, NOTE_MAX, offset, optionalText, parseJson, parseRow, SHA256, TIMESTAMP, URL_RULE } from './archive-row-rules.ts';

const snapshotRow = z.object({ passage_id: ID, document_id: ID, quote: z.string(), source: z.string(), deleted_at: TIMESTAMP });

const quoteJson = z
  .object({
    passageId: ID,
    documentId: ID,
    start: offset,
    end: offset,
    exact: z.string().min(1).max(NOTE_MAX),
    prefix: z.string().max(200),
    suffix: z.string().max(200),
    note: z.string().max(NOTE_MAX),
    tagIds: z.array(ID).max(100),
    locator: z.object({ kind: z.enum(['page', 'paragraph']), n: z.number().int().min(1) }).strict().nullable(),
    textPosition: z.object({ start: offset, end: offset }).strict(),
    exactSha256: SHA256.nullable(),
  })
  .strict();

const sourceJson = z
  .object({
    id: ID,
    title: z.string().min(1).max(500),
    source: optionalText,
    author: optionalText,
    url: URL_RULE,
    publishedAt: DATE_RULE,
    language: LANGUAGE_RULE,
    format: z.string().max(20),
    originalHash: SHA256.nullable(),
    contentHash: SHA256.nullable(),
  })
  .strict();

export interface CleanSnapshot {
  passageId: string;
  documentId: string;
  quote: z.infer<typeof quoteJson>;
  source: z.infer<typeof sourceJson>;
  deletedAt: string;
}

export function cleanQuoteSnapshot(raw: unknown): CleanSnapshot {
  const row = parseRow(snapshotRow, raw, 'a row of the quote_snapshots table (quotes kept from deleted documents)');
  const what = `the quote kept from deleted document ${row.document_id}`;
  const quote = parseJson(quoteJson, row.quote, what);
  const source = parseJson(sourceJson, row.source, `the source of ${what}`);
  const multiline = (t: string) => cleanUserText(t, { multiline: true });
  const line = (t: string | null | undefined) => (t ? cleanUserText(t, { multiline: false }) || null : null);
  return {
    passageId: row.passage_id,
    documentId: row.document_id,
    quote: { ...quote, passageId: row.passage_id, documentId: row.document_id, exact: multiline(quote.exact), prefix: multiline(quote.prefix), suffix: multiline(quote.suffix), note: multiline(quote.note) },
    source: { ...source, id: row.document_id, title: line(source.title) ?? 'Untitled', source: line(source.source), author: line(source.author) },
    deletedAt: row.deleted_at,
  };
}
