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
import { DATABASE_FILE, openWorkspace } from '../store/workspace.ts';
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
import { archiveCustodyProblem, fileSha256, manifestCustody } from '../custody/archive-custody.ts';
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

/**
 * Imports an archive as a new investigation under investigations/ (never over an existing one).
 * Order: every check of readArchive in memory; then the store is written to a temporary folder
 * and checked by SQLite itself (integrity_check, foreign keys, schema not newer than ours, a
 * Dossier store); only then is the folder renamed into place. Any failure removes the temporary
 * folder, so nothing is left behind.
 */
export function importArchive(file: string, options: ImportOptions): { dir: string; name: string; manifest: ArchiveManifest } {
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
    writeFileSync(path.join(staging, DATABASE_FILE), store);
    const facts = checkStore(path.join(staging, DATABASE_FILE), refuse);
    const custodyProblem = archiveCustodyProblem(path.join(staging, DATABASE_FILE), manifest);
    if (custodyProblem) throw refuse(custodyProblem);
    const name = facts.name ?? manifest.name ?? label;
    const root = investigationsRoot(options.userDataDir);
    mkdirSync(root, { recursive: true, mode: PRIVATE_DIR });
    const dir = uniqueChild(root, slugify(name));
    renameSync(staging, dir);
    removeIfEmpty(tmpRoot);
    // Creates index/, backups/, tmp/ and applies migrations if the archive came from an older Dossier.
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
    return { dir, name, manifest };
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

function checkStore(file: string, refuse: (problem: string, code?: 'PARSE_FAILED' | 'CONFLICT') => DossierError): StoreFacts {
  let facts: StoreFacts;
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const integrity = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') throw new Error('integrity');
    if (db.prepare('PRAGMA foreign_key_check').all().length > 0) throw new Error('foreign keys');
  } catch {
    db?.close();
    throw refuse('the store inside it is damaged (SQLite integrity check failed).');
  }
  try {
    facts = storeFacts(file);
  } catch {
    throw refuse('it does not hold a Dossier investigation.');
  } finally {
    db.close();
  }
  if (facts.schemaVersion < 1) throw refuse('it does not hold a Dossier investigation.');
  if (facts.schemaVersion > MIGRATIONS.length) throw refuse('it was made by a newer Dossier. Update Dossier to import it.', 'CONFLICT');
  return facts;
}
