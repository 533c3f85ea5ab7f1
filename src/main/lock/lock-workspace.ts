/**
 * Locking an investigation (issue 20): a new locked folder, "Lock this investigation…" converting
 * one in place, the passphrase change, and the removal of the plain copy. Conversion order, so a
 * crash at any point loses nothing: (1) the plain store is read whole and the vault is written
 * into tmp/ (key file, sealed snapshot, each fsynced); (2) tmp/vault-new is renamed to vault/
 * (the commit: from here the folder is locked); (3) the plain store, its WAL and SHM, the index
 * caches and the backups are removed. A crash before (2) leaves the plain investigation as it was
 * (tmp/ is swept at the next open); after it, the next open finishes (3).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../shared/errors.ts';
import { openDatabase } from '../store/database.ts';
import {
  createKeyFile,
  DEFAULT_SCRYPT,
  rewrapPassphrase,
  unlockDataKey,
  type KeyFile,
  type ScryptParams,
  type Unlock,
} from './key-file.ts';
import { asRollbackJournal, isLockedFolder, readKeyFile, syncDir, vaultDir, writeKeyFile, writeSnapshot } from './vault-files.ts';

/** How a locked workspace is opened: a passphrase, the recovery words, or a data key already unwrapped (an archive being imported). */
export type WorkspaceUnlock = Unlock | { dataKey: Uint8Array; keyFile?: KeyFile };

export const LOCKED = 'This investigation is locked. Give its passphrase to open it.';

export function unlockKey(keyFile: KeyFile, unlock: WorkspaceUnlock): Buffer {
  return 'dataKey' in unlock ? Buffer.from(unlock.dataKey) : unlockDataKey(keyFile, unlock);
}

const PLAIN_STORE = /^dossier\.sqlite(?:-wal|-shm|-journal|\.(?:damaged|replaced)-.*)?$/;

/** Removes everything a reader could learn from that is not in the vault: the plain store and its side files, index caches, backups, temporaries. */
export function removePlaintext(dir: string): void {
  for (const name of readdirSync(dir)) if (PLAIN_STORE.test(name)) rmSync(path.join(dir, name), { force: true });
  const indexDir = path.join(dir, 'index');
  // tessdata is the OCR engine's language data, shipped with Dossier: nothing of the investigation.
  if (existsSync(indexDir))
    for (const name of readdirSync(indexDir))
      if (name !== 'tessdata') rmSync(path.join(indexDir, name), { recursive: true, force: true });
  for (const sub of ['backups', 'tmp']) {
    const folder = path.join(dir, sub);
    if (existsSync(folder))
      for (const name of readdirSync(folder)) rmSync(path.join(folder, name), { recursive: true, force: true });
  }
  syncDir(dir);
}

/** Puts a vault (key file, optional first snapshot) in place by one rename: the commit point. */
function commitVault(
  dir: string,
  keyFile: KeyFile,
  dataKey: Uint8Array,
  store: Uint8Array | null,
  afterStaging?: () => void,
): void {
  const tmp = path.join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const staging = path.join(tmp, 'vault-new');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  writeKeyFile(staging, keyFile);
  if (store) writeSnapshot(staging, dataKey, keyFile, 1, store);
  syncDir(staging);
  afterStaging?.();
  renameSync(staging, vaultDir(dir));
  syncDir(dir);
}

export interface LockResult {
  /** The twelve recovery words, shown once. */
  recoveryKey: string;
}

/** A new, empty, locked investigation folder; the store is made by the first open. */
export function createLockedFolder(
  dir: string,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): LockResult & { dataKey: Buffer } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { keyFile, dataKey, recoveryKey } = createKeyFile(passphrase, params);
  commitVault(dir, keyFile, dataKey, null);
  return { recoveryKey, dataKey };
}

/**
 * "Lock this investigation…": converts a closed plain investigation in place. `afterStaging` is a
 * test hook for the crash test (the moment the vault is complete but not yet committed).
 */
export function lockInPlace(
  dir: string,
  passphrase: string,
  options: { params?: ScryptParams; afterStaging?: () => void } = {},
): LockResult {
  if (isLockedFolder(dir))
    throw new DossierError(
      'CONFLICT',
      'This investigation is already locked. Use "Change passphrase…" to choose another passphrase.',
    );
  const database = path.join(dir, 'dossier.sqlite');
  if (!existsSync(database))
    throw new DossierError('NOT_FOUND', `${dir} is not a Dossier investigation (it has no dossier.sqlite).`);
  const { keyFile, dataKey, recoveryKey } = createKeyFile(passphrase, options.params ?? DEFAULT_SCRYPT);
  const plain = openDatabase(database);
  let store: Uint8Array;
  try {
    // serialize() reads through the WAL: the snapshot holds every committed change.
    store = asRollbackJournal(plain.serialize());
  } finally {
    plain.close();
  }
  try {
    commitVault(dir, keyFile, dataKey, store, options.afterStaging);
  } finally {
    dataKey.fill(0);
    store.fill(0);
  }
  removePlaintext(dir);
  return { recoveryKey };
}

/** Re-wraps the data key under a new passphrase; the data is not rewritten. */
export function changePassphrase(dir: string, current: Unlock, next: string, params?: ScryptParams): void {
  const folder = vaultDir(dir);
  const keyFile = readKeyFile(folder);
  const dataKey = unlockDataKey(keyFile, current);
  try {
    writeKeyFile(folder, rewrapPassphrase(keyFile, dataKey, next, params ?? keyFile.kdf));
  } finally {
    dataKey.fill(0);
  }
}
