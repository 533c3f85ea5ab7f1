/**
 * The parse worker (issue 3): runs parseFile off the main thread, so a slow or hostile file never
 * freezes the window, and a runaway one can be terminated. One request at a time.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors.ts';
import { parseFile } from './index.ts';
import type { ParseRequest, ParseResponse } from './parse-pool.ts';

parentPort?.on('message', (request: ParseRequest) => {
  parseFile({ name: request.name, bytes: request.bytes }).then(
    (docs) => {
      const transfer = docs.flatMap((d) => (d.part ? [d.part.bytes.buffer as ArrayBuffer] : []));
      const response: ParseResponse = { id: request.id, ok: true, docs };
      parentPort!.postMessage(response, transfer);
    },
    (error: unknown) => {
      const response: ParseResponse = { id: request.id, ok: false, error: toErrorInfo(error) };
      parentPort!.postMessage(response);
    },
  );
});
