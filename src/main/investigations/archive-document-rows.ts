/**
 * An archive's documents and their originals, checked and cleaned as the importers' own writes are
 * (issue 13). Metadata a file supplied (title, names, URL, date, language, stored HTML) is cleaned,
 * and the document then carries a review flag naming the fields; what carries the evidence (text
 * and its hash, the original's bytes, blocks and page offsets, JSON columns, timestamps) is never
 * repaired: a value that is not valid refuses the archive, since a repaired one would pass off
 * altered evidence. The rules: archive-row-rules.ts; tags, passages and reports: archive-coding-rows.ts.
 */
import { z } from 'zod';
import { DOCUMENT_FORMATS, type Block } from '../../shared/domain.ts';
import { cleanUrl } from '../importers/clean.ts';
import { sanitizeHtml } from '../importers/sanitize.ts';
import { cleanText, cleanUserText } from '../store/clean-text.ts';
import { byRule, DATE_RULE, ID, LANGUAGE_RULE, offset, optionalText, parseJson, parseRow, SHA256, shown, text, TIMESTAMP, URL_RULE } from './archive-row-rules.ts';
import { ArchiveProblem } from './archive-schema.ts';
import type { NewDocument } from '../store/documents-repo.ts';

/** JSON from a stored column, with every string in it cleaned; depth bounded so a crafted nesting cannot exhaust the stack. */
function cleanJsonStrings(value: unknown, depth = 0): unknown {
  if (depth > 32) throw new Error('too deep');
  if (typeof value === 'string') return cleanUserText(value, { multiline: true });
  if (Array.isArray(value)) return value.map((v) => cleanJsonStrings(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanUserText(k, { multiline: false }), cleanJsonStrings(v, depth + 1)]));
  }
  return value;
}

// ── documents ──

const documentRow = z.object({
  id: ID,
  title: text,
  source: optionalText,
  author: optionalText,
  url: optionalText,
  published_at: optionalText,
  language: optionalText,
  format: z.enum(DOCUMENT_FORMATS),
  text,
  blocks: text,
  page_starts: optionalText,
  meta: text,
  original_html: optionalText,
  review_flags: text,
  content_hash: SHA256,
  original_hash: SHA256,
  original_name: text,
  imported_at: TIMESTAMP,
});
export type DocumentRow = z.infer<typeof documentRow>;

const blocksSchema = z
  .array(
    z.object({
      kind: z.enum(['heading', 'paragraph', 'quote', 'list-item']),
      start: offset,
      end: offset,
      level: z.number().int().min(1).max(6).optional(),
    }),
  )
  .max(5_000_000);
const pageStartsSchema = z.array(offset).max(1_000_000);
const metaSchema = z.record(z.string(), z.unknown());
const reviewFlagsSchema = z.array(z.string().max(5000)).max(1000);

/** A document as the store will hold it (the importers' NewDocument, with its own id and time); `changed` names the fields cleaning altered. */
export interface CleanDocument extends Omit<NewDocument, 'originalBytes' | 'format'> {
  id: string;
  format: DocumentRow['format'];
  importedAt: string;
  changed: string[];
}

export const ARCHIVE_CLEANED_FLAG = 'When this investigation was imported from an archive, Dossier cleaned these fields of this document';

/** Checks and cleans one document row; `sha256` hashes its text (the caller's, so hashing stays in one place). */
export function cleanDocument(raw: unknown, sha256: (text: string) => string): CleanDocument {
  const what = `document ${shown((raw as { title?: unknown } | null)?.title, 'without a title')}`;
  const row = parseRow(documentRow, raw, `a row of the documents table (${what})`);
  if (sha256(row.text) !== row.content_hash) {
    throw new ArchiveProblem(`the text of ${what} does not match its recorded SHA-256, so it was changed after import.`);
  }
  const blocks = parseJson(blocksSchema, row.blocks, `the blocks of ${what}`);
  if (blocks.some((b) => b.end < b.start || b.end > row.text.length)) throw new ArchiveProblem(`the blocks of ${what} point outside its text.`);
  const pageStarts = row.page_starts === null ? null : parseJson(pageStartsSchema, row.page_starts, `the page starts of ${what}`);
  if (pageStarts?.some((p, i) => p > row.text.length || (i > 0 && p < pageStarts[i - 1]!))) {
    throw new ArchiveProblem(`the page starts of ${what} point outside its text.`);
  }
  let meta: Record<string, unknown>;
  try {
    meta = cleanJsonStrings(parseJson(metaSchema, row.meta, `the details (meta) of ${what}`)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ArchiveProblem) throw error;
    throw new ArchiveProblem(`the details (meta) of ${what} cannot be read (nested too deeply); the store was altered.`);
  }
  const reviewFlags = parseJson(reviewFlagsSchema, row.review_flags, `the review flags of ${what}`)
    .map((flag) => cleanUserText(flag, { multiline: false }))
    .filter(Boolean);

  const originalName = cleanText(row.original_name, 1000) ?? 'original';
  const clean: CleanDocument = {
    id: row.id,
    title: cleanText(row.title, 1000) ?? originalName,
    source: cleanText(row.source, 2000),
    author: cleanText(row.author, 2000),
    url: byRule(URL_RULE, row.url?.trim() ?? null) ?? cleanUrl(row.url),
    publishedAt: byRule(DATE_RULE, row.published_at),
    language: byRule(LANGUAGE_RULE, row.language),
    format: row.format,
    text: row.text,
    blocks: blocks as Block[],
    pageStarts,
    meta,
    originalHtml: row.original_html === null ? null : sanitizeHtml(row.original_html).html,
    reviewFlags,
    contentHash: row.content_hash,
    originalHash: row.original_hash,
    originalName,
    importedAt: row.imported_at,
    changed: [],
  };
  const compare: [string, unknown, unknown][] = [
    ['title', row.title, clean.title],
    ['source', row.source, clean.source],
    ['author', row.author, clean.author],
    ['URL', row.url, clean.url],
    ['date', row.published_at, clean.publishedAt],
    ['language', row.language, clean.language],
    ['file name', row.original_name, clean.originalName],
    ['original HTML', row.original_html, clean.originalHtml],
    ['details', JSON.stringify(JSON.parse(row.meta)), JSON.stringify(clean.meta)],
  ];
  clean.changed = compare.filter(([, before, after]) => before !== after).map(([field]) => field);
  if (clean.changed.length) clean.reviewFlags.push(`${ARCHIVE_CLEANED_FLAG}: ${clean.changed.join(', ')}.`);
  return clean;
}

// ── originals ──

const originalRow = z.object({ sha256: SHA256, bytes: z.instanceof(Uint8Array) });

/** The original file's bytes, which must hash to the name the document refers to them by. */
export function checkOriginal(raw: unknown, expected: string, what: string, sha256: (bytes: Uint8Array) => string): Uint8Array {
  if (raw === undefined) throw new ArchiveProblem(`the original file of ${what} is missing from the store.`);
  const row = parseRow(originalRow, raw, `the original file of ${what}`);
  if (row.sha256 !== expected || sha256(row.bytes) !== expected) {
    throw new ArchiveProblem(`the original file of ${what} does not match its SHA-256, so it was changed after import.`);
  }
  return row.bytes;
}
