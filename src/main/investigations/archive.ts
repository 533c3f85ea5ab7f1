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
  type ArchiveLimits,
} from './archive-format.ts';
import { importTmpRoot, investigationsRoot, PRIVATE_DIR, readStoreName, slugify, uniqueChild } from './folders.ts';
import { custodyHeadProblem, fileSha256, manifestCustody } from '../custody/archive-custody.ts';
import { recordArchiveExport, recordArchiveImport } from '../custody/events.ts';

export interface ExportOptions {
  outFile: string;
  force?: boolean | undefined;
  appVersion: string;
  /** Written into the custody entry of the export (issue 19). */
  researcherName?: string | null | undefined;
  /** The workspace's tmp/ folder, for the snapshot. */
  tmpDir: string;
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
  const snapshot = path.join(options.tmpDir, `export-${randomUUID()}.sqlite`);
  try {
    db.prepare('VACUUM INTO ?').run(snapshot);
    const store = new Uint8Array(readFileSync(snapshot));
    const facts = storeFacts(snapshot);
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      appVersion: options.appVersion,
      createdAt: new Date().toISOString(),
      name: facts.name ?? path.basename(outFile, path.extname(outFile)),
      schemaVersion: facts.schemaVersion,
      counts: facts.counts,
      entries: [{ name: STORE_ENTRY, size: store.byteLength, sha256: sha256Hex(store) }],
      custody: manifestCustody(snapshot),
    };
    const zip = zipSync({
      [MANIFEST_ENTRY]: [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6 }],
      [STORE_ENTRY]: [store, { level: 6 }],
    });
    writeFileAtomic(outFile, zip);
    recordArchiveExport(db, { path: outFile, bytes: zip }, manifest.custody!.head, { appVersion: options.appVersion, researcherName: options.researcherName ?? null });
    return { path: outFile, bytes: zip.byteLength, manifest };
  } finally {
    rmSync(snapshot, { force: true });
  }
}

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
}

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
  const { manifest, store } = readArchive(file, options.limits ?? DEFAULT_LIMITS);
  const refuse = (problem: string, code: 'PARSE_FAILED' | 'CONFLICT' = 'PARSE_FAILED') =>
    new DossierError(code, `${label} was not imported: ${problem} Nothing was written.`);
  if (manifest.schemaVersion > MIGRATIONS.length) {
    throw refuse(`it was made by a newer Dossier (${manifest.appVersion}). Update Dossier to import it.`, 'CONFLICT');
  }
  const tmpRoot = importTmpRoot(options.userDataDir);
  mkdirSync(tmpRoot, { recursive: true, mode: PRIVATE_DIR });
  const staging = mkdtempSync(path.join(tmpRoot, 'import-'));
  try {
    const untrusted = path.join(staging, 'archive.sqlite');
    writeFileSync(untrusted, store);
    const built = path.join(staging, 'investigation');
    const copied = buildStore(untrusted, built, manifest, refuse);
    const name = copied.name ?? manifest.name ?? label;
    const root = investigationsRoot(options.userDataDir);
    mkdirSync(root, { recursive: true, mode: PRIVATE_DIR });
    const dir = uniqueChild(root, slugify(name));
    renameSync(built, dir);
    rmSync(staging, { recursive: true, force: true });
    removeIfEmpty(tmpRoot);
    // Creates index/, backups/, tmp/; the copied custody log goes on with the import itself (issue 19).
    const workspace = openWorkspace(dir);
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
export function buildStore(untrusted: string, dir: string, manifest: ArchiveManifest, refuse: Refuse): { name: string | null; cleaned: string[] } {
  let archive: ReturnType<typeof openArchiveStore> | undefined;
  let workspace: ReturnType<typeof openWorkspace> | undefined;
  try {
    archive = openArchiveStore(untrusted);
    mkdirSync(dir, { mode: PRIVATE_DIR });
    workspace = openWorkspace(dir);
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
