import path from 'node:path';
import { buildHandlers } from '../../src/main/app/session-handlers.ts';
import { createSession, type Session, type SessionDeps } from '../../src/main/app/session.ts';
import type { Handlers } from '../../src/main/service.ts';
import { openSettings } from '../../src/main/settings/settings-store.ts';
import type { EventName, Events } from '../../src/shared/contract.ts';
import { tempDir } from './temp-workspace.ts';

export interface TempSession {
  /** A user-data folder of its own: a separate "machine". */
  userDataDir: string;
  session: Session;
  handlers: Handlers;
  events: { event: EventName; payload: unknown }[];
  cleanup(): void;
}

/** A session over a fresh user-data folder, as the app builds it in src/main/index.ts. */
export function tempSession(extra: Partial<SessionDeps> = {}): TempSession {
  const { dir, cleanup } = tempDir('dossier-user-');
  const userDataDir = path.join(dir, 'user-data');
  const events: TempSession['events'] = [];
  const session = createSession({
    userDataDir,
    appVersion: '0.1.0-test',
    settings: openSettings(userDataDir),
    emit: <E extends EventName>(event: E, payload: Events[E]) => events.push({ event, payload }),
    ...extra,
  });
  return {
    userDataDir,
    session,
    handlers: buildHandlers(session),
    events,
    cleanup: () => {
      session.dispose();
      cleanup();
    },
  };
}
