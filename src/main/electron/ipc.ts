import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type EventName, type Events } from '../../shared/contract.ts';
import type { Result } from '../../shared/errors.ts';
import { dispatch } from '../dispatch.ts';
import type { Handlers } from '../service.ts';
import { isAllowedNavigation, type RequestPolicy } from './security.ts';

/**
 * A call is trusted only from the app's own top-level frame: not a sub-frame (the sandboxed
 * original view), not a page that somehow navigated elsewhere.
 */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, policy: RequestPolicy): boolean {
  return !!frame && frame.parent === null && isAllowedNavigation(frame.url, policy);
}

/** Registers every contract channel with one wrapper: sender check, validation, no throw across IPC. */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, policy: RequestPolicy): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, policy)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Dossier’s own window.' } };
      }
      return dispatch(handlers, channel, input);
    });
  }
}

/** Sends an event to every live window of the app. */
export function broadcast<E extends EventName>(targets: () => WebContents[], event: E, payload: Events[E]): void {
  for (const contents of targets()) if (!contents.isDestroyed()) contents.send(event, payload);
}
