/**
 * A stand-in parse worker for the pool's tests: files named "hang*" never finish, "crash*" kill the
 * worker. Like the real one it parses files in order, so a hung file holds up those sent after it.
 */
import { parentPort } from 'node:worker_threads';
import type { ParseRequest, ParseResponse } from '../../../src/main/importers/parse-pool.ts';

let hung = false;
parentPort?.on('message', (request: ParseRequest) => {
  if (hung) return;
  if (request.name.startsWith('hang')) {
    hung = true;
    return;
  }
  if (request.name.startsWith('crash')) process.exit(3);
  const text = new TextDecoder().decode(request.bytes);
  const response: ParseResponse = {
    id: request.id,
    ok: true,
    file: {
      docs: [
        {
          format: 'txt', text, blocks: [], title: request.name, source: null, author: null, url: null,
          publishedAt: null, language: null, pageStarts: null, meta: {}, originalHtml: null, reviewFlags: [],
        },
      ],
      failures: [],
    },
  };
  parentPort!.postMessage(response);
});
