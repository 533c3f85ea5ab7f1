import { contract, isChannel, type Channel, type ChannelOutput } from '../shared/contract.ts';
import { DossierError, toErrorInfo, type Result } from '../shared/errors.ts';
import type { Handler, Handlers } from './service.ts';

/**
 * Validates a call against the contract and runs its handler. Never throws: every failure
 * becomes `{ ok: false, error: { code, message } }` (STYLE.md rule 3). Electron IPC, the
 * CLI and the e2e bridge all go through here.
 */
export async function dispatch(handlers: Handlers, channel: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'BAD_INPUT', message: 'Unknown request.' } };
  return dispatchTo(channel, handlers[channel] as Handler<Channel>, input);
}

/** dispatch() for one channel whose handler is given alone (the CLI's search opens the search engine without the service, issue 17). */
export async function dispatchTo<C extends Channel>(channel: C, handler: Handler<C>, input: unknown): Promise<Result<ChannelOutput<C>>> {
  // zod's object schemas accept a Date or a Map for `{}`; every input is a plain object (issue 7, IPC fuzzing).
  if (!isPlainObject(input))
    return { ok: false, error: { code: 'BAD_INPUT', message: 'Invalid request: expected an object of named fields.' } };
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: { code: 'BAD_INPUT', message: `Invalid request${where}: ${issue?.message ?? 'bad input'}` } };
  }
  try {
    const value = await handler(parsed.data as never);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Calls a channel and unwraps the result, for callers that want exceptions (CLI, tests). */
export async function call<C extends Channel>(handlers: Handlers, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  return unwrap(await dispatch(handlers, channel, input)) as ChannelOutput<C>;
}

/** call() for one channel whose handler is given alone (dispatchTo). */
export async function callHandler<C extends Channel>(channel: C, handler: Handler<C>, input: unknown): Promise<ChannelOutput<C>> {
  return unwrap(await dispatchTo(channel, handler, input));
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new DossierError(result.error.code, result.error.message);
  return result.value;
}
