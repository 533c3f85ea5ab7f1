import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { zipSync } from 'fflate';
import { DossierError } from '../../shared/errors.ts';
import type { ArchiveManifest, ExportResult } from '../../shared/investigations.ts';
import { writeFileAtomic } from '../app/atomic-file.ts';
import type { Database } from '../store/database.ts';
import { MIGRATIONS } from '../store/migrations.ts';
import { openWorkspace } from '../store/workspace.ts';
import { copyArchiveRows } from './archive-copy.ts';
import { ArchiveProblem, NOT_DOSSIER, openArchiveStore } from './archive-schema.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  DEFAULT_LIMITS,
  MANIFEST_ENTRY,
  readArchive,
  sha256Hex,
  STORE_ENTRY,
  LOCK_ENTRY,
  type ArchiveLimits,
} from './archive-format.ts';
import { importTmpRoot, investigationsRoot, PRIVATE_DIR, readStoreName, slugify, uniqueChild } from './folders.ts';
import { custodyHeadProblem, fileSha256, manifestCustody } from '../custody/archive-custody.ts';
import type { LockedStore } from '../lock/locked-store.ts';
import { asRollbackJournal, sealSnapshot, unsealSnapshot, writeKeyFile, VAULT_DIR } from '../lock/vault-files.ts';
import { parseKeyFile, unlockDataKey, type Unlock } from '../lock/key-file.ts';
import { recordArchiveExport, recordArchiveImport } from '../custody/events.ts';

export interface ExportOptions {
  outFile: string;
  force?: boolean | undefined;
  appVersion: string;
  /** Written into the custody entry of the export (issue 19). */
  researcherName?: string | null | undefined;
  /** The workspace's tmp/ folder, for the snapshot. */
  tmpDir: string;
  /** Issue 20: the open locked store; its archive stays sealed with the same key and never touches tmp/ in plain text. */
  lock?: LockedStore | undefined;
}

/**
 * Writes the investigation as one archive. The store is snapshotted with VACUUM INTO: one
 * consistent, compact copy taken inside SQLite (no WAL to carry, free pages dropped), even
 * while the app keeps the store open. The archive is written to a temporary file and renamed.
 */
export function exportArchive(db: Database, options: ExportOptions): ExportResult {
  const outFile = path.resolve(options.outFile);
  if (existsSync(outFile) && !options.force) {
    throw new DossierError('CONFLICT', `${outFile} already exists. Choose another name, or replace it.`);
  }
  if (!existsSync(path.dirname(outFile))) throw new DossierError('NOT_FOUND', `The folder ${path.dirname(outFile)} does not exist.`);
  mkdirSync(options.tmpDir, { recursive: true });
  const { lock } = options;
  // A locked store is copied into memory only (memdb), never into a plain file in tmp/.
  const snapshot = lock ? `file:/export-${randomUUID()}?vfs=memdb` : path.join(options.tmpDir, `export-${randomUUID()}.sqlite`);
  const holder = lock ? new DatabaseSync(snapshot) : undefined;
  try {
    db.prepare('VACUUM INTO ?').run(snapshot);
    const plain = holder ? holder.serialize() : new Uint8Array(readFileSync(snapshot));
    const store = lock ? sealSnapshot(lock.key, lock.keyFile, ARCHIVE_SLOT, plain) : plain;
    const facts = storeFacts(snapshot);
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      appVersion: options.appVersion,
      createdAt: new Date().toISOString(),
      // A locked archive does not say what it is about: the name stays inside the sealed store.
      name: lock ? LOCKED_ARCHIVE_NAME : (facts.name ?? path.basename(outFile, path.extname(outFile))),
      schemaVersion: facts.schemaVersion,
      counts: facts.counts,
      entries: [{ name: STORE_ENTRY, size: store.byteLength, sha256: sha256Hex(store) }],
      custody: manifestCustody(snapshot),
    };
    const keyFile = lock ? Buffer.from(`${JSON.stringify(lock.keyFile, null, 2)}\n`, 'utf8') : undefined;
    if (keyFile) {
      manifest.locked = true;
      manifest.entries.push({ name: LOCK_ENTRY, size: keyFile.byteLength, sha256: sha256Hex(keyFile) });
    }
    const zip = zipSync({
      [MANIFEST_ENTRY]: [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6 }],
      [STORE_ENTRY]: [store, { level: lock ? 0 : 6 }],
      ...(keyFile ? { [LOCK_ENTRY]: [keyFile, { level: 0 }] } : {}),
    });
    writeFileAtomic(outFile, zip);
    recordArchiveExport(db, { path: outFile, bytes: zip }, manifest.custody!.head, { appVersion: options.appVersion, researcherName: options.researcherName ?? null });
    return { path: outFile, bytes: zip.byteLength, manifest };
  } finally {
    if (holder) holder.close();
    else rmSync(snapshot, { force: true });
  }
}

