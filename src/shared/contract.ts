/**
 * The IPC contract: every channel the renderer may call, with its input schema and output type.
 * Channel names are `area:verb`. The same map serves Electron IPC, the CLI and the e2e bridge.
 */
import { z } from 'zod';
import type {
  AliasGroup,
  BackupInfo,
  DeletionImpact,
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
import { DOCUMENT_FORMATS } from './domain.ts';
import type { Result } from './errors.ts';
import { EXPORT_FORMATS, type RedactionHit, type Report, type ReportSummary } from './reports.ts';
import type { InvestigationInfo } from './investigations.ts';
import { settingsPatchSchema, type SettingsView } from './settings.ts';
import type { CustodyEntry, CustodyVerifyReport } from './custody.ts';
import { teamChannels } from './contract-team.ts';

import {
  id,
  MAX_DROPPED_BYTES,
  MAX_PATH,
  ocrLanguages,
  OCR_LANGUAGE_CODES,
  out,
  reportBody,
  reportDate,
  reportSettings,
  reportTimeline,
  text,
} from './contract-schemas.ts';
import { attributeFilter, qdaChannels } from './contract-qda.ts';
import { entityChannels } from './contract-entities.ts';
import { libraryChannels, passageFilterFields } from './contract-library.ts';
import type { EntityJobProgress } from './entities.ts';

export { OCR_LANGUAGE_CODES };

import { investigationChannels } from './contract-investigations.ts';
export const contract = {
  /** Stops the text recognition of the import under way: the file being recognised, and the scans after it, fail with a sentence (issue 16). */
  'documents:cancelOcr': {
    input: z.object({}).strict(),
    output: out<{ cancelled: boolean }>(),
  },
  'documents:import': {
    input: z
      .object({ paths: z.array(text(MAX_PATH).min(1)).min(1).max(100_000), ocrLanguages: ocrLanguages.optional() })
      .strict(),
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
        ocrLanguages: ocrLanguages.optional(),
      })
      .strict(),
    output: out<ImportSummary>(),
  },
  // Issue 3: metadata is editable after import. Absent fields are left as they are; null or '' clears one.
  'documents:updateMeta': {
    input: z
      .object({
        id,
        title: text(500).optional(),
        source: text(500).nullable().optional(),
        author: text(500).nullable().optional(),
        url: z
          .string()
          .max(2000)
          .regex(/^$|^https?:\/\/\S+$/i, 'A URL starts with http:// or https://.')
          .nullable()
          .optional(),
        // Issue 14: a date as the user typed it ("4 June 2018", "04.06.2018"); the service reads it or says what to type.
        publishedAt: text(100).nullable().optional(),
        language: z
          .string()
          .regex(/^$|^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A language is a code such as en, zh, ug, kk or ru.')
          .nullable()
          .optional(),
      })
      .strict(),
    output: out<DocumentSummary>(),
  },
  // Issue 14: the user has checked a document's flagged details; its review flags clear (kept in meta).
  'documents:markReviewed': {
    input: z.object({ id }).strict(),
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
  /** The original file's bytes, for the page view of a PDF or a scan (issue 16): rendered in the renderer by pdf.js, never run. */
  'documents:original': {
    input: z.object({ id }).strict(),
    output: out<{ name: string; bytes: Uint8Array }>(),
  },
  'documents:delete': {
    input: z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
    // quotesKept, undoable: issue 14 (quotes reports cite are kept; the deletion can be undone)
    output: out<{ deleted: number; passagesRemoved: number; quotesKept: number; undoable: boolean }>(),
  },
  // Issue 14: what a deletion takes (passages, reports quoting them), asked before it.
  'documents:deleteImpact': {
    input: z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
    output: out<DeletionImpact>(),
  },
  'search:query': {
    input: z
      .object({
        query: text(2000),
        limit: z.number().int().min(1).max(1000).optional(),
        filters: z
          .object({
            tagIds: z.array(id).max(200).optional(),
            languages: z.array(text(35).min(1)).max(50).optional(),
            formats: z.array(z.enum(DOCUMENT_FORMATS)).max(DOCUMENT_FORMATS.length).optional(),
            sources: z.array(text(500).min(1)).max(200).optional(),
            dateFrom: z
              .string()
              .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'A date is YYYY, YYYY-MM or YYYY-MM-DD.')
              .optional(),
            dateTo: z
              .string()
              .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'A date is YYYY, YYYY-MM or YYYY-MM-DD.')
              .optional(),
            // Issue 21: document attributes (each must hold).
            attributes: z.array(attributeFilter).max(50).optional(),
            entityIds: z.array(id).max(50).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: out<SearchResponse>(),
  },
  // Issue 14, item 5: the words of a search to mark in the document opened from its results.
  'search:matches': {
    input: z.object({ query: text(2000), documentId: id }).strict(),
    output: out<{ start: number; end: number }[]>(),
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
  // Issue 5: reading and tagging (codebook edits, passage edits, passages view, undo, metadata in place).
  'tags:update': {
    input: z
      .object({
        id,
        name: text(200).min(1).optional(),
        color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/)
          .optional(),
        description: text(10_000).optional(),
        parentId: id.nullable().optional(),
      })
      .strict(),
    output: out<Tag>(),
  },
  'tags:impact': {
    input: z.object({ id }).strict(),
    output: out<{ passages: number; subtags: number }>(),
  },
  'tags:delete': {
    input: z.object({ id }).strict(),
    output: out<{ deleted: true; passagesAffected: number; subtagsDeleted: number }>(),
  },
  'tags:merge': {
    input: z.object({ sourceId: id, targetId: id }).strict(),
    output: out<{ tag: Tag; passagesMoved: number; nestedFolded: number }>(),
  },
  'tags:documents': {
    input: z.object({ tagIds: z.array(id).max(1000) }).strict(),
    output: out<string[]>(),
  },
  'passages:update': {
    input: z.object({ id, note: text(100_000).optional(), tagIds: z.array(id).max(100).optional() }).strict(),
    output: out<PassageView>(),
  },
  'passages:query': {
    input: z
      .object({ ...passageFilterFields, limit: z.number().int().min(1).max(100_000).optional() })
      .strict(),
    output: out<PassageView[]>(),
  },
  'history:status': {
    input: z.object({}).strict(),
    output: out<{ undo: string | null; redo: string | null }>(),
  },
  'history:undo': {
    input: z.object({}).strict(),
    output: out<{ undone: string | null }>(),
  },
  // Issue 14: redo of what undo took back.
  'history:redo': {
    input: z.object({}).strict(),
    output: out<{ redone: string | null }>(),
  },
  'dialog:pickFiles': {
    // folders: pick folders to import whole (issue 14, item 12: folder import outside the native menu too).
    input: z.object({ folders: z.boolean().optional() }).strict(),
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
  // ── Reports (issue 6) ──
  'reports:list': {
    input: z.object({}).strict(),
    output: out<ReportSummary[]>(),
  },
  'reports:get': {
    input: z.object({ id }).strict(),
    output: out<Report>(),
  },
  'reports:create': {
    input: z
      .object({
        title: text(500).min(1),
        subtitle: text(1000).optional(),
        authorLine: text(1000).optional(),
        reportDate: reportDate.nullable().optional(),
        fromTagIds: z.array(id).max(1000).optional(),
        /** The user's defaults from Settings, so a new report starts from them in one step. */
        settings: reportSettings.optional(),
      })
      .strict(),
    output: out<Report>(),
  },
  'reports:update': {
    input: z
      .object({
        id,
        title: text(500).min(1).optional(),
        subtitle: text(1000).optional(),
        authorLine: text(1000).optional(),
        reportDate: reportDate.nullable().optional(),
        body: reportBody.optional(),
        settings: reportSettings.optional(),
      })
      .strict(),
    output: out<Report>(),
  },
  'reports:addPassages': {
    input: z.object({ id, passageIds: z.array(id).min(1).max(10_000), sectionId: id.optional() }).strict(),
    output: out<Report>(),
  },
  'reports:delete': {
    input: z.object({ id }).strict(),
    output: out<{ deleted: boolean }>(),
  },
  'reports:preview': {
    input: z.object({ id, settings: reportSettings.optional() }).strict(),
    output: out<{ html: string; hits: RedactionHit[] }>(),
  },
  'reports:export': {
    input: z
      .object({
        id,
        format: z.enum([...EXPORT_FORMATS, 'redaction-log']),
        /** Absent in the app: the main process asks with a save dialog. */
        path: text(MAX_PATH).min(1).optional(),
        force: z.boolean().optional(),
        redact: z
          .object({
            emails: z.boolean().optional(),
            phones: z.boolean().optional(),
            terms: z.array(text(500)).max(10_000).optional(),
          })
          .strict()
          .optional(),
        termsFile: text(MAX_PATH).min(1).optional(),
        /** Issue 18: the timeline section for this export only (the CLI's --timeline), over the report's setting. */
        timeline: reportTimeline.optional(),
      })
      .strict(),
    output: out<{ path: string | null; bytes: number; redacted: number; kept: number }>(),
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
  // Issue 8: investigations (the session's channels; they work with no investigation open), issue 20: locking (contract-investigations.ts); then settings.
  ...investigationChannels,
  'settings:get': {
    input: z.object({}).strict(),
    output: out<SettingsView>(),
  },
  'settings:update': {
    input: settingsPatchSchema,
    output: out<SettingsView>(),
  },
  // Issue 19: the chain of custody. A document's history, the whole log, its check, a CSV of it.
  'custody:list': {
    input: z.object({ documentId: id.optional(), limit: z.number().int().min(1).max(1_000_000).optional() }).strict(),
    output: out<CustodyEntry[]>(),
  },
  'custody:verify': {
    input: z.object({}).strict(),
    output: out<CustodyVerifyReport>(),
  },
  'custody:exportCsv': {
    // No path: ask with a save dialog.
    input: z.object({ path: text(MAX_PATH).min(1).optional(), force: z.boolean().optional() }).strict(),
    output: out<{ path: string | null; bytes: number; entries: number }>(),
  },
  // Issue 8 (UI): the About dialog. Versions present in this process (no electron/chrome outside Electron).
  'app:info': {
    input: z.object({}).strict(),
    // osSandbox (issue 12): false when the app runs without Chromium's OS sandbox (--no-sandbox); absent outside Electron.
    output: out<{ appVersion: string; versions: { electron?: string; chrome?: string; node: string }; osSandbox?: boolean }>(),
  },
  // Issue 15: alias groups of names for one person or place; a search for one finds all.
  'aliases:list': {
    input: z.object({}).strict(),
    output: out<AliasGroup[]>(),
  },
  'aliases:add': {
    input: z.object({ names: z.array(z.string().trim().min(1).max(200)).min(2).max(50) }).strict(),
    output: out<AliasGroup>(),
  },
  'aliases:remove': {
    input: z.object({ id }).strict(),
    output: out<{ removed: string }>(),
  },
  // Issue 21 (items 1-3): memos, document attributes, analysis tables (contract-qda.ts).
  ...qdaChannels,
  ...teamChannels,
  // Issue 18: entities found in the documents and the timeline (contract-entities.ts).
  ...entityChannels,
  ...libraryChannels,
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
  /** The search index being loaded from its caches or built from the store. */
  'evt:index:progress': { phase: 'load' | 'build'; done: number; total: number };
  'evt:investigation:changed': {
    reason: 'open' | 'close' | 'create' | 'rename' | 'delete' | 'import';
    current: InvestigationInfo | null;
  };
  'evt:settings:changed': SettingsView;
  /** A menu entry whose dialog lives in the UI (issue 8): 'investigation.new', 'settings.open', or a result to show. */
  'evt:menu:command': { command: 'investigation.new' | 'settings.open' | 'about.open' | 'notice'; message?: string };
  /** Issue 18: the entity job reading stored documents in the background. */
  'evt:entities:progress': EntityJobProgress;
}
export type EventName = keyof Events;
export const EVENT_NAMES: EventName[] = [
  'evt:import:progress',
  'evt:library:changed',
  'evt:index:progress',
  'evt:investigation:changed',
  'evt:settings:changed',
  'evt:menu:command',
  'evt:entities:progress',
];

/** The shape of `window.dossier`, built by the preload from this contract and nothing else. */
export interface DossierApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /**
   * Issue 12: the path of a dropped file, from Electron's webUtils, so a drop is imported by path
   * (no bytes over IPC). Absent or '' where no path is known: the renderer then sends each file's
   * bytes in a call of its own.
   */
  pathForFile?(file: Blob): string;
}
