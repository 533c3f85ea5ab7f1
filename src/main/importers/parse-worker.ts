/**
 * The parse worker (issue 3): runs parseFile off the main thread, so a slow or hostile file never
 * freezes the window, and a runaway one can be terminated. Files are parsed one at a time, in the
 * order they arrive: the pool sends the next file before this one is done (parse-pool.ts), and its
 * time limit and its blame for a crash both assume the first file sent is the one being parsed.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors.ts';
import { parseFile } from './index.ts';
import type { ParseRequest, ParseResponse } from './parse-pool.ts';

async function parse(request: ParseRequest): Promise<void> {
  try {
    const file = await parseFile({ name: request.name, bytes: request.bytes });
    const transfer = file.docs.flatMap((d) => (d.part ? [d.part.bytes.buffer as ArrayBuffer] : []));
    const response: ParseResponse = { id: request.id, ok: true, file };
    parentPort!.postMessage(response, transfer);
  } catch (error) {
    const response: ParseResponse = { id: request.id, ok: false, error: toErrorInfo(error) };
    parentPort!.postMessage(response);
  }
}

let previous: Promise<void> = Promise.resolve();
parentPort?.on('message', (request: ParseRequest) => {
  // parse() answers every request; should posting the answer itself fail, the pool's time limit
  // ends that file, and the chain still goes on to the next.
  previous = previous.then(() => parse(request)).catch(() => undefined);
});
