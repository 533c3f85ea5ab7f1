import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ImportProgress, ImportSummary } from '../../shared/domain.ts';
import { DossierError, toErrorInfo } from '../../shared/errors.ts';
import { readRegularFile, regularFileSize, tooLarge } from '../importers/file-access.ts';
import { detectFormat } from '../importers/index.ts';
import { createParsePool, DEFAULT_PARSE_WORKER_URL, type ParsePool } from '../importers/parse-pool.ts';
import type { ParsedDocument, PartFailure } from '../importers/types.ts';
import { transaction, type Database } from '../store/database.ts';
import { findDuplicate, insertDocument } from '../store/documents-repo.ts';
import { newId, nowIso } from '../store/ids.ts';
import { recordImport } from '../custody/events.ts';
import { recogniseScans, type OcrImportOptions } from './import-ocr.ts';

export interface ImportOptions {
  /** Files larger than this are refused before they are read. */
  maxFileBytes: number;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** A file whose parsing takes longer is abandoned with a sentence (default 60 s). */
  parseTimeoutMs?: number | undefined;
  /** The parse worker module; the Electron build passes its bundled worker (see parse-pool.ts). */
  workerUrl?: URL | undefined;
  /** A pool to reuse across batches; without one, a pool is started for the batch and closed after it. */
  pool?: ParsePool | undefined;
  /** Bytes read ahead of the store at most (default READ_AHEAD_BYTES; tests make it small). */
  readAheadBytes?: number | undefined;
  /** Recognises scans and images (issue 16); without it they fail with a sentence. */
  ocr?: OcrImportOptions | undefined;
}

export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;
export const DEFAULT_PARSE_TIMEOUT_MS = 60_000;

/**
 * Read-ahead (issue 3): up to this many files per parse worker are read and in flight, so that a
 * worker always has its next file (parse-pool.ts sends it two) whichever file the store waits for;
 * bench:import measured 10–15 % more documents a second than with 2. Their bytes stay under
 * READ_AHEAD_BYTES: a file that does not fit waits for the ones before it to be stored.
 */
const FILES_AHEAD_PER_WORKER = 8;
const READ_AHEAD_BYTES = 256 * 1024 * 1024;

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** One file to import: a path on disk, or bytes dropped on the window. */
export type ImportSource = { path: string } | { path: string; name: string; bytes: Uint8Array };

export { expandPaths } from '../importers/file-access.ts';

/** What a file became before storing: its documents, or the sentence saying why it could not be read. */
type Prepared = { ok: true; name: string; bytes: Uint8Array; docs: ParsedDocument[]; failures: PartFailure[] } | { ok: false; error: unknown };

/**
 * Bytes read and not yet stored, granted in the order files were started (so a later file never
 * holds what an earlier one waits for). A file is let in when it fits, or when nothing else is in.
 */
function byteBudget(limit: number) {
  let used = 0;
  const waiting: { bytes: number; grant: () => void }[] = [];
  const admit = () => {
    while (waiting.length > 0 && (used === 0 || used + waiting[0]!.bytes <= limit)) {
      const next = waiting.shift()!;
      used += next.bytes;
      next.grant();
    }
  };
  return {
    take(bytes: number): Promise<void> {
      return new Promise((grant) => {
        waiting.push({ bytes, grant });
        admit();
      });
    },
    give(bytes: number): void {
      used -= bytes;
      admit();
    },
  };
}

/**
 * Imports a batch (issue 3). Files are read and parsed ahead, in a pool of worker threads so the
 * main process never freezes, and stored in the given order, each file in its own transaction:
 * every document of a file is stored or none is, a failure never stops the batch, and nothing
 * stored before is ever changed by a failure.
 */
