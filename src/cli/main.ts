/**
 * `dossier`: the headless command line over the same service as the app.
 * Every command takes `--workspace DIR` and `--json` (one JSON document on stdout; errors as
 * JSON with a code and a message, and a non-zero exit).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_FORMATS, type DocumentFormat, type SearchFilters } from '../shared/domain.ts';
import type { BackupInfo, ImportProgress } from '../shared/domain.ts';
import { DossierError, toErrorInfo } from '../shared/errors.ts';
import { openApp, type OpenedApp } from '../main/app/open-app.ts';
import { defaultUserDataDir } from '../main/app/default-workspace.ts';
import { call } from '../main/dispatch.ts';
import { restoreClosedWorkspace } from '../main/store/backup.ts';
import { DamagedDatabaseError, workspacePaths } from '../main/store/workspace.ts';
import { anchorQuote } from '../main/service/tagging.ts';
import { recordClosedRestore } from '../main/custody/events.ts';
import { runCodebookCommand } from './codebook-commands.ts';
import { runDeleteCommand, terminalAsk, type Ask } from './delete-command.ts';
import { runCustodyCommand } from './custody-commands.ts';
import { runAliasCommand } from './alias-commands.ts';
import { ENTITY_OPTIONS, runEntityCommand } from './entity-commands.ts';
import { lazyChromiumPrinter, REPORT_OPTIONS, runReportCommand } from './report-commands.ts';
import { USAGE } from './usage.ts';
import { importProgressPrinter, type ProgressStream } from './progress.ts';
import { formatDocuments, formatImportSummary, formatPassages, formatSearch } from './format.ts';
import { escapeForTerminal, jsonForTerminal } from './terminal-text.ts';
import {
  cliVersion,
  defaultInvestigationDir,
  INVESTIGATION_COMMANDS,
  runInvestigationCommand,
} from './investigation-commands.ts';
import { openSettings } from '../main/settings/settings-store.ts';
import { attributeSearchFilters, QDA_OPTIONS, runQdaCommand } from './qda-commands.ts';
import type { ScryptParams } from '../main/lock/key-file.ts';
import { LOCK_COMMANDS, LOCK_OPTIONS, runLockCommand, terminalPrompt, unlockFor, type Prompt } from './lock-commands.ts';
import { runTeamCommand, TEAM_OPTIONS } from './team-commands.ts';

const OPTIONS = {
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

interface Output {
  json: unknown;
  text: string;
  exitCode?: number;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Where the CLI writes: the process's streams, or buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Asks the user a yes/no question (delete); absent where no one can answer. */
  ask?: Ask | undefined;
  /** Asks for a passphrase without echo (issue 20); absent where no one can type. */
  prompt?: Prompt | undefined;
  /** scrypt's cost for a new passphrase (tests pass a cheap one; the file records its own). */
  lockParams?: ScryptParams | undefined;
}

/** The worker entries when they are not the sources beside their pools (the bundled CLI, scripts/build-cli.ts). */
export interface CliWorkers {
  searchWorkerUrl?: URL;
  parseWorkerUrl?: URL;
  entityWorkerUrl?: URL;
}

