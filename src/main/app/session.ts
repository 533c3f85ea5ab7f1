/**
 * The session (issue 8): which investigation is open. The service is bound to one workspace
 * (openApp → createService); the session holds the current OpenedApp and swaps it on open,
 * switch and close, so every other channel reaches the investigation that is open now.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EventName, Events } from '../../shared/contract.ts';
import { DossierError } from '../../shared/errors.ts';
import type { InvestigationInfo } from '../../shared/investigations.ts';
import {
  assertUsableNewFolder,
  cleanName,
  importTmpRoot,
  investigationsRoot,
  isInvestigationFolder,
  legacyWorkspaceDir,
  moveToDeleted,
  PRIVATE_DIR,
  readStoreName,
  slugify,
  uniqueChild,
  writeStoreName,
} from '../investigations/folders.ts';
import { openRegistry, type Registry, type RegistryEntry } from '../investigations/registry.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { openDatabase } from '../store/database.ts';
import { nowIso } from '../store/ids.ts';
import { DATABASE_FILE, openWorkspace } from '../store/workspace.ts';
import { openApp, type OpenedApp } from './open-app.ts';
import { createLockedFolder, lockInPlace, type WorkspaceUnlock } from '../lock/lock-workspace.ts';
import { checkPassphrase, type ScryptParams } from '../lock/key-file.ts';
import { isLockedFolder } from '../lock/vault-files.ts';
import { openRememberedKeys, type KeyProtector, type RememberedKeys } from '../lock/remembered-keys.ts';

/** What only a window can do; absent in the CLI and tests, where paths are given instead. */
export interface SessionDialogs {
  chooseFolder?(title: string): Promise<string | null>;
  chooseArchive?(): Promise<string | null>;
  chooseExportPath?(suggestedName: string): Promise<string | null>;
  pickFiles?(folders?: boolean): Promise<string[]>;
  reveal?(dir: string): void;
}

export interface SessionDeps {
  userDataDir: string;
  appVersion: string;
  /** Issue 12: whether Chromium's OS sandbox is on (Electron only); the window warns when it is off. */
  osSandbox?: boolean | undefined;
  settings: SettingsStore;
  dialogs?: SessionDialogs | undefined;
  emit?: (<E extends EventName>(event: E, payload: Events[E]) => void) | undefined;
  /**
   * Opens an investigation's folder: openApp by default; the Electron entry passes one that adds its
   * printer, bundled worker files and the restore-from-backup question (issues 6, 3, 4, 7).
   */
  openApp?: ((dir: string, extra: Parameters<typeof openApp>[1], unlock?: WorkspaceUnlock) => OpenedApp) | undefined;
  /** Issue 20: scrypt's cost for new passphrases; tests pass a cheap one, the app the default. */
  lockParams?: ScryptParams | undefined;
  /** Issue 20: the OS keyring (Electron's safeStorage) for "remember on this computer"; absent in the CLI. */
  keyProtector?: KeyProtector | undefined;
}

export interface Session {
  readonly deps: SessionDeps;
  readonly registry: Registry;
  /** Data keys kept in the OS keyring by "remember on this computer" (issue 20). */
  readonly rememberedKeys: RememberedKeys;
  /** The open investigation, or undefined (the start screen). */
  current(): { entry: RegistryEntry; app: OpenedApp } | undefined;
  /** The open investigation's app, or a clear sentence when none is open. */
  requireApp(): OpenedApp;
  info(entry: RegistryEntry): InvestigationInfo;
  list(): InvestigationInfo[];
  entry(id: string): RegistryEntry;
  /** Opens an investigation; a locked one needs `unlock` (its passphrase or recovery key). */
  open(entry: RegistryEntry, unlock?: WorkspaceUnlock): InvestigationInfo;
  /** Opens (and lists, if new) an existing investigation folder. */
  openFolder(dir: string): InvestigationInfo;
  /** Makes a new, empty investigation under investigations/ or in `dir`, and opens it unless told not to. */
  create(fields: { name: string; dir?: string | undefined; sample?: boolean; open?: boolean; passphrase?: string | undefined }): InvestigationInfo & { recoveryKey?: string };
  /** "Lock this investigation…" (issue 20): closes the open one, converts it in place, reopens it unlocked. */
  lockCurrent(passphrase: string, hooks?: { afterStaging?: () => void }): Promise<{ investigation: InvestigationInfo; recoveryKey: string }>;
  /**
   * Lists a folder that an archive import just put in place. A name already in the list gets a
   * number ("Camps (2)"), in the list and in its store, so two copies can be told apart.
   */
  adoptImported(dir: string, name: string): RegistryEntry;
  /** Closes the open investigation; the promise settles when its store is saved (a locked one's journal folded in). */
  close(): Promise<void>;
  rename(id: string, name: string): InvestigationInfo;
  remove(id: string, mode: 'forget' | 'trash'): { movedTo: string | null };
  dispose(): void;
}

