/**
 * Each row of an archive's store, checked and cleaned as the app's own writes are (issue 13): zod
 * schemas for the columns, the contract's rules for ids, URLs, dates, languages and colours, the
 * importers' sanitiser for stored HTML, and store/clean-text.ts for every string shown later.
 *
 * What is cleaned and what is refused: metadata a file or a person supplied (titles, names, URLs,
 * colours, HTML, notes) is cleaned, and a document so changed carries a review flag saying so.
 * What carries the evidence or the coding (text and its hashes, offsets, quotes, blocks and pages,
 * JSON columns, report bodies and redaction settings, ids, timestamps) is never repaired: a value
 * that is not valid refuses the archive, since a repaired one would pass off altered evidence.
 */
import { z } from 'zod';
import { contract } from '../../shared/contract.ts';
import { DOCUMENT_FORMATS, type Block } from '../../shared/domain.ts';
import { cleanUrl } from '../importers/clean.ts';
import { sanitizeHtml } from '../importers/sanitize.ts';
import { cleanText, cleanUserText } from '../store/clean-text.ts';
import { quoteSelector } from '../store/passages-repo.ts';
import { TAG_PALETTE } from '../store/tags-repo.ts';
import { ArchiveProblem } from './archive-schema.ts';

// The app's own rules, taken from the contract so that there is one of each.
const metaRules = contract['documents:updateMeta'].input.shape;
const ID = contract['documents:get'].input.shape.id;
const URL_RULE = metaRules.url;
const DATE_RULE = metaRules.publishedAt;
const LANGUAGE_RULE = metaRules.language;
const COLOR_RULE = contract['tags:create'].input.shape.color;
const REPORT_DATE_RULE = contract['reports:update'].input.shape.reportDate;
const REPORT_SETTINGS_RULE = contract['reports:update'].input.shape.settings;
const NOTE_MAX = 100_000;
const TAG_NAME_MAX = 200;
const TAG_DESCRIPTION_MAX = 10_000;

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
const TIMESTAMP = z.iso.datetime({ offset: true });
const text = z.string();
const optionalText = z.string().nullable();
const offset = z.number().int().min(0);

/** `what` for sentences: a stored title, cleaned and cut, so a refusal cannot carry markup or escapes either. */
export const shown = (value: unknown, fallback: string): string => `"${cleanText(value, 80) ?? fallback}"`;

/** The first problem zod found, as "title: expected string". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}`.slice(0, 200) : 'invalid';
}

function parseRow<T>(schema: z.ZodType<T>, row: unknown, what: string): T {
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw new ArchiveProblem(`${what} cannot be read (${firstIssue(parsed.error)}); the store was altered.`);
  return parsed.data;
}

function parseJson<T>(schema: z.ZodType<T>, json: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ArchiveProblem(`${what} cannot be read (not valid JSON); the store was altered.`);
  }
  return parseRow(schema, value, what);
}

/** The value if the app would accept it as written, else `fallback` (null: left empty). */
function byRule(rule: z.ZodType, value: string | null, fallback: string | null = null): string | null {
  if (value === null) return null;
  return rule.safeParse(value).success && value !== '' ? value : fallback;
}

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