/** The store entry of a locked archive is sealed as slot -1: never a vault snapshot (≥ 1) nor a backup (0). */
const ARCHIVE_SLOT = -1;
export const LOCKED_ARCHIVE_NAME = 'Locked investigation';

interface StoreFacts {
  name: string | null;
  schemaVersion: number;
  counts: ArchiveManifest['counts'];
}

/** Opens a store file read-only, without migrating it, and reads what the manifest and the checks need. */
function storeFacts(file: string): StoreFacts {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      name: readStoreName(db),
      schemaVersion: (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version,
      counts: { documents: count('documents'), passages: count('passages'), tags: count('tags'), reports: count('reports') },
    };
  } finally {
    db.close();
  }
}

export interface ImportOptions {
  userDataDir: string;
  /** Who imports, for the custody entry (issue 19). */
  appVersion?: string | undefined;
  researcherName?: string | null | undefined;
  limits?: ArchiveLimits | undefined;
  /** Issue 20: the passphrase or recovery key of a locked archive; the imported investigation stays locked under it. */
  unlock?: Unlock | undefined;
}

export const LOCKED_ARCHIVE = 'This archive is of a locked investigation: give its passphrase (or recovery key) to import it.';

export interface ImportResult {
  dir: string;
  name: string;
  manifest: ArchiveManifest;
  /** Sentences on what the archive held that was cleaned or left out (issue 13); empty for an archive Dossier wrote. */
  cleaned: string[];
}

/**
 * Imports an archive as a new investigation under investigations/ (never over an existing one).
 * Order: every check of readArchive in memory; then the archive's store is written to a temporary
 * folder, opened read-only on a defensive connection (archive-schema.ts), and its rows are copied
 * through the app's own validation and cleaning (archive-copy.ts) into a fresh store built by
 * Dossier's migrations beside it: none of the archive's schema objects is ever adopted. Only then
 * is the new folder renamed into place. Any failure removes the temporary folder, so nothing is
 * left behind.
 */
export function importArchive(file: string, options: ImportOptions): ImportResult {
  const label = path.basename(file);
  const { manifest, store, keyFile: keyFileBytes } = readArchive(file, options.limits ?? DEFAULT_LIMITS);
  const refuse = (problem: string, code: 'PARSE_FAILED' | 'CONFLICT' = 'PARSE_FAILED') =>
    new DossierError(code, `${label} was not imported: ${problem} Nothing was written.`);
  if (manifest.schemaVersion > MIGRATIONS.length) {
    throw refuse(`it was made by a newer Dossier (${manifest.appVersion}). Update Dossier to import it.`, 'CONFLICT');
  }
  const tmpRoot = importTmpRoot(options.userDataDir);
  mkdirSync(tmpRoot, { recursive: true, mode: PRIVATE_DIR });
  // A locked archive's key is unwrapped before anything is written: a wrong passphrase leaves no trace.
  const locked = keyFileBytes ? openLockedArchive(keyFileBytes, store, options.unlock, label) : undefined;
  const staging = mkdtempSync(path.join(tmpRoot, 'import-'));
  const memory = `file:/import-${randomUUID()}?vfs=memdb`;
  // The connection that keeps the in-memory copy alive while the defensive reader opens it by name.
  const holder = locked ? new DatabaseSync(memory) : undefined;
  try {
    const untrusted = locked ? memory : path.join(staging, 'archive.sqlite');
    if (locked) copyIntoMemory(locked.store, untrusted);
    else writeFileSync(untrusted, store);
    const built = path.join(staging, 'investigation');
    if (locked) {
      mkdirSync(path.join(built, VAULT_DIR), { recursive: true, mode: PRIVATE_DIR });
      writeKeyFile(path.join(built, VAULT_DIR), locked.keyFile);
    }
    const unlockBuilt = locked ? { dataKey: locked.dataKey } : undefined;
    const copied = buildStore(untrusted, built, manifest, refuse, unlockBuilt);
    const name = copied.name ?? manifest.name ?? label;
    const root = investigationsRoot(options.userDataDir);
    mkdirSync(root, { recursive: true, mode: PRIVATE_DIR });
    const dir = uniqueChild(root, slugify(name));
    renameSync(built, dir);
    rmSync(staging, { recursive: true, force: true });
    removeIfEmpty(tmpRoot);
    // Creates index/, backups/, tmp/; the copied custody log goes on with the import itself (issue 19).
    const workspace = openWorkspace(dir, { unlock: unlockBuilt });
    try {
      recordArchiveImport(
        workspace.db,
        { name: label, sha256: fileSha256(file), createdAt: manifest.createdAt, appVersion: manifest.appVersion, investigation: name, head: manifest.custody?.head ?? null },
        { appVersion: options.appVersion ?? 'unknown', researcherName: options.researcherName ?? null },
      );
    } finally {
      workspace.close();
    }
    return { dir, name, manifest, cleaned: copied.cleaned };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    removeIfEmpty(tmpRoot);
    throw error;
  } finally {
    holder?.close();
    locked?.dataKey.fill(0);
  }
}

