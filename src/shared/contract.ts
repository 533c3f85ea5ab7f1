/**
 * The IPC contract: every channel the renderer may call, with its input schema and output type.
 * Channel names are `area:verb`. The same map serves Electron IPC, the CLI and the e2e bridge.
 */
import { z } from 'zod';
import type {
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
import type { Canceled, ExportResult, InvestigationInfo } from './investigations.ts';
import { settingsPatchSchema, type SettingsView } from './settings.ts';

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
  // Issue 8: investigations (the session's channels; they work with no investigation open) and settings.
  'investigations:list': {
    input: z.object({}).strict(),
    output: out<InvestigationInfo[]>(),
  },
  'investigations:current': {
    input: z.object({}).strict(),
    output: out<InvestigationInfo | null>(),
  },
  'investigations:create': {
    // No folder: a new folder under the user-data "investigations" folder; chooseFolder: ask with a dialog.
    input: z.object({ name: text(200).min(1), folder: text(MAX_PATH).min(1).optional(), chooseFolder: z.boolean().optional() }).strict(),
    output: out<InvestigationInfo | Canceled>(),
  },
  'investigations:open': {
    // One of: a listed investigation, a folder path, or nothing (ask with a folder dialog).
    input: z
      .object({ id: id.optional(), path: text(MAX_PATH).min(1).optional() })
      .strict()
      .refine((i) => !(i.id && i.path), 'Give an id or a path, not both.'),
    output: out<InvestigationInfo | Canceled>(),
  },
  'investigations:close': {
    input: z.object({}).strict(),
    output: out<{ closed: boolean }>(),
  },
  'investigations:rename': {
    input: z.object({ id, name: text(200).min(1) }).strict(),
    output: out<InvestigationInfo>(),
  },
  'investigations:delete': {
    // 'forget' only removes it from the list; 'trash' moves the folder to deleted/ and needs the UI's confirmation.
    input: z
      .object({ id, mode: z.enum(['forget', 'trash']), confirmed: z.boolean().optional() })
      .strict()
      .refine((i) => i.mode === 'forget' || i.confirmed === true, 'Moving an investigation to deleted/ needs confirmation.'),
    output: out<{ removed: boolean; movedTo: string | null }>(),
  },
  'investigations:reveal': {
    input: z.object({ id }).strict(),
    output: out<{ path: string }>(),
  },
  'investigations:export': {
    // No id: the open investigation. No path: ask with a save dialog. An existing file is replaced only with force.
    input: z.object({ id: id.optional(), path: text(MAX_PATH).min(1).optional(), force: z.boolean().optional() }).strict(),
    output: out<ExportResult | Canceled>(),
  },
  'investigations:import': {
    // No path: ask with an open dialog. The archive is checked whole before anything is written.
    input: z.object({ path: text(MAX_PATH).min(1).optional(), open: z.boolean().optional() }).strict(),
    output: out<InvestigationInfo | Canceled>(),
  },
  'investigations:createSample': {
    input: z.object({}).strict(),
    output: out<InvestigationInfo>(),
  },
  'settings:get': {
    input: z.object({}).strict(),
    output: out<SettingsView>(),
  },
  'settings:update': {
    input: settingsPatchSchema,
    output: out<SettingsView>(),
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
  'evt:investigation:changed': { reason: 'open' | 'close' | 'create' | 'rename' | 'delete' | 'import'; current: InvestigationInfo | null };
  'evt:settings:changed': SettingsView;
  /** A menu entry whose dialog lives in the UI (issue 8): 'investigation.new', 'settings.open', or a result to show. */
  'evt:menu:command': { command: 'investigation.new' | 'settings.open' | 'notice'; message?: string };
}
export type EventName = keyof Events;
export const EVENT_NAMES: EventName[] = ['evt:import:progress', 'evt:library:changed', 'evt:investigation:changed', 'evt:settings:changed', 'evt:menu:command'];

/** The shape of `window.dossier`, built by the preload from this contract and nothing else. */
export interface DossierApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