export async function runCli(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, ask: terminalAsk(), prompt: terminalPrompt() },
  workers: CliWorkers = {},
): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr.write(`${escapeForTerminal((error as Error).message)}\n\n${USAGE}\n`);
    return 2;
  }
  const [command, ...args] = positionals;
  if (values.version) {
    io.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  if (values.help || !command) {
    io.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const userDataDir = values['user-data'] ?? process.env.DOSSIER_USER_DATA ?? defaultUserDataDir();
  let app: OpenedApp | undefined;
  try {
    if (LOCK_COMMANDS.includes(command)) {
      const output = await runLockCommand(command, args, values.workspace ?? defaultInvestigationDir(userDataDir), values, io.prompt, io.lockParams);
      io.stdout.write(values.json ? `${jsonForTerminal(output.json)}\n` : `${escapeForTerminal(output.text)}\n`);
      return 0;
    }
    if (INVESTIGATION_COMMANDS.includes(command)) {
      const output = await runInvestigationCommand(command, args, values, userDataDir, io.prompt);
      io.stdout.write(values.json ? `${jsonForTerminal(output.json)}\n` : `${escapeForTerminal(output.text)}\n`);
      for (const note of output.notes ?? []) io.stderr.write(`${escapeForTerminal(note)}\n`);
      return output.exitCode ?? 0;
    }
    const dir = values.workspace ?? defaultInvestigationDir(userDataDir);
    const showProgress = importProgressPrinter(io.stderr);
    // Custody entries name the researcher of this user's settings (issue 19), as in the app.
    const actor = { appVersion: cliVersion(), researcherName: openSettings(userDataDir).get().settings.researcherName || null };
    const unlock = await unlockFor(dir, values, io.prompt);
    const open = () =>
      openApp(
        dir,
        {
          ...(workers.parseWorkerUrl ? { parseWorkerUrl: workers.parseWorkerUrl } : {}),
          ...(workers.entityWorkerUrl ? { entityWorkerUrl: workers.entityWorkerUrl } : {}),
          printPdf: lazyChromiumPrinter,
          custodyActor: () => actor,
          researcher: values.researcher,
          emit: (event, payload) => {
            if (event === 'evt:import:progress' && !values.json) showProgress(payload as ImportProgress);
          },
        },
        workers.searchWorkerUrl ? { workerUrl: workers.searchWorkerUrl } : {},
        unlock,
      );
    let restoredClosed: BackupInfo | undefined;
    try {
      app = open();
    } catch (error) {
      // A damaged or missing database cannot be opened: `restore` copies the backup in place first.
      if (command !== 'restore' || !(error instanceof DamagedDatabaseError)) throw error;
      restoredClosed = restoreClosedWorkspace(workspacePaths(path.resolve(dir)), args[0]);
      app = open();
      recordClosedRestore(app.workspace.db, restoredClosed);
    }
    const output = restoredClosed
      ? { json: { restored: restoredClosed }, text: `Restored ${restoredClosed.name} (taken ${restoredClosed.createdAt}).` }
      : await runCommand(app, command, args, values, io);
    io.stdout.write(values.json ? `${jsonForTerminal(output.json)}\n` : `${escapeForTerminal(output.text)}\n`);
    return output.exitCode ?? 0;
  } catch (error) {
    const info = toErrorInfo(error);
    if (values.json) io.stdout.write(`${jsonForTerminal({ error: info })}\n`);
    else io.stderr.write(`Error: ${escapeForTerminal(info.message)}\n`);
    return 1;
  } finally {
    await app?.close();
  }
}

async function runCommand(app: OpenedApp, command: string, args: string[], values: Values, io: CliIo): Promise<Output> {
  const h = app.handlers;
  switch (command) {
    case 'import': {
      if (args.length === 0) throw new DossierError('BAD_INPUT', 'Give at least one file or folder to import.');
      // Issue 16: the OCR languages of scans, checked by the contract like any input.
      const ocrLanguages = values['ocr-lang']
        ?.flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      const summary = await call(h, 'documents:import', {
        paths: args,
        ...(ocrLanguages?.length ? { ocrLanguages: ocrLanguages as ('en' | 'ru' | 'zh' | 'kk' | 'ug' | 'ar')[] } : {}),
      });
      return { json: summary, text: formatImportSummary(summary), exitCode: summary.failed.length ? 3 : 0 };
    }
    case 'list': {
      const documents = await call(h, 'documents:list', {});
      return { json: { documents }, text: formatDocuments(documents) };
    }
    case 'show': {
      const doc = await call(h, 'documents:get', { id: need(args[0], 'a document id') });
      const header = `${doc.title}\n${[doc.format, doc.language, doc.source, doc.author, doc.publishedAt, doc.url].filter(Boolean).join(' · ')}`;
      return { json: doc, text: `${header}\n\n${doc.text}` };
    }
    case 'search': {
      const query = args.join(' ');
      if (!query.trim()) throw new DossierError('BAD_INPUT', 'Give something to search for.');
      const limit = values.limit ? Number(values.limit) : undefined;
      const filters = await searchFilters(app, values);
      const response = await call(h, 'search:query', { query, ...(limit ? { limit } : {}), ...(filters ? { filters } : {}) });
      // A malformed query: its one-line explanation, and a non-zero exit.
      if (response.error) return { json: response, text: `Cannot search: ${response.error}`, exitCode: 2 };
      return { json: response, text: formatSearch(response) };
    }
    case 'stats': {
      const stats = await call(h, 'workspace:stats', {});
      return {
        json: stats,
        text: Object.entries(stats)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      };
    }
    case 'tag': {
      const documentId = need(values.doc, '--doc ID');
      if ((values.tag?.length ?? 0) > 1) throw new DossierError('BAD_INPUT', 'Give one --tag NAME to tag a passage.');
      const doc = await call(h, 'documents:get', { id: documentId });
      const { start, end } = anchorQuote(doc.text, need(values.quote, '--quote TEXT'));
      const passage = await call(h, 'passages:create', {
        documentId,
        start,
        end,
        tagNames: [need(values.tag?.[0], '--tag NAME')],
        ...(values.note ? { note: values.note } : {}),
      });
      return { json: passage, text: `Tagged ${passage.start}–${passage.end} of "${passage.documentTitle}" [${passage.id}]` };
    }
    case 'passages': {
      const tags = await call(h, 'tags:list', {});
      let tagId: string | undefined;
      const name = values.tag?.[0];
      if (name) {
        tagId = tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase())?.id;
        if (!tagId) throw new DossierError('NOT_FOUND', `There is no tag named "${name}".`);
      }
      // a tag stands for itself and its subtags, as in the app's passages view (issue 14); --own for its own alone
      const passages = tagId
        ? await call(h, 'passages:query', { tagIds: [tagId], ownOnly: values.own })
        : await call(h, 'passages:list', {});
      return { json: { passages }, text: formatPassages(passages, tags) };
    }
    case 'delete':
      return runDeleteCommand(h, args, { yes: values.yes, json: values.json, ask: io.ask });
    case 'verify': {
      const report = await call(h, 'workspace:verify', {});
      const text = report.ok
        ? `OK: ${report.documentsChecked} documents, ${report.passagesChecked} passages, ${report.indexedDocuments} indexed.`
        : `Problems found:\n${report.problems.map((p) => `  - ${p}`).join('\n')}`;
      return { json: report, text, exitCode: report.ok ? 0 : 4 };
    }
    case 'custody':
      return runCustodyCommand(h, args, values);
    case 'backup': {
      const backup = await call(h, 'backups:create', {});
      return { json: backup, text: `Backed up to ${backup.name} (${Math.ceil(backup.bytes / 1024)} KB).` };
    }
    case 'backups': {
      const backups = await call(h, 'backups:list', {});
      const text = backups.length
        ? backups.map((b) => `${b.name}  ${b.reason}  ${Math.ceil(b.bytes / 1024)} KB`).join('\n')
        : 'No backups yet.';
      return { json: { backups }, text };
    }
    case 'restore': {
      const result = await call(h, 'backups:restore', args[0] ? { name: args[0] } : {});
      return {
        json: result,
        text: `Restored ${result.restored.name} (taken ${result.restored.createdAt}). The state before the restore is in ${result.safetyBackup.name}.`,
      };
    }
    default: {
      const codebook = await runCodebookCommand(app, command, args);
      if (codebook) return codebook;
      const alias = await runAliasCommand(app, command, args);
      if (alias) return alias;
      const entities = await runEntityCommand(app, command, args, values);
      if (entities) return entities;
      const report = await runReportCommand(h, command, args, values);
      if (report) return report;
      const qda = await runQdaCommand(app, command, args, values);
      if (qda) return qda;
      const team = await runTeamCommand(app, command, args, values, io.prompt);
      if (team) return team;
      throw new DossierError('BAD_INPUT', `Unknown command "${command}". Run dossier --help for the list.`);
    }
  }
}

