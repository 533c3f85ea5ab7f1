import { CHANNELS, type Channel } from '../../shared/contract.ts';
import { investigationHandlers } from '../investigations/investigation-handlers.ts';
import type { Handler, Handlers } from '../service.ts';
import { SESSION_CHANNELS } from '../service/session-only.ts';
import type { Session } from './session.ts';

/**
 * The full handler map of the app (issue 8): the session's own channels, and every other
 * channel forwarded at call time to the investigation open now, or refused with a sentence
 * when none is open. Register it once (registerIpc, the CLI, the e2e bridge): it never goes stale.
 */
export function buildHandlers(session: Session): Handlers {
  const own = investigationHandlers(session) as Record<string, Handler<Channel>>;
  const sessionChannels = new Set<string>(SESSION_CHANNELS);
  const map: Partial<Record<Channel, Handler<Channel>>> = {};
  for (const channel of CHANNELS) {
    map[channel] = sessionChannels.has(channel)
      ? own[channel]!
      : (input) => (session.requireApp().handlers[channel] as Handler<Channel>)(input as never);
  }
  return map as Handlers;
}
