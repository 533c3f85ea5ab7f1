/**
 * The other side of a merge (issue 21): an archive checked and rebuilt exactly as an archive import
 * does it (investigations/archive.ts: every check of readArchive, the defensive read-only
 * connection, each row through the app's validation and cleaning into a store built by Dossier's own
 * migrations), but in the open investigation's tmp/ folder, never listed as an investigation.
 *
 * Hook for locked investigations (issue 20): merge itself takes a `MergeSource`, an opened store.
 * A locked archive is decrypted by whatever opens it (its own reader, given the passphrase), and
 * hands the plain store bytes to `stageStoreBytes`; nothing of the merge changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../../shared/errors.ts';
import type { ArchiveManifest } from '../../../shared/investigations.ts';
import { buildStore } from '../../investigations/archive.ts';
import { DEFAULT_LIMITS, readArchive, type ArchiveLimits } from '../../investigations/archive-format.ts';
import { MIGRATIONS } from '../../store/migrations.ts';
import { openWorkspace } from '../../store/workspace.ts';
import type { Database } from '../../store/database.ts';

export interface MergeSource {
  /** The other copy's store: trusted (built by Dossier from checked rows). */
  db: Database;
  /** A short label for sentences: the archive's file name. */
  label: string;
  manifest: ArchiveManifest;
  close(): void;
}

/** Reads and checks an unencrypted archive and opens its rows as a MergeSource. */
export function openArchiveForMerge(file: string, tmpDir: string, limits: ArchiveLimits = DEFAULT_LIMITS): MergeSource {
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
  return stageStoreBytes(read.store, read.manifest, label, tmpDir);
}

/** Rebuilds a plain store's bytes (an archive's, decrypted if it was locked) as a MergeSource in `tmpDir`. */
export function stageStoreBytes(store: Uint8Array, manifest: ArchiveManifest, label: string, tmpDir: string): MergeSource {
  const refuse = (problem: string, code: 'PARSE_FAILED' | 'CONFLICT' = 'PARSE_FAILED') =>
    new DossierError(code, `${label} was not merged: ${problem} Nothing was changed.`);
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
    const workspace = openWorkspace(built);
    return {
      db: workspace.db,
      label,
      manifest,
      close: () => {
        workspace.close();
        rmSync(staging, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
