/**
 * The entity job (issue 18): reads every stored document not yet read by this version of the
 * extractor. Extraction (the CPU part: ~4 KB of text takes milliseconds of matching and date
 * parsing) runs in the entity worker, which reads the texts itself; this thread only picks the
 * pending documents, a batch at a time, and writes each batch's results in one small transaction,
 * so searches and every other channel keep being answered while it runs.
 */
import type { AliasGroup } from '../../shared/domain.ts';
import type { EntityJobProgress } from '../../shared/entities.ts';
import { transaction, type Database } from '../store/database.ts';
import { listAliasGroups } from '../store/aliases-repo.ts';
import { backupRunning } from '../store/backup.ts';
import { documentExists, extractionCounts, pendingDocumentIds, readCorrections, saveExtraction } from '../store/entities-repo.ts';
import type { DocumentExtraction } from './entity-worker-protocol.ts';
import { createEntityWorkerClient, type EntityWorkerClient } from './entity-worker-client.ts';

/** Bumped when extraction changes, so every document is read again (corrections are kept). */
export const EXTRACTOR_VERSION = 1;
/** How long the job waits before looking again whether a backup has finished. */
const BACKUP_POLL_MS = 20;
const BATCH = 20;
/** The longest one write transaction holds the main thread. */
const WRITE_SLICE_MS = 10;
/** How long a write waits for searches under way at most (a stream of searches never stops the job). */
const SEARCH_WAIT_MS = 250;
const SEARCH_POLL_MS = 2;

export interface EntityJob {
  /** Starts (or continues) reading pending documents in the background. */
  schedule(): void;
  /** Reads every pending document, then resolves (the CLI and tests wait for this). */
  runAll(): Promise<EntityJobProgress>;
  progress(): EntityJobProgress;
  /** Reads every document again (after an alias group changed, or on request). */
  restart(): void;
  stop(): void;
}

export interface EntityJobOptions {
  /** What the worker opens read-only: the store's file, or a locked investigation's memdb name. */
  databaseFile: string;
  /** The worker module: the Electron build passes its bundled worker; source runs use the default. */
  workerUrl?: URL | undefined;
  /** Whether a search is being answered: the job's next write waits for it (up to SEARCH_WAIT_MS). */
  searching?: (() => boolean) | undefined;
}

const extractingOrNothing = (p: Promise<DocumentExtraction[] | undefined>) => p.catch(() => undefined);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createEntityJob(db: Database, onProgress: (p: EntityJobProgress) => void = () => undefined, options: EntityJobOptions): EntityJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const worker: EntityWorkerClient = createEntityWorkerClient(options.databaseFile, options.workerUrl);
  const progress = (): EntityJobProgress => ({ ...extractionCounts(db, EXTRACTOR_VERSION), running: running !== null });

  /**
   * One request at a time reaches the worker (it reads one anyway): when it dies, only the request it
   * was reading fails, so the one-document retries below blame the right text.
   */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(request: () => Promise<T>): Promise<T> => {
    const next = queue.then(request, request);
    queue = next.catch(() => undefined);
    return next;
  };

  /** A batch whose worker died (a text too large for its heap) is read again one document at a time: only that text fails. */
  const extractOneByOne = async (ids: string[], aliases: AliasGroup[]): Promise<DocumentExtraction[]> => {
    const out: DocumentExtraction[] = [];
    for (const documentId of ids) {
      if (stopped) break;
      try {
        out.push(...(await serial(() => worker.extract([documentId], aliases))));
      } catch (error) {
        out.push({ documentId, mentions: [], dates: [], error: error instanceof Error ? error.message : String(error) });
      }
    }
    return out;
  };

  /** Documents sent to the worker in this run: each once (the batch in flight is still pending), so a document it cannot see never makes the job spin. */
  const tried = new Set<string>();
  const nextBatch = (): string[] => {
    const ids = pendingDocumentIds(db, EXTRACTOR_VERSION, 2 * BATCH).filter((id) => !tried.has(id)).slice(0, BATCH);
    for (const id of ids) tried.add(id);
    return ids;
  };

  /** Extraction of a batch, with a fallback one document at a time if its worker died (undefined once stopped). */
  const extractBatch = async (ids: string[]): Promise<DocumentExtraction[] | undefined> => {
    const aliases = listAliasGroups(db);
    try {
      return await serial(() => worker.extract(ids, aliases));
    } catch {
      return stopped ? undefined : extractOneByOne(ids, aliases);
    }
  };

  /**
   * Writes a batch's results in transactions of at most WRITE_SLICE_MS each (the clock is read after
   * every document), each followed by as long a pause, so a search is never queued behind a whole batch.
   */
  const writeResults = async (results: DocumentExtraction[]): Promise<void> => {
    let next = 0;
    while (next < results.length) {
      // A write between the steps of an online backup fails it: the job waits for the backup.
      while (!stopped && backupRunning(db)) await sleep(BACKUP_POLL_MS);
      // A search's round trips to the search workers would each wait behind a write: searches go first.
      const waitUntil = performance.now() + SEARCH_WAIT_MS;
      while (!stopped && options.searching?.() && performance.now() < waitUntil) await sleep(SEARCH_POLL_MS);
      if (stopped) return;
      const started = performance.now();
      const corrections = readCorrections(db);
      transaction(db, () => {
        while (next < results.length) {
          const r = results[next++]!;
          // Deleted while the worker read it: nothing to record.
          if (documentExists(db, r.documentId)) saveExtraction(db, corrections, r.documentId, r.mentions, r.dates, EXTRACTOR_VERSION);
          if (performance.now() - started >= WRITE_SLICE_MS) break;
        }
      });
      // As long a pause as the write: a search is several round trips to the search workers, and each
      // would otherwise wait behind a write (setImmediate here gave p50 173 ms searches in bench:entities).
      await sleep(WRITE_SLICE_MS);
    }
  };

  const loop = async () => {
    // Let the caller's turn finish first: the job never runs inside the request that started it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      // The worker extracts the next batch while this thread writes the last one.
      tried.clear();
      let ids = nextBatch();
      let extracting = ids.length > 0 ? extractBatch(ids) : undefined;
      while (!stopped && extracting) {
        const results = await extractingOrNothing(extracting);
        if (!results || stopped) break;
        ids = nextBatch();
        extracting = ids.length > 0 ? extractBatch(ids) : undefined;
        await writeResults(results);
        onProgress({ ...progress(), running: true });
      }
      // Let a batch still being read end before the worker goes.
      if (extracting) await extractingOrNothing(extracting);
    } finally {
      // Idle: the worker and its tables go until the next import.
      await worker.close();
    }
  };

  const start = (): Promise<void> => {
    stopped = false;
    if (!running) {
      const run = loop().finally(() => {
        if (running === run) running = null;
        if (!stopped) onProgress(progress());
      });
      running = run;
    }
    return running;
  };

  return {
    schedule: () => void start().catch(() => undefined),
    async runAll() {
      // A batch running when called may finish before documents imported since: loop until none is pending.
      do await start();
      while (!stopped && running === null && pendingDocumentIds(db, EXTRACTOR_VERSION, 1).length > 0);
      return progress();
    },
    progress,
    restart() {
      db.prepare('DELETE FROM entity_extractions').run();
      // A run under way reads every document again too.
      tried.clear();
      void start().catch(() => undefined);
    },
    stop() {
      stopped = true;
      void worker.close();
    },
  };
}
