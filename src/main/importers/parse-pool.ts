import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { DossierError, type ErrorInfo } from '../../shared/errors.ts';
import type { FileInput, ParsedFile } from './types.ts';
import { PARSE_WORKER_HEAP_MB } from '../worker-heap.ts';

export interface ParseRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ParseResponse = { id: number; ok: true; file: ParsedFile } | { id: number; ok: false; error: ErrorInfo };

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
  parse(input: FileInput): Promise<ParsedFile>;
  close(): Promise<void>;
}

/** The worker for source runs: Node 24 strips the types of the .ts file itself. */
export const DEFAULT_PARSE_WORKER_URL = new URL('./parse-worker.ts', import.meta.url);

interface Task {
  id: number;
  input: FileInput;
  resolve: (file: ParsedFile) => void;
  reject: (error: DossierError) => void;
}

interface Slot {
  worker: Worker | null;
  online: boolean;
  /** The files sent to this worker, in order: the first is being parsed, the rest wait in the worker. */
  tasks: Task[];
  /** The time limit of the first task. */
  timer: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
}

/**
 * Files sent to a worker at once. The worker parses them one by one, in order (parse-worker.ts),
 * so when it finishes one the next is already there: it does not wait for the main thread, which
 * is often busy storing the previous file (bench:import: with one file at a time, each worker
 * spent a third of its time waiting).
 */
const TASKS_PER_WORKER = 2;

/**
 * A small pool of parse workers (min(2, cores)), started lazily. Each worker is sent up to
 * TASKS_PER_WORKER files and parses them in order; the time limit runs for the one it is on. Past
 * the limit, or if the worker dies (out of memory on a bomb), that file fails with a sentence, the
 * worker is replaced, and the files waiting behind it are sent again to the new one.
 */
export function createParsePool(options: ParsePoolOptions): ParsePool {
  const size = Math.max(1, options.size ?? Math.min(2, os.availableParallelism()));
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, online: false, tasks: [], timer: null, idle: null }));
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  /** The first task of a slot is done (or failed): the next one, already in the worker, starts its time limit. */
  const settle = (slot: Slot, outcome: { file: ParsedFile } | { error: DossierError }) => {
    const task = slot.tasks.shift();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (task) {
      if ('file' in outcome) task.resolve(outcome.file);
      else task.reject(outcome.error);
    }
    const next = slot.tasks[0];
    if (next && slot.online) startTimer(slot, next);
    pump();
    if (slot.tasks.length === 0 && slot.worker) {
      const worker = slot.worker;
      worker.unref();
      slot.idle = setTimeout(() => {
        if (slot.worker === worker && slot.tasks.length === 0) kill(slot);
      }, options.idleMs ?? 30_000);
      slot.idle.unref();
    }
  };

  /**
   * The worker is gone (terminated past the time limit, or dead): its first task fails with the
   * sentence; the files waiting behind it go back to the front of the queue for a new worker.
   */
  const abandon = (slot: Slot, error: DossierError) => {
    const [, ...waiting] = slot.tasks;
    slot.tasks.length = Math.min(slot.tasks.length, 1);
    queue.unshift(...waiting);
    settle(slot, { error });
  };

  const kill = (slot: Slot) => {
    const worker = slot.worker;
    slot.worker = null;
    if (worker) void worker.terminate();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? PARSE_WORKER_HEAP_MB },
      stderr: false,
    });
    slot.online = false;
    worker.once('online', () => {
      if (slot.worker !== worker) return;
      slot.online = true;
      if (slot.tasks[0] && !slot.timer) startTimer(slot, slot.tasks[0]);
    });
    worker.on('message', (response: ParseResponse) => {
      if (slot.tasks[0]?.id !== response.id) return;
      if (response.ok) settle(slot, { file: response.file });
      else settle(slot, { error: new DossierError(response.error.code, response.error.message) });
    });
    const died = (why: string) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const name = slot.tasks[0]?.input.name ?? 'A file';
      abandon(slot, new DossierError('PARSE_FAILED', `${name} could not be read: ${why}`));
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
      abandon(slot, new DossierError('PARSE_FAILED', `${task.input.name} took longer than ${seconds} s to read; it was not imported.`));
    }, options.timeoutMs);
  };

  const send = (slot: Slot, task: Task) => {
    slot.tasks.push(task);
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.worker ??= spawn(slot);
    slot.worker.ref();
    // The clock starts once the worker runs (and is on this file), so a slow start on a busy
    // machine, or the file before it, is not this file's fault.
    if (slot.online && slot.tasks.length === 1) startTimer(slot, task);
    // Copied, not transferred: the caller still stores these bytes as the original.
    const request: ParseRequest = { id: task.id, name: task.input.name, bytes: task.input.bytes };
    slot.worker.postMessage(request);
  };

  /** Idle workers get a file first, then busy ones their next. */
  const pump = () => {
    for (let depth = 1; depth <= TASKS_PER_WORKER && !closed; depth++) {
      for (const slot of slots) if (slot.tasks.length < depth && queue.length > 0) send(slot, queue.shift()!);
    }
  };

  return {
    size,
    parse(input) {
      if (closed) return Promise.reject(new DossierError('INTERNAL', 'The import was stopped.'));
      return new Promise<ParsedFile>((resolve, reject) => {
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
        for (const task of slot.tasks.splice(0)) task.reject(new DossierError('INTERNAL', 'The import was stopped.'));
      }
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
