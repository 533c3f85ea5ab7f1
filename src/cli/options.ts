/**
 * The command line's options and command groups, in a module that imports nothing: main.ts parses
 * the arguments before it loads the one command's modules (issue 17: `dossier search` loads neither
 * the importers nor the reports).
 */
import type { parseArgs } from 'node:util';

export const REPORT_OPTIONS = {
  title: { type: 'string' },
  subtitle: { type: 'string' },
  'author-line': { type: 'string' },
  date: { type: 'string' },
  'from-tags': { type: 'string' },
  style: { type: 'string' },
  out: { type: 'string' },
  redact: { type: 'string' },
  'redact-terms': { type: 'string' },
  force: { type: 'boolean', default: false },
  // Issue 18: the timeline section in this export (--tag and --entity are the timeline command's).
  timeline: { type: 'boolean', default: false },
} as const;

export const ENTITY_OPTIONS = {
  type: { type: 'string' },
  entity: { type: 'string', multiple: true },
} as const;

export const QDA_OPTIONS = {
  set: { type: 'string' },
  investigation: { type: 'boolean', default: false },
  type: { type: 'string' },
  choices: { type: 'string' },
  unit: { type: 'string' },
  attr: { type: 'string', multiple: true },
} as const;

export const LOCK_OPTIONS = {
  'passphrase-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  'recovery-key-file': { type: 'string' },
} as const;

export const TEAM_OPTIONS = {
  researcher: { type: 'string' },
  coders: { type: 'string' },
  csv: { type: 'string' },
} as const;

export const OPTIONS = {
  workspace: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
  doc: { type: 'string' },
  quote: { type: 'string' },
  tag: { type: 'string', multiple: true },
  note: { type: 'string' },
  limit: { type: 'string' },
  lang: { type: 'string', multiple: true },
  'ocr-lang': { type: 'string', multiple: true },
  format: { type: 'string', multiple: true },
  source: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  ...REPORT_OPTIONS,
  ...ENTITY_OPTIONS,
  'user-data': { type: 'string' },
  folder: { type: 'string' },
  yes: { type: 'boolean', default: false },
  own: { type: 'boolean', default: false },
  ...QDA_OPTIONS,
  ...LOCK_OPTIONS,
  ...TEAM_OPTIONS,
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Commands on the key of a workspace (lock-commands.ts). */
export const LOCK_COMMANDS = ['lock', 'unlock', 'passphrase'];

/** Commands on whole investigations in the user-data folder (investigation-commands.ts). */
export const INVESTIGATION_COMMANDS = [
  'investigations',
  'investigation',
  'export-investigation',
  'import-investigation',
  'sample',
];
