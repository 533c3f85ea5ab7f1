import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../shared/errors.ts';
import { DATABASE_FILE } from '../store/workspace.ts';
import { isLockedFolder } from '../lock/vault-files.ts';
import type { Database } from '../store/database.ts';

/** Where investigations created without a chosen folder live, and where deleted ones go. */
export const investigationsRoot = (userDataDir: string) => path.join(userDataDir, 'investigations');
export const deletedRoot = (userDataDir: string) => path.join(userDataDir, 'deleted');
/** Scratch space for imports before they are checked; swept at start-up. */
export const importTmpRoot = (userDataDir: string) => path.join(userDataDir, 'tmp');
/** The single workspace of Dossier before issue 8; adopted into the registry on first start. */
export const legacyWorkspaceDir = (userDataDir: string) => path.join(userDataDir, 'workspace');

/** Folders Dossier makes for investigations are the user's alone: the material can endanger people. */
export const PRIVATE_DIR = 0o700;

export const DEFAULT_NAME = 'Untitled investigation';

/** A folder name from a display name: letters and digits of any script kept, the rest a dash. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'investigation';
}

/** A folder under `root` that does not exist yet: `name`, `name-2`, `name-3`… */
export function uniqueChild(root: string, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(root, n === 1 ? name : `${name}-${n}`);
    if (!existsSync(candidate)) return candidate;
  }
}

export function isInvestigationFolder(dir: string): boolean {
  // Issue 20: a locked investigation has its vault instead of a plain store.
  return existsSync(path.join(dir, DATABASE_FILE)) || isLockedFolder(dir);
}

/** A chosen folder must be new or empty: Dossier never mixes its files with someone else's. */
export function assertUsableNewFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (isInvestigationFolder(dir)) {
    throw new DossierError('CONFLICT', `${dir} already holds an investigation. Open it instead of creating a new one.`);
  }
  if (readdirSync(dir).length > 0) {
    throw new DossierError('CONFLICT', `${dir} is not empty. Choose an empty folder, or let Dossier make one.`);
  }
}

/** Moves a folder into `deleted/`, across disks too (copy, then remove): never a permanent delete. */
export function moveToDeleted(userDataDir: string, dir: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = uniqueChild(deletedRoot(userDataDir), `${path.basename(dir)}-${stamp}`);
  mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR });
  try {
    renameSync(dir, target);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EXDEV') throw error;
    cpSync(dir, target, { recursive: true, errorOnExist: true });
    rmSync(dir, { recursive: true, force: true });
  }
  return target;
}

/** The display name lives in the store itself, so it travels with the folder and the archive. */
export function readStoreName(db: Database): string | null {
  const row = db.prepare("SELECT value FROM store_meta WHERE key = 'name'").get() as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeStoreName(db: Database, name: string): void {
  db.prepare("INSERT INTO store_meta(key, value) VALUES ('name', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(name);
}

export function cleanName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (!trimmed) throw new DossierError('BAD_INPUT', 'Give the investigation a name.');
  return trimmed.slice(0, 200);
}
