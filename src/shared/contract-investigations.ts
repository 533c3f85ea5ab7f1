/**
 * The channels of investigations (issue 8: the registry, archives; issue 20: locking), spread into
 * the contract (./contract.ts) so that file stays under its size limit.
 */
import { z } from 'zod';
import type { Canceled, ExportResult, InvestigationInfo } from './investigations.ts';
import { id, MAX_PATH, out, text } from './contract-schemas.ts';

export const investigationChannels = {
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
    input: z
      .object({
        name: text(200).min(1),
        folder: text(MAX_PATH).min(1).optional(),
        chooseFolder: z.boolean().optional(),
        // Issue 20: a passphrase locks the new investigation; the answer then carries the recovery key, shown once.
        passphrase: text(1024).min(1).optional(),
      })
      .strict(),
    output: out<(InvestigationInfo & { recoveryKey?: string }) | Canceled>(),
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
    input: z
      .object({
        path: text(MAX_PATH).min(1).optional(),
        open: z.boolean().optional(),
        // Issue 20: the passphrase or recovery key of a locked archive (it stays locked under it).
        passphrase: text(1024).min(1).optional(),
        recoveryKey: text(400).min(1).optional(),
      })
      .strict(),
    output: out<InvestigationInfo | Canceled>(),
  },
  'investigations:createSample': {
    input: z.object({}).strict(),
    output: out<InvestigationInfo>(),
  },
  // Issue 20: locked investigations. Opening one takes its passphrase or its recovery key (12 words).
  'investigations:unlock': {
    input: z
      .object({
        id,
        passphrase: text(1024).min(1).optional(),
        recoveryKey: text(400).min(1).optional(),
        // Keep the key in this computer's keyring (safeStorage); refused where that would be plain text.
        remember: z.boolean().optional(),
      })
      .strict()
      .refine((i) => !!i.passphrase !== !!i.recoveryKey, 'Give the passphrase or the recovery key.'),
    output: out<InvestigationInfo>(),
  },
  'investigations:forgetKey': {
    input: z.object({ id }).strict(),
    output: out<{ forgotten: boolean }>(),
  },
  /** "Lock this investigation…": the open one, converted in place; the recovery key is in the answer, shown once. */
  'investigations:lock': {
    input: z.object({ passphrase: text(1024).min(1) }).strict(),
    output: out<{ investigation: InvestigationInfo; recoveryKey: string }>(),
  },
  'investigations:changePassphrase': {
    input: z
      .object({ id, current: text(1024).min(1).optional(), recoveryKey: text(400).min(1).optional(), next: text(1024).min(1) })
      .strict()
      .refine((i) => !!i.current !== !!i.recoveryKey, 'Give the current passphrase or the recovery key.'),
    output: out<{ changed: boolean }>(),
  },
} as const;