/** The search filters of the command line (--tag, --lang, --format, --source, --from, --to), or undefined. */
async function searchFilters(app: OpenedApp, values: Values): Promise<SearchFilters | undefined> {
  const filters: SearchFilters = {};
  if (values.tag?.length) {
    const tags = await call(app.handlers, 'tags:list', {});
    filters.tagIds = values.tag.map((name) => {
      const tag = tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
      if (!tag) throw new DossierError('NOT_FOUND', `There is no tag named "${name}".`);
      return tag.id;
    });
  }
  if (values.lang?.length) filters.languages = values.lang;
  if (values.format?.length) {
    for (const f of values.format) {
      if (!(DOCUMENT_FORMATS as readonly string[]).includes(f)) {
        throw new DossierError('BAD_INPUT', `Unknown format "${f}"; use one of ${DOCUMENT_FORMATS.join(', ')}.`);
      }
    }
    filters.formats = values.format as DocumentFormat[];
  }
  if (values.source?.length) filters.sources = values.source;
  if (values.from) filters.dateFrom = values.from;
  if (values.to) filters.dateTo = values.to;
  // Issue 21: document attributes (--attr NAME=VALUE).
  const attributes = attributeSearchFilters(app, values.attr);
  if (attributes) filters.attributes = attributes;
  return Object.keys(filters).length ? filters : undefined;
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new DossierError('BAD_INPUT', `Missing ${what}.`);
  return value;
}
