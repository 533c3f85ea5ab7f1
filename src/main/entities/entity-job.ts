/**
 * The entity job (issue 18): reads every stored document not yet read by this version of the
 * extractor, in small slices on the main thread (each slice at most SLICE_MS of work and one
 * transaction, then as long a pause), so searches and every other channel keep being answered
 * while it runs. Extraction is a few milliseconds a document (measured in
 * `npm run bench:entities`), too little to pay a worker's copy of every text for.
 */
import type { EntityJobProgress } from '../../shared/entities.ts';
import { transaction, type Database } from '../store/database.ts';
import { listAliasGroups } from '../store/aliases-repo.ts';
import { backupRunning } from '../store/backup.ts';
import { extractionCounts, pendingDocuments, readCorrections, saveExtraction } from '../store/entities-repo.ts';
import { findDates } from './dates.ts';
import { EntityExtractor } from './extract-entities.ts';

/** Bumped when extraction changes, so every document is read again (corrections are kept). */
export const EXTRACTOR_VERSION = 1;
const SLICE_MS = 20;
const BATCH = 20;

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

export function createEntityJob(db: Database, onProgress: (p: EntityJobProgress) => void = () => undefined): EntityJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  let extractor: { key: string; value: EntityExtractor } | undefined;
  const extractorNow = () => {
    const aliases = listAliasGroups(db);
    const key = JSON.stringify(aliases);
    if (extractor?.key !== key) extractor = { key, value: new EntityExtractor(aliases) };
    return extractor.value;
  };
  const progress = (): EntityJobProgress => ({ ...extractionCounts(db, EXTRACTOR_VERSION), running: running !== null });

  /** One slice: documents until SLICE_MS has passed; false when none was pending. */
  const slice = (): boolean => {
    // A write between the steps of an online backup fails it: the job waits for the backup.
    if (backupRunning(db)) return true;
    const started = performance.now();
    const ex = extractorNow();
    const corrections = readCorrections(db);
    let any = false;
    const late = () => stopped || performance.now() - started >= SLICE_MS;
    while (!late()) {
      const docs = pendingDocuments(db, EXTRACTOR_VERSION, BATCH);
      if (docs.length === 0) break;
      any = true;
      // The clock is read after every document: one slice never holds the thread for a whole batch.
      transaction(db, () => {
        for (const doc of docs) {
          saveExtraction(db, corrections, doc.id, ex.extract(doc.text), findDates(doc.text, doc.publishedAt), EXTRACTOR_VERSION);
          if (late()) break;
        }
      });
    }
    return any;
  };

  const loop = async () => {
    // Let the caller's turn finish first: the job never runs inside the request that started it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (!stopped && slice()) {
      onProgress({ ...progress(), running: true });
      // As long a pause as the slice: a search is several round trips to the search workers, and each
      // would otherwise wait behind a slice (bench:entities measured 300 ms searches with setImmediate).
      await new Promise<void>((resolve) => setTimeout(resolve, SLICE_MS));
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
      // A slice running when called may finish before documents imported since: loop until none is pending.
      do await start();
      while (!stopped && running === null && pendingDocuments(db, EXTRACTOR_VERSION, 1).length > 0);
      return progress();
    },
    progress,
    restart() {
      db.prepare('DELETE FROM entity_extractions').run();
      void start().catch(() => undefined);
    },
    stop() {
      stopped = true;
    },
  };
}
