import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { DossierError, type ErrorInfo } from '../../shared/errors.ts';
import type { FileInput, ParsedDocument } from './types.ts';

export interface ParseRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ParseResponse = { id: number; ok: true; docs: ParsedDocument[] } | { id: number; ok: false; error: ErrorInfo };

export interface ParsePoolOptions {
  /**
   * Where the worker module is. Source runs (CLI, tests, bench) use DEFAULT_PARSE_WORKER_URL;
   * the Electron build passes the bundled worker's URL, since electron-vite emits it as its own entry.
   */
  workerUrl: URL;
  /** A file whose parsing takes longer is abandoned: its worker is terminated and replaced. */
  timeoutMs: number;
  size?: number;
  /** Heap cap of each worker, so a decompression bomb that lies about its size kills only its worker. */
  maxHeapMb?: number;
  /**
   * Idle workers are stopped after this long (default 30 s). While idle they are unref'd, so a
   * long-lived pool never keeps a CLI or test process alive.
   */
  idleMs?: number;
}

export interface ParsePool {
  readonly size: number;
  parse(input: FileInput): Promise<ParsedDocument[]>;
  close(): Promise<void>;
}

/** The worker for source runs: Node 24 strips the types of the .ts file itself. */
export const DEFAULT_PARSE_WORKER_URL = new URL('./parse-worker.ts', import.meta.url);

interface Task {
  id: number;
  input: FileInput;
  resolve: (docs: ParsedDocument[]) => void;
  reject: (error: DossierError) => void;
}

interface Slot {
  worker: Worker | null;
  online: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
}

/**
 * A small pool of parse workers (min(2, cores)), started lazily. Each file goes to a free worker;
 * past the time limit, or if the worker dies (out of memory
 * on a bomb), the file fails with a sentence and the worker is replaced for the next file.
 */
export function createParsePool(options: ParsePoolOptions): ParsePool {
  const size = Math.max(1, options.size ?? Math.min(2, os.availableParallelism()));
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, online: false, task: null, timer: null, idle: null }));
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  const settle = (slot: Slot, outcome: { docs: ParsedDocument[] } | { error: DossierError }) => {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    if (task) {
      if ('docs' in outcome) task.resolve(outcome.docs);
      else task.reject(outcome.error);
    }
    pump();
    if (!slot.task && slot.worker) {
      const worker = slot.worker;
      worker.unref();
      slot.idle = setTimeout(() => {
        if (slot.worker === worker && !slot.task) kill(slot);
      }, options.idleMs ?? 30_000);
      slot.idle.unref();
    }
  };

  const kill = (slot: Slot) => {
    const worker = slot.worker;
    slot.worker = null;
    if (worker) void worker.terminate();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
      stderr: false,
    });
    slot.online = false;
    worker.once('online', () => {
      if (slot.worker !== worker) return;
      slot.online = true;
      if (slot.task && !slot.timer) startTimer(slot, slot.task);
    });
    worker.on('message', (response: ParseResponse) => {
      if (slot.task?.id !== response.id) return;
      if (response.ok) settle(slot, { docs: response.docs });
      else settle(slot, { error: new DossierError(response.error.code, response.error.message) });
    });
    const died = (why: string) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const name = slot.task?.input.name ?? 'A file';
      settle(slot, { error: new DossierError('PARSE_FAILED', `${name} could not be read: ${why}`) });
    };
    worker.on('error', (error: Error & { code?: string }) =>
      died(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'it needed more memory than Dossier allows for one file.'
          : 'the reader stopped unexpectedly. The file may be damaged.',
      ),
    );
    worker.on('exit', () => died('the reader stopped unexpectedly. The file may be damaged.'));
    return worker;
  };

  const startTimer = (slot: Slot, task: Task) => {
    slot.timer = setTimeout(() => {
      kill(slot);
      const seconds = Number((options.timeoutMs / 1000).toFixed(3));
      settle(slot, { error: new DossierError('PARSE_FAILED', `${task.input.name} took longer than ${seconds} s to read; it was not imported.`) });
    }, options.timeoutMs);
  };

  const pump = () => {
    if (closed) return;
    for (const slot of slots) {
      if (slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.worker ??= spawn(slot);
      slot.worker.ref();
      // The clock starts once the worker runs, so a slow start on a busy machine is not the file's fault.
      if (slot.online) startTimer(slot, task);
      // Copied, not transferred: the caller still stores these bytes as the original.
      const request: ParseRequest = { id: task.id, name: task.input.name, bytes: task.input.bytes };
      slot.worker.postMessage(request);
    }
  };

  return {
    size,
    parse(input) {
      if (closed) return Promise.reject(new DossierError('INTERNAL', 'The import was stopped.'));
      return new Promise<ParsedDocument[]>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new DossierError('INTERNAL', 'The import was stopped.'));
      const workers = slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        if (slot.idle) clearTimeout(slot.idle);
        slot.worker = null;
        slot.task?.reject(new DossierError('INTERNAL', 'The import was stopped.'));
        slot.task = null;
      }
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
