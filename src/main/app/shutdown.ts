/**
 * Quit safety (issue 7): pending writes finish before the app quits, and a second quit during
 * that flush does not cut it. Plain functions over injected parts; src/main/index.ts only wires
 * them to Electron's `before-quit`.
 *
 * SQLite transactions here are synchronous, so whenever a quit event runs no transaction is
 * half-done. What can be cut are the multi-step async writes: an online backup or a restore
 * copying pages. The flush waits for those, stops the backup timer, checkpoints the WAL into the
 * database file and closes it. An import is not awaited: each file is its own transaction, so
 * it stops between two files (the store closes under it and its remaining files are not imported).
 */
import type { Channel } from '../../shared/contract.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Handlers } from '../service.ts';
import type { Database } from '../store/database.ts';

/** Calls that are not awaited at quit: they stop cleanly between their own transactions. */
export const INTERRUPTIBLE: ReadonlySet<Channel> = new Set<Channel>(['documents:import', 'documents:importData']);

export interface Shutdown {
  /** The service's handlers, counted while they run and refused once the flush has begun. */
  handlers: Handlers;
  /** Runs background work (a scheduled backup) under the same count. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Aborted when the flush begins: long loops may pass it on to stop early. */
  signal: AbortSignal;
  flush(): Promise<void>;
}

export interface ShutdownParts {
  handlers: Handlers;
  /** The store to checkpoint, or a function giving the one open at quit time (investigations switch). */
  db: Database | (() => Database | undefined);
  /** Closes the workspace (idempotent); may wait for worker threads to stop. */
  close(): void | Promise<void>;
  /** Stops timers that would start new writes (the backup schedule). */
  stopTimers?: (() => void) | undefined;
}

export function createShutdown(parts: ShutdownParts): Shutdown {
  const pending = new Set<Promise<unknown>>();
  const controller = new AbortController();
  let flushing: Promise<void> | null = null;

  const refuse = () => new DossierError('CONFLICT', 'Dossier is closing; this will be possible again after it restarts.');
  const track = <T>(promise: Promise<T>): Promise<T> => {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    pending.add(settled);
    void settled.then(() => pending.delete(settled));
    return promise;
  };

  const handlers = Object.fromEntries(
    Object.entries(parts.handlers).map(([channel, handler]) => [
      channel,
      (input: never) => {
        if (flushing) throw refuse();
        const result = Promise.resolve().then(() => (handler as (input: never) => unknown)(input));
        return INTERRUPTIBLE.has(channel as Channel) ? result : track(result);
      },
    ]),
  ) as unknown as Handlers;

  return {
    handlers,
    signal: controller.signal,
    run(work) {
      if (flushing) return Promise.reject(refuse());
      return track(work());
    },
    flush() {
      flushing ??= (async () => {
        controller.abort();
        parts.stopTimers?.();
        while (pending.size) await Promise.all([...pending]);
        try {
          const db = typeof parts.db === 'function' ? parts.db() : parts.db;
          db?.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        } finally {
          await parts.close();
        }
      })();
      return flushing;
    },
  };
}

export interface QuitGuardParts {
  flush(): Promise<void>;
  /** Quits for real (Electron's app.quit); called once, after the flush. */
  quit(): void;
  /** A flush that hangs this long no longer holds the app open. */
  timeoutMs?: number | undefined;
  onError?: ((error: unknown) => void) | undefined;
}

/**
 * The `before-quit` listener: the first quit is held (preventDefault) while the flush runs, later
 * quits during the flush are held too, and once it is done the app quits and the final
 * `before-quit` passes.
 */
export function createQuitGuard(parts: QuitGuardParts): (event: { preventDefault(): void }) => void {
  let state: 'running' | 'flushing' | 'done' = 'running';
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        parts.onError?.(new Error(`The flush before quitting took over ${parts.timeoutMs ?? 30_000} ms.`));
        resolve();
      }, parts.timeoutMs ?? 30_000);
    });
    void Promise.race([parts.flush().catch((error: unknown) => parts.onError?.(error)), timeout]).then(() => {
      clearTimeout(timer);
      state = 'done';
      parts.quit();
    });
  };
}
