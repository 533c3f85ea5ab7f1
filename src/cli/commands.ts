/**
 * Every `dossier` command but search (main.ts loads this module once it knows the command): the
 * workspace opened with the whole service, as the app composes it (open-app.ts).
 */
import path from 'node:path';
import type { BackupInfo, ImportProgress } from '../shared/domain.ts';
import { DossierError } from '../shared/errors.ts';
import { openApp, type OpenedApp } from '../main/app/open-app.ts';
import { call } from '../main/dispatch.ts';
import { restoreClosedWorkspace } from '../main/store/backup.ts';
import { DamagedDatabaseError, workspacePaths } from '../main/store/workspace.ts';
import { anchorQuote } from '../main/service/tagging.ts';
import { recordClosedRestore } from '../main/custody/events.ts';
import { openSettings } from '../main/settings/settings-store.ts';
import { runCodebookCommand } from './codebook-commands.ts';
import { runDeleteCommand } from './delete-command.ts';
import { runCustodyCommand } from './custody-commands.ts';
import { runAliasCommand } from './alias-commands.ts';
import { runEntityCommand } from './entity-commands.ts';
import { lazyChromiumPrinter, runReportCommand } from './report-commands.ts';
import { importProgressPrinter } from './progress.ts';
import { formatDocuments, formatImportSummary, formatPassages } from './format.ts';
import { escapeForTerminal } from './terminal-text.ts';
import { runInvestigationCommand } from './investigation-commands.ts';
import { runQdaCommand } from './qda-commands.ts';
import { runLockCommand, unlockFor } from './lock-commands.ts';
import { runTeamCommand } from './team-commands.ts';
import { cliVersion, defaultInvestigationDir } from './cli-defaults.ts';
import { INVESTIGATION_COMMANDS, LOCK_COMMANDS, type Values } from './options.ts';
import { writeFailure, writeOutput, type CliIo, type CliWorkers, type Output } from './cli-io.ts';

/** Runs `command` (not search) and writes its output; returns the exit code. */
export async function runWorkspaceCommand(
  command: string,
  args: string[],
  values: Values,
  userDataDir: string,
  io: CliIo,
  workers: CliWorkers,
): Promise<number> {
  let app: OpenedApp | undefined;
  try {
    if (LOCK_COMMANDS.includes(command)) {
      const output = await runLockCommand(command, args, values.workspace ?? defaultInvestigationDir(userDataDir), values, io.prompt, io.lockParams);
      writeOutput(io, values.json, output);
      return 0;
    }
    if (INVESTIGATION_COMMANDS.includes(command)) {
      const output = await runInvestigationCommand(command, args, values, userDataDir, io.prompt);
      writeOutput(io, values.json, output);
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
    writeOutput(io, values.json, output);
    return output.exitCode ?? 0;
  } catch (error) {
    return writeFailure(io, values.json, error);
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

function need(value: string | undefined, what: string): string {
  if (!value) throw new DossierError('BAD_INPUT', `Missing ${what}.`);
  return value;
}
