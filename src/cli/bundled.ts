/** The entry of the bundled CLI (scripts/build-cli.ts): the same runCli, with the bundled worker entries beside it. */
import { runCli } from './main.ts';

process.exitCode = await runCli(process.argv.slice(2), undefined, {
  searchWorkerUrl: new URL('./search-worker.mjs', import.meta.url),
  parseWorkerUrl: new URL('./parse-worker.mjs', import.meta.url),
  entityWorkerUrl: new URL('./entity-worker.mjs', import.meta.url),
});