export function openLockedArchive(keyFileBytes: Uint8Array, sealed: Uint8Array, unlock: Unlock | undefined, label: string) {
  if (!unlock) throw new DossierError('FORBIDDEN', LOCKED_ARCHIVE);
  const keyFile = parseKeyFile(new TextDecoder().decode(keyFileBytes));
  const dataKey = unlockDataKey(keyFile, unlock);
  try {
    return { keyFile, dataKey, store: unsealSnapshot(dataKey, keyFile, ARCHIVE_SLOT, sealed, label) };
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
}

/** Puts a decrypted store where the defensive reader can open it by name, in memory only. */
export function copyIntoMemory(store: Uint8Array, location: string): void {
  const db = new DatabaseSync(':memory:');
  try {
    db.deserialize(asRollbackJournal(store));
    db.prepare('VACUUM INTO ?').run(location);
  } finally {
    db.close();
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty (another import in progress) or already gone
  }
}

export type Refuse = (problem: string, code?: 'PARSE_FAILED' | 'CONFLICT') => DossierError;

/** A new workspace at `dir` holding the archive's rows, checked and cleaned; the counts must be the manifest's. */
export function buildStore(
  untrusted: string,
  dir: string,
  manifest: ArchiveManifest,
  refuse: Refuse,
  unlock?: { dataKey: Uint8Array },
): { name: string | null; cleaned: string[] } {
  let archive: ReturnType<typeof openArchiveStore> | undefined;
  let workspace: ReturnType<typeof openWorkspace> | undefined;
  try {
    archive = openArchiveStore(untrusted);
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
    workspace = openWorkspace(dir, { unlock });
    const copied = copyArchiveRows(archive.db, workspace.db, archive.reference.tables);
    const differs = (Object.keys(copied.counts) as (keyof ArchiveManifest['counts'])[]).filter((k) => copied.counts[k] !== manifest.counts[k]);
    if (differs.length) {
      const k = differs[0]!;
      throw new ArchiveProblem(`its manifest lists ${manifest.counts[k]} ${k} but its store holds ${copied.counts[k]}; the archive was altered.`);
    }
    const custodyProblem = custodyHeadProblem(copied.custodyHead, manifest);
    if (custodyProblem) throw new ArchiveProblem(custodyProblem);
    const cleaned = [...copied.cleaned];
    if (archive.ignored.length) {
      cleaned.push(`Left out what Dossier never puts in a store: ${archive.ignored.slice(0, 10).join(', ')}${archive.ignored.length > 10 ? ` and ${archive.ignored.length - 10} more` : ''}.`);
    }
    return { name: copied.name, cleaned };
  } catch (error) {
    if (error instanceof ArchiveProblem) throw refuse(error.message, error.code);
    if (error instanceof DossierError) throw error;
    // An error of SQLite itself while reading (a value of the wrong kind, a schema it cannot parse).
    throw refuse(archive ? 'its store could not be read as a Dossier investigation; it is damaged or was altered.' : NOT_DOSSIER);
  } finally {
    workspace?.close();
    archive?.db.close();
  }
}
