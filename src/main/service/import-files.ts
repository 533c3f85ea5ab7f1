import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportProgress, ImportSummary } from '../../shared/domain.ts';
import { DossierError, toErrorInfo } from '../../shared/errors.ts';
import { parseFile } from '../importers/index.ts';
import { isSupportedFile } from '../importers/index.ts';
import { transaction, type Database } from '../store/database.ts';
import { findDuplicate, insertDocument } from '../store/documents-repo.ts';
import { newId, nowIso } from '../store/ids.ts';

export interface ImportOptions {
  /** Files larger than this are refused before they are read. */
  maxFileBytes: number;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** One file to import: a path on disk, or bytes dropped on the window. */
export type ImportSource = { path: string } | { path: string; name: string; bytes: Uint8Array };

/**
 * Expands the user's paths: files as given, folders recursively (their supported files only,
 * hidden entries skipped). A path that does not exist is reported, not thrown.
 */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && isSupportedFile(entry.name)) files.push(full);
    }
  };
  for (const given of paths) {
    const resolved = path.resolve(given);
    try {
      const info = await stat(resolved);
      if (info.isDirectory()) await walk(resolved);
      else files.push(resolved);
    } catch {
      missing.push(resolved);
    }
  }
  return { files, missing };
}

/**
 * Imports files one by one: each is parsed, checked for duplicates and stored in its own
 * transaction, so a failure never stops the batch and never changes what was stored before.
 */
export async function importSources(db: Database, sources: ImportSource[], options: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: [], duplicates: [], failed: [] };
  let done = 0;
  for (const source of sources) {
    options.onProgress?.({ done, total: sources.length, currentFile: source.path });
    try {
      const outcome = await importOne(db, source, options);
      if (outcome.kind === 'imported') summary.imported.push({ id: outcome.id, path: source.path, title: outcome.title });
      else summary.duplicates.push({ path: source.path, existingId: outcome.id, existingTitle: outcome.title });
    } catch (error) {
      const info = toErrorInfo(error);
      const message = error instanceof DossierError ? info.message : `${path.basename(source.path)}: ${info.message}`;
      summary.failed.push({ path: source.path, code: info.code, message });
    }
    done++;
  }
  options.onProgress?.({ done, total: sources.length, currentFile: '' });
  return summary;
}

async function importOne(
  db: Database,
  source: ImportSource,
  options: ImportOptions,
): Promise<{ kind: 'imported' | 'duplicate'; id: string; title: string }> {
  const name = 'name' in source ? source.name : path.basename(source.path);
  const bytes = 'bytes' in source ? source.bytes : await readLimited(source.path, name, options.maxFileBytes);
  if (bytes.byteLength > options.maxFileBytes) throw tooLarge(name, bytes.byteLength, options.maxFileBytes);
  const originalHash = sha256(bytes);
  const parsed = await parseFile({ name, bytes });
  const contentHash = sha256(parsed.text);
  const title = parsed.title ?? name;
  return transaction(db, () => {
    const existing = findDuplicate(db, contentHash, originalHash);
    if (existing) return { kind: 'duplicate' as const, id: existing.id, title: existing.title };
    const id = newId();
    insertDocument(
      db,
      id,
      {
        ...parsed,
        title,
        contentHash,
        originalHash,
        originalName: name,
        originalBytes: bytes,
      },
      nowIso(),
    );
    return { kind: 'imported' as const, id, title };
  });
}

async function readLimited(file: string, name: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(file);
  if (info.size > maxBytes) throw tooLarge(name, info.size, maxBytes);
  return new Uint8Array(await readFile(file));
}

function tooLarge(name: string, size: number, maxBytes: number): DossierError {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return new DossierError(
    'TOO_LARGE',
    `${name} is ${mb(size)}, over the ${mb(maxBytes)} import limit. Split it, or raise the limit in Settings.`,
  );
}
