import type { Channel, ChannelInput, ChannelOutput, DossierApi, EventName, Events } from '../shared/contract.ts';
import type { ErrorCode } from '../shared/errors.ts';

declare global {
  interface Window {
    dossier: DossierApi;
  }
}

/** A failed call, carrying the sentence main wrote for the user. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Calls a contract channel; resolves with its value or rejects with an ApiError. */
export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await window.dossier.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return window.dossier.on(event, listener);
}

/** Issue 12: the path of a dropped file in the app (Electron's webUtils); '' where none is known. */
export function pathForFile(file: File): string {
  return window.dossier.pathForFile?.(file) ?? '';
}
