/**
 * `dossier`: the headless command line over the same service as the app.
 * Every command takes `--workspace DIR` and `--json` (one JSON document on stdout; errors as
 * JSON with a code and a message, and a non-zero exit).
 *
 * Issue 17: this module parses the arguments and loads only the modules of the command given:
 * search-command.ts for `search` (the store and the search engine), commands.ts for the others
 * (the whole service), so a script calling `dossier search` in a loop does not pay for the rest.
 */
import { parseArgs } from 'node:util';
import { defaultUserDataDir } from '../main/app/default-workspace.ts';
import { terminalAsk } from './delete-command.ts';
import { terminalPrompt } from './lock-commands.ts';
import { USAGE } from './usage.ts';
import { escapeForTerminal } from './terminal-text.ts';
import { cliVersion } from './cli-defaults.ts';
import { OPTIONS, type Values } from './options.ts';
import type { CliIo, CliWorkers } from './cli-io.ts';

export type { CliIo, CliWorkers } from './cli-io.ts';

export async function runCli(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, ask: terminalAsk(), prompt: terminalPrompt() },
  workers: CliWorkers = {},
): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr.write(`${escapeForTerminal((error as Error).message)}\n\n${USAGE}\n`);
    return 2;
  }
  const [command, ...args] = positionals;
  if (values.version) {
    io.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  if (values.help || !command) {
    io.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const userDataDir = values['user-data'] ?? process.env.DOSSIER_USER_DATA ?? defaultUserDataDir();
  if (command === 'search') return (await import('./search-command.ts')).runSearchCommand(args, values, userDataDir, io, workers);
  return (await import('./commands.ts')).runWorkspaceCommand(command, args, values, userDataDir, io, workers);
}
