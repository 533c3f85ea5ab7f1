import { DossierError } from '../../shared/errors.ts';
import type { Handler } from '../service.ts';
import { appInfo } from './app-info.ts';

/**
 * Channels served by the session (src/main/app/session.ts), not by one investigation's service:
 * they choose, create and move investigations, and hold per-user settings (issue 8).
 */
export const SESSION_CHANNELS = [
  'investigations:list',
  'investigations:current',
  'investigations:create',
  'investigations:open',
  'investigations:close',
  'investigations:rename',
  'investigations:delete',
  'investigations:reveal',
  'investigations:export',
  'investigations:import',
  'investigations:createSample',
  'investigations:unlock',
  'investigations:lock',
  'investigations:changePassphrase',
  'investigations:forgetKey',
  'settings:get',
  'settings:update',
  'app:info',
] as const;

export type SessionChannel = (typeof SESSION_CHANNELS)[number];
export type SessionHandlers = { [C in SessionChannel]: Handler<C> };

/**
 * What a service bound to a single workspace answers on those channels: the session's handler
 * map (buildHandlers) replaces them, so only a bare openApp() ever reaches these.
 */
export function sessionOnlyHandlers(): SessionHandlers {
  const refuse = () => {
    throw new DossierError('FORBIDDEN', 'Investigations and settings are managed by the app session, not by a single workspace.');
  };
  const handlers = Object.fromEntries(SESSION_CHANNELS.map((channel) => [channel, refuse])) as unknown as SessionHandlers;
  // The versions need no session: a bare workspace (the e2e bridge, tests) answers them too.
  return { ...handlers, 'app:info': () => appInfo('development') };
}
