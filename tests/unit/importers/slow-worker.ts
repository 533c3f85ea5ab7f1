/** A stand-in parse worker for the pool's tests: files named "hang*" never finish, "crash*" kill the worker. */
import { parentPort } from 'node:worker_threads';
import type { ParseRequest, ParseResponse } from '../../../src/main/importers/parse-pool.ts';

parentPort?.on('message', (request: ParseRequest) => {
  if (request.name.startsWith('hang')) return;
  if (request.name.startsWith('crash')) process.exit(3);
  const text = new TextDecoder().decode(request.bytes);
  const response: ParseResponse = {
    id: request.id,
    ok: true,
    docs: [
      {
        format: 'txt', text, blocks: [], title: request.name, source: null, author: null, url: null,
        publishedAt: null, language: null, pageStarts: null, meta: {}, originalHtml: null, reviewFlags: [],
      },
    ],
  };
  parentPort!.postMessage(response);
});
