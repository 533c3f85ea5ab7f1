import path from 'node:path';
import { DossierError } from '../../shared/errors.ts';
import type { Session } from '../app/session.ts';
import { appInfo } from '../service/app-info.ts';
import type { SessionHandlers } from '../service/session-only.ts';
import { openWorkspace } from '../store/workspace.ts';
import { exportArchive, importArchive } from './archive.ts';
import { ARCHIVE_EXTENSION } from './archive-format.ts';
import { isInvestigationFolder, slugify } from './folders.ts';
import { createSample } from './sample.ts';
import { changePassphrase } from '../lock/lock-workspace.ts';
import { isLockedFolder } from '../lock/vault-files.ts';

const CANCELED = { canceled: true } as const;

/** The session's channels: investigations and settings. They work whether or not an investigation is open. */
export function investigationHandlers(session: Session): SessionHandlers {
  const { dialogs, settings, emit } = session.deps;

  return {
    'investigations:list': () => session.list(),
    'investigations:current': () => {
      const current = session.current();
      return current ? session.info(current.entry) : null;
    },
    'investigations:create': async ({ name, folder, chooseFolder, passphrase }) => {
      let dir = folder;
      if (!dir && chooseFolder) {
        if (!dialogs?.chooseFolder) throw new DossierError('FORBIDDEN', 'There is no window to show a folder dialog in.');
        const chosen = await dialogs.chooseFolder('Choose an empty folder for the new investigation');
        if (!chosen) return CANCELED;
        dir = chosen;
      }
      return session.create({ name, dir, passphrase });
    },
    'investigations:open': async ({ id, path: dir }) => {
      if (id) return session.open(session.entry(id));
      if (dir) return session.openFolder(dir);
      if (!dialogs?.chooseFolder) throw new DossierError('BAD_INPUT', 'Say which investigation to open.');
      const chosen = await dialogs.chooseFolder('Open an investigation folder');
      return chosen ? session.openFolder(chosen) : CANCELED;
    },
    'investigations:close': async () => {
      const closed = !!session.current();
      await session.close();
      return { closed };
    },
    'investigations:rename': ({ id, name }) => session.rename(id, name),
    'investigations:delete': ({ id, mode }) => ({ removed: true, ...session.remove(id, mode) }),
    'investigations:reveal': ({ id }) => {
      const entry = session.entry(id);
      if (!isInvestigationFolder(entry.path)) throw new DossierError('NOT_FOUND', `The folder ${entry.path} no longer exists.`);
      dialogs?.reveal?.(entry.path);
      return { path: entry.path };
    },
    'investigations:export': async ({ id, path: out, force }) => {
      const current = session.current();
      const entry = id ? session.entry(id) : current?.entry;
      if (!entry) throw new DossierError('NOT_FOUND', 'Open the investigation to export first, or say which one.');
      let outFile = out;
      if (!outFile) {
        if (!dialogs?.chooseExportPath) throw new DossierError('BAD_INPUT', 'Say where to write the archive.');
        const chosen = await dialogs.chooseExportPath(`${slugify(entry.name)}${ARCHIVE_EXTENSION}`);
        if (!chosen) return CANCELED;
        outFile = chosen;
        // The save dialog has already asked the user whether to replace an existing file.
        force = true;
      }
      const options = { outFile, force, appVersion: session.deps.appVersion, researcherName: settings.get().settings.researcherName || null };
      if (current?.entry.id === entry.id) {
        return exportArchive(current.app.workspace.db, { ...options, tmpDir: current.app.workspace.paths.tmpDir, lock: current.app.workspace.lock });
      }
      if (!isInvestigationFolder(entry.path)) throw new DossierError('NOT_FOUND', `The folder of "${entry.name}" is missing (${entry.path}).`);
      const workspace = openWorkspace(entry.path);
      try {
        return exportArchive(workspace.db, { ...options, tmpDir: workspace.paths.tmpDir });
      } finally {
        workspace.close();
      }
    },
    'investigations:import': async ({ path: file, open = true, passphrase, recoveryKey }) => {
      let archive = file;
      if (!archive) {
        if (!dialogs?.chooseArchive) throw new DossierError('BAD_INPUT', 'Say which archive to import.');
        const chosen = await dialogs.chooseArchive();
        if (!chosen) return CANCELED;
        archive = chosen;
      }
      const unlock = passphrase ? { passphrase } : recoveryKey ? { recoveryKey } : undefined;
      const { dir, name } = importArchive(path.resolve(archive), {
        userDataDir: session.deps.userDataDir,
        appVersion: session.deps.appVersion,
        researcherName: settings.get().settings.researcherName || null,
        unlock,
      });
      const entry = session.adoptImported(dir, name);
      return open ? session.open(entry, unlock) : session.info(entry);
    },
    'investigations:createSample': () => createSample(session),
    'investigations:unlock': ({ id, passphrase, recoveryKey, remember }) => {
      const refusal = remember ? session.rememberedKeys.refusal() : null;
      if (refusal) throw new DossierError('FORBIDDEN', refusal);
      const opened = session.open(session.entry(id), passphrase ? { passphrase } : { recoveryKey: recoveryKey! });
      const key = session.current()?.app.workspace.lock?.key;
      if (remember && key) session.rememberedKeys.remember(id, key);
      return opened;
    },
    'investigations:forgetKey': ({ id }) => ({ forgotten: session.rememberedKeys.forget(session.entry(id).id) }),
    'investigations:lock': ({ passphrase }) => session.lockCurrent(passphrase),
    'investigations:changePassphrase': ({ id, current, recoveryKey, next }) => {
      const entry = session.entry(id);
      if (!isLockedFolder(entry.path)) throw new DossierError('CONFLICT', `"${entry.name}" is not locked; lock it first.`);
      changePassphrase(entry.path, current ? { passphrase: current } : { recoveryKey: recoveryKey! }, next, session.deps.lockParams);
      return { changed: true };
    },
    'app:info': () => appInfo(session.deps.appVersion, session.deps.osSandbox),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => {
      const view = settings.update(patch);
      emit?.('evt:settings:changed', view);
      return view;
    },
  };
}
