/**
 * The IPC contract: every channel the renderer may call, with its input schema and output type.
 * Channel names are `area:verb`. The same map serves Electron IPC, the CLI and the e2e bridge.
 */
import { z } from 'zod';
import type {
  BackupInfo,
  DocumentFull,
  DocumentSummary,
  ImportProgress,
  ImportSummary,
  PassageView,
  SearchResponse,
  Tag,
  VerifyReport,
  WorkspaceStats,
} from './domain.ts';
import type { Result } from './errors.ts';

/** An output type carried by the contract for typing only; outputs are produced by our own code. */
const out = <T>() => z.custom<T>(() => true);

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'An id has only letters, digits, "-" and "_".');
const text = (max: number) => z.string().max(max);
const MAX_PATH = 4096;
/** Bytes of a file dropped on the window; the store enforces its own size limit. */
const MAX_DROPPED_BYTES = 512 * 1024 * 1024;

export const contract = {
  'documents:import': {
    input: z.object({ paths: z.array(text(MAX_PATH).min(1)).min(1).max(100_000) }).strict(),
    output: out<ImportSummary>(),
  },
  'documents:importData': {
    input: z
      .object({
        files: z
          .array(
            z
              .object({
                name: text(1024).min(1),
                data: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_DROPPED_BYTES, 'The file is too large.'),
              })
              .strict(),
          )
          .min(1)
          .max(10_000),
      })
      .strict(),
    output: out<ImportSummary>(),
  },
  // Issue 3: metadata is editable after import. Absent fields are left as they are; null clears one.
  'documents:updateMeta': {
    input: z
      .object({
        id,
        title: text(500).trim().min(1).optional(),
        source: text(500).nullable().optional(),
        author: text(500).nullable().optional(),
        url: z
          .string()
          .max(2000)
          .regex(/^https?:\/\/\S+$/i, 'A URL starts with http:// or https://.')
          .nullable()
          .optional(),
        publishedAt: z
          .string()
          .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'A date is written YYYY, YYYY-MM or YYYY-MM-DD.')
          .nullable()
          .optional(),
        language: z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A language is a code such as en, zh, ug, kk or ru.')
          .nullable()
          .optional(),
      })
      .strict(),
    output: out<DocumentSummary>(),
  },
  'documents:list': {
    input: z.object({}).strict(),
    output: out<DocumentSummary[]>(),
  },
  'documents:get': {
    input: z.object({ id }).strict(),
    output: out<DocumentFull>(),
  },
  'documents:delete': {
    input: z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
    output: out<{ deleted: number; passagesRemoved: number }>(),
  },
  'search:query': {
    input: z.object({ query: text(2000), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: out<SearchResponse>(),
  },
  'tags:list': {
    input: z.object({}).strict(),
    output: out<Tag[]>(),
  },
  'tags:create': {
    input: z
      .object({
        name: text(200).min(1),
        parentId: id.nullable().optional(),
        color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/)
          .optional(),
        description: text(10_000).optional(),
      })
      .strict(),
    output: out<Tag>(),
  },
  'passages:create': {
    input: z
      .object({
        documentId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        tagIds: z.array(id).max(100).optional(),
        tagNames: z.array(text(200).min(1)).max(100).optional(),
        note: text(100_000).optional(),
      })
      .strict()
      .refine((p) => p.end > p.start, 'A passage ends after it starts.'),
    output: out<PassageView>(),
  },
  'passages:list': {
    input: z.object({ tagId: id.optional(), documentId: id.optional() }).strict(),
    output: out<PassageView[]>(),
  },
  'passages:delete': {
    input: z.object({ id }).strict(),
    output: out<{ deleted: boolean }>(),
  },
  'dialog:pickFiles': {
    input: z.object({}).strict(),
    output: out<{ paths: string[] }>(),
  },
  'workspace:stats': {
    input: z.object({}).strict(),
    output: out<WorkspaceStats>(),
  },
  'workspace:verify': {
    input: z.object({}).strict(),
    output: out<VerifyReport>(),
  },
  // Backups and restore (issue 7).
  'backups:list': {
    input: z.object({}).strict(),
    output: out<BackupInfo[]>(),
  },
  'backups:create': {
    input: z.object({}).strict(),
    output: out<BackupInfo>(),
  },
  'backups:restore': {
    input: z
      .object({
        name: z
          .string()
          .max(200)
          .regex(/^dossier-\d{8}T\d{9}Z-[a-z-]+\.sqlite$/, 'A backup is named like dossier-20260101T120000000Z-scheduled.sqlite.')
          .optional(),
      })
      .strict(),
    output: out<{ restored: BackupInfo; safetyBackup: BackupInfo }>(),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** Events pushed from main to the renderer. */
export interface Events {
  'evt:import:progress': ImportProgress;
  'evt:library:changed': { reason: string };
}
export type EventName = keyof Events;
export const EVENT_NAMES: EventName[] = ['evt:import:progress', 'evt:library:changed'];

/** The shape of `window.dossier`, built by the preload from this contract and nothing else. */
export interface DossierApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