/** A document as the store will hold it; `changed` names the fields cleaning altered. */
export interface CleanDocument {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  format: DocumentRow['format'];
  text: string;
  blocks: Block[];
  pageStarts: number[] | null;
  meta: Record<string, unknown>;
  originalHtml: string | null;
  reviewFlags: string[];
  contentHash: string;
  originalHash: string;
  originalName: string;
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

// ── tags ──

const tagRow = z.object({
  id: ID,
  name: text,
  parent_id: ID.nullable(),
  color: text,
  description: text,
  position: z.number().int(),
  created_at: TIMESTAMP,
});
export interface CleanTag {
  id: string;
  name: string;
  parentId: string | null;
  color: string;
  description: string;
  position: number;
  createdAt: string;
  colorReplaced: boolean;
}

export function cleanTag(raw: unknown, index: number): CleanTag {
  const what = `tag ${shown((raw as { name?: unknown } | null)?.name, 'without a name')}`;
  const row = parseRow(tagRow, raw, `a row of the tags table (${what})`);
  const name = cleanUserText(row.name, { multiline: false });
  if (!name) throw new ArchiveProblem(`a tag of the codebook has no name once cleaned; the store was altered.`);
  if (name.length > TAG_NAME_MAX) throw new ArchiveProblem(`the name of ${what} is longer than Dossier allows (${TAG_NAME_MAX} characters).`);
  const description = cleanUserText(row.description, { multiline: true });
  if (description.length > TAG_DESCRIPTION_MAX) throw new ArchiveProblem(`the description of ${what} is longer than Dossier allows.`);
  const color = byRule(COLOR_RULE, row.color, TAG_PALETTE[index % TAG_PALETTE.length]!)!;
  return { id: row.id, name, parentId: row.parent_id, color, description, position: row.position, createdAt: row.created_at, colorReplaced: color !== row.color };
}

/** Parents before children; a loop (a tag under its own subtag) cannot be shown as a tree and is refused. */
export function orderTags(tags: CleanTag[]): CleanTag[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const ordered: CleanTag[] = [];
  const done = new Set<string>();
  for (const tag of tags) {
    // Walk up to a placed ancestor or the top, then place the chain top-down (no recursion: a crafted chain may be deep).
    const chain: CleanTag[] = [];
    const onChain = new Set<string>();
    let current: CleanTag | undefined = tag;
    while (current && !done.has(current.id)) {
      if (onChain.has(current.id)) throw new ArchiveProblem(`the tag ${shown(current.name, current.id)} is inside one of its own subtags; the store was altered.`);
      onChain.add(current.id);
      chain.push(current);
      if (current.parentId === null) break;
      const parent = byId.get(current.parentId);
      if (!parent) throw new ArchiveProblem(`the tag ${shown(current.name, current.id)} is under a tag that is not in the store.`);
      current = parent;
    }
    for (const placed of chain.reverse()) {
      done.add(placed.id);
      ordered.push(placed);
    }
  }
  return ordered;
}

// ── passages ──

const passageRow = z.object({
  id: ID,
  document_id: ID,
  start: offset,
  end: offset,
  exact: text,
  note: text,
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});
export interface CleanPassage {
  id: string;
  documentId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A passage must still quote its document exactly where it says: that is what `verify` and every
 * export's verification appendix prove. Prefix and suffix are derived from the text again.
 */
export function cleanPassage(raw: unknown, documentText: string | undefined, documentTitle: string): CleanPassage {
  const row = parseRow(passageRow, raw, 'a row of the passages table');
  const what = `passage ${row.id}`;
  if (documentText === undefined) throw new ArchiveProblem(`${what} belongs to a document that is not in the store.`);
  if (row.end <= row.start || row.end > documentText.length || documentText.slice(row.start, row.end) !== row.exact) {
    throw new ArchiveProblem(`${what} no longer matches the text of document ${shown(documentTitle, 'without a title')}: its quote is not at ${row.start}–${row.end}.`);
  }
  const note = cleanUserText(row.note, { multiline: true });
  if (note.length > NOTE_MAX) throw new ArchiveProblem(`the note of ${what} is longer than Dossier allows.`);
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    ...quoteSelector(documentText, row.start, row.end),
    note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const passageTagRow = z.object({ passage_id: ID, tag_id: ID });

// ── reports ──

const reportRow = z.object({
  id: ID,
  title: text,
  subtitle: text,
  author_line: text,
  report_date: optionalText,
  body: text,
  settings: text,
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});
/** The body as reports-repo reads it; the sample's sections also name their tag. Limits as in the contract. */
const reportBodySchema = z.object({
  sections: z
    .array(
      z.object({
        id: ID,
        heading: z.string().max(1000),
        commentary: z.string().max(200_000),
        tagId: ID.optional(),
        items: z.array(z.object({ id: ID, passageId: ID, commentary: z.string().max(100_000) })).max(10_000),
      }),
    )
    .max(1000),
});
export interface CleanReport {
  id: string;
  title: string;
  subtitle: string;
  authorLine: string;
  reportDate: string | null;
  body: string;
  settings: string;
  createdAt: string;
  updatedAt: string;
}

export function cleanReport(raw: unknown): CleanReport {
  const what = `report ${shown((raw as { title?: unknown } | null)?.title, 'without a title')}`;
  const row = parseRow(reportRow, raw, `a row of the reports table (${what})`);
  const body = parseJson(reportBodySchema, row.body, `the body of ${what}`);
  for (const section of body.sections) {
    section.heading = cleanUserText(section.heading, { multiline: false });
    section.commentary = cleanUserText(section.commentary, { multiline: true });
    for (const item of section.items) item.commentary = cleanUserText(item.commentary, { multiline: true });
  }
  // Redaction rules protect sources: settings that are not exactly valid are refused, never guessed.
  const settings = parseJson(REPORT_SETTINGS_RULE.unwrap(), row.settings, `the settings (citation and redaction rules) of ${what}`);
  const line = (value: string, max: number, field: string) => {
    const cleaned = cleanUserText(value, { multiline: false });
    if (cleaned.length > max) throw new ArchiveProblem(`the ${field} of ${what} is longer than Dossier allows.`);
    return cleaned;
  };
  return {
    id: row.id,
    title: line(row.title, 500, 'title') || 'Untitled report',
    subtitle: line(row.subtitle, 1000, 'subtitle'),
    authorLine: line(row.author_line, 1000, 'author line'),
    reportDate: byRule(REPORT_DATE_RULE, row.report_date),
    body: JSON.stringify(body),
    settings: JSON.stringify(settings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The investigation's name from store_meta, cleaned like a name typed in the app. */
export function cleanStoreName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return cleanUserText(value, { multiline: false }).slice(0, 200) || null;
}
