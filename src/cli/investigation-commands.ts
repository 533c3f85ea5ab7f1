/**
 * `dossier` commands about whole investigations (issue 8): list, create, export, import, sample.
 * They work on the user-data folder (the app's own, or --user-data DIR) rather than one workspace.
 */
import path from 'node:path';
import { DossierError } from '../shared/errors.ts';
import type { ExportResult, InvestigationInfo } from '../shared/investigations.ts';
import { openApp } from '../main/app/open-app.ts';
import { createSession, type Session } from '../main/app/session.ts';
import { exportArchive, importArchive, LOCKED_ARCHIVE } from '../main/investigations/archive.ts';
import type { Unlock } from '../main/lock/key-file.ts';
import { secretFrom, unlockFor, type LockValues, type Prompt } from './lock-commands.ts';
import { isInvestigationFolder, readStoreName, writeStoreName } from '../main/investigations/folders.ts';
import { openSettings } from '../main/settings/settings-store.ts';
import { countDocuments } from '../main/store/documents-repo.ts';
import { openWorkspace } from '../main/store/workspace.ts';
import { cliVersion, defaultInvestigationDir } from './cli-defaults.ts';

export interface CommandOutput {
  json: unknown;
  text: string;
  exitCode?: number;
  /** Sentences for stderr, after the output (issue 13: what an archive import cleaned or left out). */
  notes?: string[];
}

export interface InvestigationValues {
  workspace?: string | undefined;
  out?: string | undefined;
  force?: boolean | undefined;
  folder?: string | undefined;
}

/** The sample (UDHR through jsdom) loads only for `dossier sample`: every other command starts without it (issue 17). */
const loadSample = () => import('../main/investigations/sample.ts');

export async function runInvestigationCommand(
  command: string,
  args: string[],
  values: InvestigationValues & LockValues,
  userDataDir: string,
  prompt?: Prompt,
): Promise<CommandOutput> {
  const withSession = async <T>(work: (session: Session) => Promise<T> | T): Promise<T> => {
    const session = createSession({ userDataDir, appVersion: cliVersion(), settings: openSettings(userDataDir) });
    try {
      return await work(session);
    } finally {
      session.dispose();
    }
  };

  switch (command) {
    case 'investigations': {
      const investigations = await withSession((s) => s.list());
      return { json: { investigations }, text: formatInvestigations(investigations) };
    }
    case 'investigation': {
      const [verb, ...rest] = args;
      if (verb !== 'create') throw new DossierError('BAD_INPUT', 'Usage: dossier investigation create NAME [--folder DIR]');
      const name = rest.join(' ');
      const created = await withSession((s) => s.create({ name, dir: values.folder, open: false }));
      return { json: created, text: `Created "${created.name}" in ${created.path}` };
    }
    case 'export-investigation': {
      if (!values.out) throw new DossierError('BAD_INPUT', 'Missing --out FILE (where to write the archive).');
      const dir = path.resolve(values.workspace ?? defaultInvestigationDir(userDataDir));
      if (!isInvestigationFolder(dir)) throw new DossierError('NOT_FOUND', `${dir} is not a Dossier investigation.`);
      const workspace = openWorkspace(dir, { unlock: await unlockFor(dir, values, prompt) });
      let result: ExportResult;
      try {
        result = exportArchive(workspace.db, {
          outFile: values.out,
          force: values.force,
          appVersion: cliVersion(),
          tmpDir: workspace.paths.tmpDir,
          lock: workspace.lock,
        });
      } finally {
        workspace.close();
      }
      const c = result.manifest.counts;
      return {
        json: result,
        text: `Exported "${result.manifest.name}" to ${result.path} (${c.documents} documents, ${c.passages} passages, ${c.tags} tags, ${c.reports} reports; ${result.bytes} bytes).`,
      };
    }
    case 'import-investigation': {
      const file = args[0];
      if (!file) throw new DossierError('BAD_INPUT', 'Give the archive to import: dossier import-investigation FILE');
      const importWith = (unlock?: Unlock) => importArchive(path.resolve(file), { userDataDir, appVersion: cliVersion(), unlock });
      let imported: ReturnType<typeof importArchive>;
      try {
        imported = importWith(values['passphrase-file'] || values['recovery-key-file'] ? await secretFrom(values, prompt) : undefined);
      } catch (error) {
        // A locked archive: ask for its passphrase (at a terminal) and try once more.
        if (!(error instanceof DossierError) || error.message !== LOCKED_ARCHIVE || !prompt) throw error;
        imported = importWith(await secretFrom(values, prompt));
      }
      const { dir, name, manifest, cleaned } = imported;
      const info = await withSession((s) => s.info(s.adoptImported(dir, name)));
      return { json: { ...info, manifest, cleaned }, text: dir, notes: cleaned };
    }
    case 'sample': {
      if (values.workspace) {
        const dir = path.resolve(values.workspace);
        const app = openApp(dir);
        try {
          if (countDocuments(app.workspace.db) > 0) {
            throw new DossierError(
              'CONFLICT',
              `${dir} already holds documents. The sample goes into a new or empty investigation.`,
            );
          }
          const { fillSample, SAMPLE_NAME } = await loadSample();
          await fillSample(app.handlers, app.workspace.db);
          if (!readStoreName(app.workspace.db)) writeStoreName(app.workspace.db, SAMPLE_NAME);
        } finally {
          app.close();
        }
        return { json: { path: dir, name: (await loadSample()).SAMPLE_NAME }, text: dir };
      }
      const { createSample } = await loadSample();
      const sample = await withSession((s) => createSample(s));
      return { json: sample, text: sample.path };
    }
    default:
      throw new DossierError('BAD_INPUT', `Unknown command "${command}". Run dossier --help for the list.`);
  }
}

function formatInvestigations(list: InvestigationInfo[]): string {
  if (list.length === 0) return 'No investigations yet. Create one with: dossier investigation create NAME';
  return list
    .map((i) => {
      const flags = [i.sample ? 'sample' : '', i.exists ? '' : 'folder missing'].filter(Boolean).join(', ');
      const opened = i.lastOpenedAt ? `last opened ${i.lastOpenedAt.slice(0, 16).replace('T', ' ')}` : 'never opened';
      return `${i.name}${flags ? ` (${flags})` : ''}\n    ${i.path}\n    ${opened}  [${i.id}]`;
    })
    .join('\n');
}
