/**
 * The other side of a merge (issue 21): an archive checked and rebuilt exactly as an archive import
 * does it (investigations/archive.ts: every check of readArchive, the defensive read-only
 * connection, each row through the app's validation and cleaning into a store built by Dossier's own
 * migrations), but in the open investigation's tmp/ folder, never listed as an investigation.
 *
 * A locked archive (issue 20) merges only with its passphrase or recovery key: its key is unwrapped
 * before anything is written (a wrong one leaves no trace), its store is decrypted into memory only,
 * and the staged copy is itself locked under the archive's key, so no plain copy of a locked
 * investigation ever lands in tmp/. Merge itself takes the opened store and does not change.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../../shared/errors.ts';
import type { ArchiveManifest } from '../../../shared/investigations.ts';
import { buildStore, copyIntoMemory, openLockedArchive } from '../../investigations/archive.ts';
import type { Unlock } from '../../lock/key-file.ts';
import { writeKeyFile, VAULT_DIR } from '../../lock/vault-files.ts';
import { DEFAULT_LIMITS, readArchive, type ArchiveLimits } from '../../investigations/archive-format.ts';
import { MIGRATIONS } from '../../store/migrations.ts';
import { openWorkspace, type Workspace } from '../../store/workspace.ts';
import type { Database } from '../../store/database.ts';

export interface MergeSource {
  /** The other copy's store: trusted (built by Dossier from checked rows). */
  db: Database;
  /** A short label for sentences: the archive's file name. */
  label: string;
  manifest: ArchiveManifest;
  close(): void;
}

/** The sentence when a locked archive is merged without its passphrase (the app shows it; the CLI asks at a terminal on it). */
export const lockedArchiveForMerge = (label: string) =>
  `${label} is an archive of a locked investigation: it merges only with its passphrase or recovery key. Nothing was changed.`;

/** Reads and checks an archive (decrypting a locked one with `unlock`) and opens its rows as a MergeSource. */
export function openArchiveForMerge(
  file: string,
  tmpDir: string,
  limits: ArchiveLimits = DEFAULT_LIMITS,
  unlock?: Unlock,
): MergeSource {
  const label = path.basename(file);
  let read: ReturnType<typeof readArchive>;
  try {
    read = readArchive(file, limits);
  } catch (error) {
    // The archive reader's sentences speak of an import; here nothing is merged.
    if (error instanceof DossierError)
      throw new DossierError(
        error.code,
        error.message.replace(' was not imported: ', ' was not merged: ').replace('Nothing was written.', 'Nothing was changed.'),
      );
    throw error;
  }
  if (read.keyFile) {
    if (!unlock) throw new DossierError('FORBIDDEN', lockedArchiveForMerge(label));
    return stageLockedArchive(read.keyFile, read.store, read.manifest, label, tmpDir, unlock);
  }
  return stageStoreBytes(read.store, read.manifest, label, tmpDir);
}

const refusal =
  (label: string) =>
  (problem: string, code: 'PARSE_FAILED' | 'CONFLICT' = 'PARSE_FAILED') =>
    new DossierError(code, `${label} was not merged: ${problem} Nothing was changed.`);

function stageLockedArchive(
  keyFileBytes: Uint8Array,
  sealed: Uint8Array,
  manifest: ArchiveManifest,
  label: string,
  tmpDir: string,
  unlock: Unlock,
): MergeSource {
  const refuse = refusal(label);
  if (manifest.schemaVersion > MIGRATIONS.length) {
    throw refuse(`it was made by a newer Dossier (${manifest.appVersion}). Update Dossier to merge it.`, 'CONFLICT');
  }
  // A wrong passphrase throws here, before anything is written.
  const locked = openLockedArchive(keyFileBytes, sealed, unlock, label);
  const memory = `file:/merge-${randomUUID()}?vfs=memdb`;
  const holder = new DatabaseSync(memory); // keeps the in-memory copy alive while the defensive reader opens it
  const staging = mkdtempSync(path.join(tmpDir, 'merge-'));
  try {
    copyIntoMemory(locked.store, memory);
    const built = path.join(staging, 'investigation');
    mkdirSync(path.join(built, VAULT_DIR), { recursive: true });
    writeKeyFile(path.join(built, VAULT_DIR), locked.keyFile);
    buildStore(memory, built, manifest, refuse, { dataKey: locked.dataKey });
    return stagedSource(openWorkspace(built, { unlock: { dataKey: locked.dataKey } }), label, manifest, staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    holder.close();
    locked.dataKey.fill(0);
  }
}

/** Rebuilds a plain store's bytes (an archive's, decrypted if it was locked) as a MergeSource in `tmpDir`. */
export function stageStoreBytes(store: Uint8Array, manifest: ArchiveManifest, label: string, tmpDir: string): MergeSource {
  const refuse = refusal(label);
  if (manifest.schemaVersion > MIGRATIONS.length) {
    throw refuse(`it was made by a newer Dossier (${manifest.appVersion}). Update Dossier to merge it.`, 'CONFLICT');
  }
  const staging = mkdtempSync(path.join(tmpDir, 'merge-'));
  try {
    const untrusted = path.join(staging, 'archive.sqlite');
    writeFileSync(untrusted, store);
    const built = path.join(staging, 'investigation');
    buildStore(untrusted, built, manifest, refuse);
    rmSync(untrusted, { force: true });
    return stagedSource(openWorkspace(built), label, manifest, staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The other copy opened from its staging folder; closing it removes the folder. */
function stagedSource(workspace: Workspace, label: string, manifest: ArchiveManifest, staging: string): MergeSource {
  return {
    db: workspace.db,
    label,
    manifest,
    close: () => {
      workspace.close();
      rmSync(staging, { recursive: true, force: true });
    },
  };
}