export async function importSources(db: Database, sources: ImportSource[], options: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: [], duplicates: [], failed: [], skipped: [] };
  if (sources.length === 0) return summary;
  const pool =
    options.pool ??
    createParsePool({
      workerUrl: options.workerUrl ?? DEFAULT_PARSE_WORKER_URL,
      timeoutMs: options.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS,
    });
  const budget = byteBudget(options.readAheadBytes ?? READ_AHEAD_BYTES);
  /** Each file's place in the budget, taken in start order: a chain of size checks. */
  let turn: Promise<unknown> = Promise.resolve();
  const reserved: number[] = [];
  const prepare = async (source: ImportSource, index: number): Promise<Prepared> => {
    try {
      const name = 'name' in source ? source.name : path.basename(source.path);
      detectFormat(name);
      // Dropped bytes are already in memory; a file's size is checked before a byte of it is read.
      const admitted = turn.then(async () => {
        const size = 'bytes' in source ? 0 : await regularFileSize(source.path, name, options.maxFileBytes);
        reserved[index] = size;
        await budget.take(size);
      });
      turn = admitted.catch(() => undefined);
      await admitted;
      const bytes = 'bytes' in source ? source.bytes : await readRegularFile(source.path, name, options.maxFileBytes);
      if (bytes.byteLength > options.maxFileBytes) throw tooLarge(name, bytes.byteLength, options.maxFileBytes);
      if (bytes.byteLength === 0) throw new DossierError('EMPTY', `${name} is empty (0 bytes).`);
      const parsed = await pool.parse({ name, bytes });
      const onPage = (page: number, pages: number) => options.onProgress?.({ done: index, total: sources.length, currentFile: source.path, page, pages });
      return { ok: true, name, bytes, docs: await recogniseScans(parsed.docs, name, options.ocr, onPage), failures: parsed.failures };
    } catch (error) {
      return { ok: false, error };
    }
  };
  // Enough files in flight to keep every worker busy; their bytes are bounded by the budget.
  const ahead = pool.size * FILES_AHEAD_PER_WORKER;
  const pending: (Promise<Prepared> | undefined)[] = [];
  let started = 0;
  try {
    for (let i = 0; i < sources.length; i++) {
      while (started < sources.length && started < i + ahead) {
        pending[started] = prepare(sources[started]!, started);
        started++;
      }
      const source = sources[i]!;
      options.onProgress?.({ done: i, total: sources.length, currentFile: source.path });
      const prepared = await pending[i]!;
      pending[i] = undefined;
      try {
        if (!prepared.ok) throw prepared.error;
        storeFile(db, source.path, prepared, summary);
      } catch (error) {
        const info = toErrorInfo(error);
        const message = error instanceof DossierError ? info.message : `${path.basename(source.path)}: ${info.message}`;
        summary.failed.push({ path: source.path, code: info.code, message });
      } finally {
        budget.give(reserved[i] ?? 0);
      }
    }
  } finally {
    if (!options.pool) await pool.close();
  }
  options.onProgress?.({ done: sources.length, total: sources.length, currentFile: '' });
  return summary;
}

/** Stores every document of one file in one transaction; duplicates inside are reported, not stored. */
function storeFile(db: Database, filePath: string, prepared: Prepared & { ok: true }, summary: ImportSummary): void {
  const imported: ImportSummary['imported'] = [];
  const duplicates: ImportSummary['duplicates'] = [];
  transaction(db, () => {
    for (const parsed of prepared.docs) {
      const { part, ...doc } = parsed;
      const bytes = part?.bytes ?? prepared.bytes;
      const originalHash = sha256(bytes);
      const contentHash = sha256(doc.text);
      const title = doc.title ?? prepared.name;
      // Pages of one web capture share its file as their original (issue 19): only their text tells duplicates apart.
      const existing = findDuplicate(db, contentHash, part || prepared.docs.length === 1 ? originalHash : null);
      if (existing) {
        duplicates.push({ path: filePath, existingId: existing.id, existingTitle: existing.title });
        continue;
      }
      const id = newId();
      insertDocument(db, id, { ...doc, title, contentHash, originalHash, originalName: part?.name ?? prepared.name, originalBytes: bytes }, nowIso());
      recordImport(db, { ...doc, id, title, contentHash, originalHash, originalName: part?.name ?? prepared.name }, { path: filePath, name: prepared.name, bytes: prepared.bytes });
      imported.push({ id, path: filePath, title });
    }
  });
  summary.imported.push(...imported);
  summary.duplicates.push(...duplicates);
  // A part that failed alone (one message of a mailbox) is listed; the others are stored.
  for (const failure of prepared.failures) summary.failed.push({ path: filePath, code: failure.code, message: failure.message });
  if (typeof prepared.docs[0]?.meta.captureNote === 'string') (summary.notes ??= []).push(prepared.docs[0].meta.captureNote);
}
