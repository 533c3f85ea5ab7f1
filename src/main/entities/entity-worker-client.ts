/**
 * The main thread's side of the entity worker (issue 18): one worker started on first need and
 * stopped when the job is idle, the user's alias groups sent with a request whenever they changed
 * (and to every new worker), and a worker that died (a text too large for its heap) replaced.
 */
import { Worker } from 'node:worker_threads';
import type { AliasGroup } from '../../shared/domain.ts';
import { ENTITY_WORKER_HEAP_MB } from '../worker-heap.ts';
import type { DocumentExtraction, EntityWorkerConfig, EntityWorkerReply } from './entity-worker-protocol.ts';

/** Source runs (CLI, tests, bench) use this; the Electron build passes its bundled worker. */
export const DEFAULT_ENTITY_WORKER_URL = new URL('./entity-worker.ts', import.meta.url);

export interface EntityWorkerClient {
  extract(documentIds: string[], aliases: AliasGroup[]): Promise<DocumentExtraction[]>;
  /** Stops the worker (the next extract starts another). */
  close(): Promise<void>;
}

export function createEntityWorkerClient(databaseFile: string, workerUrl: URL = DEFAULT_ENTITY_WORKER_URL): EntityWorkerClient {
  let worker: Worker | undefined;
  let sentAliases: string | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: DocumentExtraction[]) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const started = (): Worker => {
    if (worker) return worker;
    const config: EntityWorkerConfig = { databaseFile };
    const w = new Worker(workerUrl, { workerData: config, resourceLimits: { maxOldGenerationSizeMb: ENTITY_WORKER_HEAP_MB } });
    // The job's worker never keeps a CLI process alive on its own.
    w.unref();
    w.on('message', (reply: EntityWorkerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.message));
    });
    const gone = (error: Error) => {
      if (worker !== w) return;
      worker = undefined;
      sentAliases = undefined;
      failAll(error);
    };
    w.on('error', (error) => gone(new Error(`The entity worker stopped: ${error.message}`)));
    w.on('exit', () => gone(new Error('The entity worker stopped.')));
    worker = w;
    return w;
  };

  return {
    extract(documentIds, aliases) {
      const w = started();
      const key = JSON.stringify(aliases);
      const changed = key !== sentAliases;
      sentAliases = key;
      const id = nextId++;
      return new Promise<DocumentExtraction[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, documentIds, aliases: changed ? aliases : undefined });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      sentAliases = undefined;
      failAll(new Error('The entity job stopped.'));
      await w?.terminate();
    },
  };
}