export const NO_INVESTIGATION = 'No investigation is open. Open one from the start screen, or create a new one.';

export function createSession(deps: SessionDeps): Session {
  const registry = openRegistry(deps.userDataDir);
  const rememberedKeys = openRememberedKeys(deps.userDataDir, deps.keyProtector);
  const emit = deps.emit ?? (() => undefined);
  let current: { entry: RegistryEntry; app: OpenedApp } | undefined;

  sweepStaleImports(importTmpRoot(deps.userDataDir));
  adoptLegacyWorkspace(deps.userDataDir, registry);

  const info = (entry: RegistryEntry): InvestigationInfo => ({
    id: entry.id,
    name: entry.name,
    path: entry.path,
    createdAt: entry.createdAt,
    lastOpenedAt: entry.lastOpenedAt,
    sample: entry.sample,
    exists: isInvestigationFolder(entry.path),
    current: current?.entry.id === entry.id,
    locked: isLockedFolder(entry.path),
  });
  const changed = (reason: Events['evt:investigation:changed']['reason']) =>
    emit('evt:investigation:changed', { reason, current: current ? info(current.entry) : null });

  const session: Session = {
    deps,
    registry,
    rememberedKeys,
    current: () => current,
    requireApp() {
      if (!current) throw new DossierError('NOT_FOUND', NO_INVESTIGATION);
      return current.app;
    },
    info,
    list: () => registry.list().map(info),
    entry(id) {
      const entry = registry.get(id);
      if (!entry) throw new DossierError('NOT_FOUND', 'That investigation is no longer in the list.');
      return entry;
    },
    open(entry, given) {
      if (current?.entry.id === entry.id) return info(current.entry);
      const remembered = given || !isLockedFolder(entry.path) ? undefined : rememberedKeys.recall(entry.id);
      const unlock = given ?? (remembered ? { dataKey: remembered } : undefined);
      if (!isInvestigationFolder(entry.path)) {
        throw new DossierError('NOT_FOUND', `The folder of "${entry.name}" is missing (${entry.path}). It was moved or deleted outside Dossier.`);
      }
      // Open the new one before closing the old: if it cannot be opened, the user keeps what they had.
      const app = (deps.openApp ?? ((dir, extra, key) => openApp(dir, extra, {}, key)))(entry.path, {
        emit: deps.emit,
        pickFiles: deps.dialogs?.pickFiles,
        // Issue 21: "Merge an investigation…" picks its archive with the same dialog as archive import.
        pickArchive: deps.dialogs?.chooseArchive ? () => deps.dialogs!.chooseArchive!() : undefined,
        maxFileBytesNow: () => deps.settings.maxFileBytes(),
        custodyActor: () => ({ appVersion: deps.appVersion, researcherName: deps.settings.get().settings.researcherName || null }),
      }, unlock);
      const storeName = readStoreName(app.workspace.db);
      current?.app.close();
      const updated = registry.update(entry.id, { lastOpenedAt: nowIso(), ...(storeName ? { name: storeName } : {}) })!;
      if (!storeName) writeStoreName(app.workspace.db, entry.name);
      current = { entry: updated, app };
      // Issue 18: documents stored before (or by an older extractor) are read for entities in the background.
      void Promise.resolve(app.handlers['entities:extract']({})).catch(() => undefined);
      changed('open');
      return info(updated);
    },
    openFolder(dir) {
      const resolved = path.resolve(dir);
      if (!isInvestigationFolder(resolved)) {
        throw new DossierError('NOT_FOUND', `${resolved} is not a Dossier investigation (it has no ${DATABASE_FILE}).`);
      }
      return session.open(registry.findByPath(resolved) ?? registry.add({ name: path.basename(resolved), path: resolved }));
    },
    create({ name, dir, sample = false, open = true, passphrase }) {
      const clean = cleanName(name);
      let folder: string;
      if (dir) {
        folder = path.resolve(dir);
        assertUsableNewFolder(folder);
      } else {
        mkdirSync(investigationsRoot(deps.userDataDir), { recursive: true, mode: PRIVATE_DIR });
        folder = uniqueChild(investigationsRoot(deps.userDataDir), slugify(clean));
      }
      // A locked one is never plain on disk, not even empty: the vault exists before the store does.
      const locked = passphrase ? createLockedFolder(folder, passphrase, deps.lockParams) : undefined;
      const unlock = locked ? { dataKey: locked.dataKey } : undefined;
      const workspace = openWorkspace(folder, { unlock });
      try {
        writeStoreName(workspace.db, clean);
      } finally {
        workspace.close();
      }
      const entry = registry.add({ name: clean, path: folder, sample });
      const recovery = locked ? { recoveryKey: locked.recoveryKey } : {};
      if (!open) {
        locked?.dataKey.fill(0);
        return { ...info(entry), ...recovery };
      }
      const opened = session.open(entry, unlock);
      locked?.dataKey.fill(0);
      changed('create');
      return { ...opened, ...recovery };
    },
    adoptImported(dir, name) {
      const taken = new Set(registry.list().map((e) => e.name.toLowerCase()));
      let unique = name;
      for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name} (${n})`;
      // A locked copy keeps the name in its sealed store; only the list gets the number.
      if (unique !== name && !isLockedFolder(dir)) {
        const db = openDatabase(path.join(dir, DATABASE_FILE));
        try {
          writeStoreName(db, unique);
        } finally {
          db.close();
        }
      }
      return registry.add({ name: unique, path: dir });
    },
    async lockCurrent(passphrase, hooks = {}) {
      if (!current) throw new DossierError('NOT_FOUND', NO_INVESTIGATION);
      const { entry, app } = current;
      if (app.workspace.lock) throw new DossierError('CONFLICT', 'This investigation is already locked.');
      checkPassphrase(passphrase);
      current = undefined;
      // Closed first and awaited: the conversion reads the whole store and then removes its files.
      await app.close();
      let recoveryKey: string;
      try {
        ({ recoveryKey } = lockInPlace(entry.path, passphrase, { params: deps.lockParams, afterStaging: hooks.afterStaging }));
      } catch (error) {
        // Nothing was committed: the investigation is as it was, and open again.
        if (!isLockedFolder(entry.path)) session.open(entry);
        throw error;
      }
      const investigation = session.open(entry, { passphrase });
      return { investigation, recoveryKey };
    },
    close() {
      if (!current) return Promise.resolve();
      const closing = current.app.close();
      current = undefined;
      changed('close');
      return closing;
    },
    rename(id, name) {
      const entry = session.entry(id);
      const clean = cleanName(name);
      if (current?.entry.id === id) writeStoreName(current.app.workspace.db, clean);
      else if (isInvestigationFolder(entry.path) && !isLockedFolder(entry.path)) {
        const db = openDatabase(path.join(entry.path, DATABASE_FILE));
        try {
          writeStoreName(db, clean);
        } finally {
          db.close();
        }
      }
      const updated = registry.update(id, { name: clean })!;
      if (current?.entry.id === id) current = { ...current, entry: updated };
      changed('rename');
      return info(updated);
    },
    remove(id, mode) {
      const entry = session.entry(id);
      if (current?.entry.id === id) session.close();
      const movedTo = mode === 'trash' && existsSync(entry.path) ? moveToDeleted(deps.userDataDir, entry.path) : null;
      registry.remove(id);
      changed('delete');
      return { movedTo };
    },
    dispose() {
      current?.app.close();
      current = undefined;
    },
  };
  return session;
}

/**
 * Imports checked but never moved into place (a crash mid-import) are never valid. Only stale
 * ones go: the CLI may run beside the app, and the app's import in progress must survive it.
 */
function sweepStaleImports(tmpRoot: string): void {
  if (!existsSync(tmpRoot)) return;
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(tmpRoot)) {
    const full = path.join(tmpRoot, name);
    try {
      if (statSync(full).mtimeMs < hourAgo) rmSync(full, { recursive: true, force: true });
    } catch {
      // already gone
    }
  }
}

/** Dossier before issue 8 kept one workspace under userData: list it so nothing seems lost. */
function adoptLegacyWorkspace(userDataDir: string, registry: Registry): void {
  const legacy = legacyWorkspaceDir(userDataDir);
  if (registry.list().length > 0 || !isInvestigationFolder(legacy)) return;
  registry.add({ name: 'My investigation', path: legacy });
}
