/**
 * The channels of issue 18 (entities found in the documents: facets, the entity page, corrections;
 * and the timeline), spread into the contract (./contract.ts) so that file stays under its size limit.
 */
import { z } from 'zod';
import { id, MAX_PATH, out, text } from './contract-schemas.ts';
import { ENTITY_TYPES, type EntityDetail, type EntityJobProgress, type EntitySummary, type Timeline } from './entities.ts';

export const entityChannels = {
  'entities:list': {
    input: z
      .object({
        type: z.enum(ENTITY_TYPES).optional(),
        documentIds: z.array(id).max(100_000).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    output: out<EntitySummary[]>(),
  },
  'entities:get': {
    input: z.object({ id }).strict(),
    output: out<EntityDetail>(),
  },
  'entities:resolve': {
    input: z.object({ name: z.string().trim().min(1).max(300) }).strict(),
    output: out<{ ids: string[] }>(),
  },
  'entities:rename': {
    input: z.object({ id, label: z.string().trim().min(1).max(300) }).strict(),
    output: out<EntitySummary>(),
  },
  'entities:merge': {
    input: z.object({ sourceId: id, targetId: id }).strict(),
    output: out<EntitySummary>(),
  },
  'entities:split': {
    input: z
      .object({
        id,
        spellings: z.array(z.string().trim().min(1).max(300)).min(1).max(100),
        label: z.string().trim().min(1).max(300),
      })
      .strict(),
    output: out<EntitySummary>(),
  },
  'entities:markWrong': {
    input: z.object({ mentionId: z.number().int().min(1) }).strict(),
    output: out<{ removed: number }>(),
  },
  /** Reads the documents not yet read (in the background; `wait` resolves when done); `again` reads every document again, corrections kept. */
  'entities:extract': {
    input: z.object({ wait: z.boolean().optional(), again: z.boolean().optional() }).strict(),
    output: out<EntityJobProgress>(),
  },
  'entities:progress': {
    input: z.object({}).strict(),
    output: out<EntityJobProgress>(),
  },
  'timeline:get': {
    input: z
      .object({
        tagIds: z.array(id).max(200).optional(),
        entities: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    output: out<Timeline>(),
  },
  /** The timeline as CSV; no path: asks with a save dialog. */
  'timeline:export': {
    input: z
      .object({
        path: text(MAX_PATH).min(1).optional(),
        tagIds: z.array(id).max(200).optional(),
        entities: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
      })
      .strict(),
    output: out<{ path: string | null; bytes: number; events: number }>(),
  },
} as const;
