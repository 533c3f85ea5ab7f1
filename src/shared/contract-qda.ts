/**
 * The channels of issue 21's analysis tools (memos, document attributes, analysis tables), spread
 * into the contract (./contract.ts) so that file stays one readable list under its size limit.
 */
import { z } from 'zod';
import { id, MAX_PATH, out, text } from './contract-schemas.ts';
import type { PassageView } from './domain.ts';
import { ATTRIBUTE_TYPES, COOCCURRENCE_UNITS, MEMO_SCOPES, type AnalysisMatrix, type Attribute, type AttributeTable, type Memo, type MemoHit } from './qda.ts';

/** A memo's size limit (characters): a long analytic memo, far below what would slow a search scan. */
export const MEMO_MAX_CHARS = 1_000_000;

const memoTarget = { scope: z.enum(MEMO_SCOPES), targetId: id.optional() };
const attributeValue = text(1000);
const tagIds = z.array(id).max(1000).optional();
const savePath = { path: text(MAX_PATH).min(1).optional(), force: z.boolean().optional() };
const saved = out<{ path: string | null; bytes: number }>();

/** A search filter on one attribute (used by search:query's filters). */
export const attributeFilter = z
  .object({ attributeId: id, values: z.array(attributeValue).max(200).optional(), min: attributeValue.optional(), max: attributeValue.optional() })
  .strict();

export const qdaChannels = {
  // ── Memos (issue 21, item 1) ──
  'memos:get': {
    input: z.object(memoTarget).strict(),
    output: out<Memo | null>(),
  },
  /** Saves a memo (Markdown); an empty body removes it. No author: the researcher's name from Settings, if any. */
  'memos:save': {
    input: z.object({ ...memoTarget, body: text(MEMO_MAX_CHARS), author: text(200).nullable().optional() }).strict(),
    output: out<Memo | null>(),
  },
  'memos:list': {
    input: z.object({}).strict(),
    output: out<Memo[]>(),
  },
  /** Memos the search box's query finds (searched by the service, not the index: see memo-search.ts). */
  'memos:search': {
    input: z.object({ query: text(2000), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: out<MemoHit[]>(),
  },
  'memos:export': {
    input: z.object({ format: z.enum(['md', 'csv']), ...savePath }).strict(),
    output: saved,
  },
  // ── Document attributes (issue 21, item 2) ──
  'attributes:list': {
    input: z.object({}).strict(),
    output: out<Attribute[]>(),
  },
  'attributes:create': {
    input: z.object({ name: text(200).min(1), type: z.enum(ATTRIBUTE_TYPES), choices: z.array(attributeValue.min(1)).max(500).optional() }).strict(),
    output: out<Attribute>(),
  },
  'attributes:update': {
    input: z.object({ id, name: text(200).min(1).optional(), choices: z.array(attributeValue.min(1)).max(500).optional() }).strict(),
    output: out<Attribute>(),
  },
  'attributes:delete': {
    input: z.object({ id }).strict(),
    output: out<{ deleted: boolean; values: number }>(),
  },
  /** Every document with its attribute values: the library's attribute table. */
  'attributes:table': {
    input: z.object({}).strict(),
    output: out<AttributeTable>(),
  },
  /** Sets one attribute on a selection of documents (bulk edit); null or '' clears it. */
  'attributes:set': {
    input: z.object({ documentIds: z.array(id).min(1).max(100_000), attributeId: id, value: attributeValue.nullable() }).strict(),
    output: out<{ updated: number; value: string | null }>(),
  },
  'attributes:exportCsv': {
    input: z.object(savePath).strict(),
    output: saved,
  },
  // ── Analysis tables (issue 21, item 3) ──
  'analysis:cooccurrence': {
    input: z.object({ unit: z.enum(COOCCURRENCE_UNITS), tagIds }).strict(),
    output: out<AnalysisMatrix>(),
  },
  'analysis:codeByDocument': {
    input: z.object({ tagIds }).strict(),
    output: out<AnalysisMatrix>(),
  },
  'analysis:codeByAttribute': {
    input: z.object({ attributeId: id, tagIds }).strict(),
    output: out<AnalysisMatrix>(),
  },
  /** The passages one cell counts; column is a tag id, a document id or an attribute value. */
  'analysis:cell': {
    input: z
      .object({
        kind: z.enum(['cooccurrence', 'document', 'attribute']),
        rowTagId: id,
        column: text(1000).min(1),
        unit: z.enum(COOCCURRENCE_UNITS).optional(),
        attributeId: id.optional(),
      })
      .strict(),
    output: out<PassageView[]>(),
  },
  'analysis:exportCsv': {
    input: z
      .object({ kind: z.enum(['cooccurrence', 'document', 'attribute']), unit: z.enum(COOCCURRENCE_UNITS).optional(), attributeId: id.optional(), tagIds, ...savePath })
      .strict(),
    output: saved,
  },
} as const;
