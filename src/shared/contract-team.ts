/**
 * Issue 21 (qda-team): the contract's teamwork channels, spread into `contract` (./contract.ts,
 * which had reached 500 lines): the researcher name of this investigation (empty: Settings' name
 * applies), merge of a colleague's copy, inter-coder agreement.
 */
import { z } from 'zod';
import { RESEARCHER_NAME_MAX } from './custody.ts';
import type { Canceled } from './investigations.ts';
import type { AgreementReport, MergeSummary } from './team.ts';
import { id, MAX_PATH, out, text } from './contract-schemas.ts';

const coders = z.tuple([z.string().min(1).max(RESEARCHER_NAME_MAX), z.string().min(1).max(RESEARCHER_NAME_MAX)]);

export const teamChannels = {
  'team:researcher': {
    input: z.object({}).strict(),
    output: out<{ investigation: string | null; effective: string | null }>(),
  },
  'team:setResearcher': {
    input: z.object({ name: z.string().max(RESEARCHER_NAME_MAX) }).strict(),
    output: out<{ investigation: string | null; effective: string | null }>(),
  },
  'team:merge': {
    // No path: ask with the archive dialog.
    // Issue 20: the passphrase or recovery key of a locked archive (without it, a sentence refuses it).
    input: z
      .object({
        path: text(MAX_PATH).min(1).optional(),
        passphrase: text(1024).min(1).optional(),
        recoveryKey: text(400).min(1).optional(),
      })
      .strict()
      .refine((i) => !(i.passphrase && i.recoveryKey), 'Give the passphrase or the recovery key, not both.'),
    output: out<MergeSummary | Canceled>(),
  },
  'team:researchers': {
    input: z.object({}).strict(),
    output: out<string[]>(),
  },
  'team:agreement': {
    input: z.object({ tagId: id, coders: coders.optional() }).strict(),
    output: out<AgreementReport>(),
  },
  'team:exportAgreement': {
    // No path: ask with a save dialog.
    input: z
      .object({
        tagId: id,
        coders: coders.optional(),
        path: text(MAX_PATH).min(1).optional(),
        force: z.boolean().optional(),
      })
      .strict(),
    output: out<{ path: string | null; bytes: number }>(),
  },
} as const;
