import { MessageChannel, Worker } from 'node:worker_threads';
import type { Request, WorkerReply } from './worker-protocol.ts';
import { SEARCH_WORKER_HEAP_MB, SEARCH_WORKER_YOUNG_MB } from '../worker-heap.ts';

export interface WorkerPoolOptions {
  workerUrl: URL;
  size: number;
  databaseFile: string;
  tmpDir: string;
  /** Issue 20: a locked investigation's data key, for its sealed index caches. */
  indexKey?: Uint8Array | undefined;
}

/** A fixed set of search workers with request/reply over postMessage. */
export class WorkerPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;
  /** Set when a worker died: its segments are gone, so every later call fails instead of waiting forever. */
  private broken: Error | undefined;

  constructor(options: WorkerPoolOptions) {
    this.size = options.size;
    this.workers = Array.from({ length: options.size }, () => {
      const worker = new Worker(options.workerUrl, {
        workerData: { databaseFile: options.databaseFile, tmpDir: options.tmpDir, indexKey: options.indexKey },
        // A small young generation (V8 sizes it from the old one: ~48 MB each here): a query's garbage is short-lived and
        // off-heap (typed arrays), so scavenges stay cheap, and at 100,000 documents steady RSS fell by ~37 MB (issue 17).
        resourceLimits: { maxOldGenerationSizeMb: SEARCH_WORKER_HEAP_MB, maxYoungGenerationSizeMb: SEARCH_WORKER_YOUNG_MB },
        // The default, said: the segment files a worker holds open (their positions and offsets) are closed when it exits.
        trackUnmanagedFds: true,
      });
      worker.on('message', (reply: WorkerReply) => {
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if (reply.ok) waiting.resolve(reply.value);
        else waiting.reject(new Error(reply.message));
      });
      worker.on('error', (error) => {
        this.broken = new Error(`A search worker stopped: ${error.message}`);
        this.failAll(this.broken);
      });
      worker.on('exit', () => {
        if (this.closed) return;
        this.broken ??= new Error('A search worker stopped.');
        this.failAll(this.broken);
      });
      return worker;
    });
    // Issue 17: each pair of search workers shares a channel, for a query's term frequencies (worker-peers.ts).
    for (let a = 0; a < this.workers.length; a++) {
      for (let b = a + 1; b < this.workers.length; b++) {
        const { port1, port2 } = new MessageChannel();
        this.workers[a]!.postMessage({ type: 'connect', id: 0, peer: b, port: port1 }, [port1]);
        this.workers[b]!.postMessage({ type: 'connect', id: 0, peer: a, port: port2 }, [port2]);
      }
    }
  }

  call<T>(worker: number, request: Request): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The search engine is closed.'));
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.workers[worker % this.size]!.postMessage({ ...request, id });
    });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failAll(new Error('The search engine is closed.'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
