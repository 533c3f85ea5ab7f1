import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from './database.ts';

/**
 * A workspace (an investigation) is a folder: the SQLite store, index caches, backups and a
 * temporary folder for writes that are renamed into place. The app uses one under userData;
 * the CLI takes `--workspace DIR`.
 */
export interface Workspace {
  dir: string;
  db: Database;
  paths: { database: string; indexDir: string; backupsDir: string; tmpDir: string };
  close(): void;
}

export const DATABASE_FILE = 'dossier.sqlite';

export function workspacePaths(dir: string): Workspace['paths'] {
  return {
    database: path.join(dir, DATABASE_FILE),
    indexDir: path.join(dir, 'index'),
    backupsDir: path.join(dir, 'backups'),
    tmpDir: path.join(dir, 'tmp'),
  };
}

export function openWorkspace(dir: string): Workspace {
  const root = path.resolve(dir);
  const paths = workspacePaths(root);
  mkdirSync(root, { recursive: true });
  for (const folder of [paths.indexDir, paths.backupsDir, paths.tmpDir]) mkdirSync(folder, { recursive: true });
  sweepTemporaries(paths.tmpDir);
  const db = openDatabase(paths.database);
  let closed = false;
  return {
    dir: root,
    db,
    paths,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** Temporaries left by a crash mid-write are never valid: remove them at start-up (STYLE.md rule 9). */
function sweepTemporaries(tmpDir: string): void {
  for (const name of readdirSync(tmpDir)) rmSync(path.join(tmpDir, name), { recursive: true, force: true });
}
