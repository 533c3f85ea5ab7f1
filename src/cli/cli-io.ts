/** Where the CLI writes and what a command gives back, shared by main.ts and the command modules it loads. */
import type { ScryptParams } from '../main/lock/key-file.ts';
import { toErrorInfo } from '../shared/errors.ts';
import type { Ask } from './delete-command.ts';
import type { Prompt } from './lock-commands.ts';
import type { ProgressStream } from './progress.ts';
import { escapeForTerminal, jsonForTerminal } from './terminal-text.ts';

/** Where the CLI writes: the process's streams, or buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Asks the user a yes/no question (delete); absent where no one can answer. */
  ask?: Ask | undefined;
  /** Asks for a passphrase without echo (issue 20); absent where no one can type. */
  prompt?: Prompt | undefined;
  /** scrypt's cost for a new passphrase (tests pass a cheap one; the file records its own). */
  lockParams?: ScryptParams | undefined;
}

/** The worker entries when they are not the sources beside their pools (the bundled CLI, scripts/build-cli.ts). */
export interface CliWorkers {
  searchWorkerUrl?: URL;
  parseWorkerUrl?: URL;
  entityWorkerUrl?: URL;
}

export interface Output {
  json: unknown;
  text: string;
  exitCode?: number;
}

/** A command's result on stdout: one JSON document with --json, its text otherwise. */
export function writeOutput(io: CliIo, json: boolean, output: Output): void {
  io.stdout.write(json ? `${jsonForTerminal(output.json)}\n` : `${escapeForTerminal(output.text)}\n`);
}

/** A failed command: its code and message as JSON on stdout with --json, a line on stderr otherwise; exit code 1. */
export function writeFailure(io: CliIo, json: boolean, error: unknown): number {
  const info = toErrorInfo(error);
  if (json) io.stdout.write(`${jsonForTerminal({ error: info })}\n`);
  else io.stderr.write(`Error: ${escapeForTerminal(info.message)}\n`);
  return 1;
}
