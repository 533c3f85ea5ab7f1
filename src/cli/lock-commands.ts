/**
 * The CLI side of locked investigations (issue 20): `dossier lock`, `dossier unlock`, `dossier
 * passphrase change`, and the passphrase every other command needs on a locked investigation.
 * A passphrase comes from a file (--passphrase-file F) or is typed at a terminal prompt without
 * echo; never from argv or the environment, where other users and shell histories can read it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../shared/errors.ts';
import { changePassphrase, lockInPlace, type WorkspaceUnlock } from '../main/lock/lock-workspace.ts';
import type { ScryptParams, Unlock } from '../main/lock/key-file.ts';
import { isLockedFolder } from '../main/lock/vault-files.ts';
import { openWorkspace } from '../main/store/workspace.ts';

export interface LockValues {
  'passphrase-file'?: string | undefined;
  'new-passphrase-file'?: string | undefined;
  'recovery-key-file'?: string | undefined;
}

/** Asks for a secret without showing it; absent where no one can type. */
export type Prompt = (question: string) => Promise<string>;

/** The secret in a file: its first line, without the line ending; the file is named in every error. */
export function readSecretFile(file: string, what: string): string {
  let raw: string;
  try {
    raw = readFileSync(path.resolve(file), 'utf8');
  } catch {
    throw new DossierError('NOT_FOUND', `Cannot read the ${what} file ${file}.`);
  }
  const secret = raw.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  if (!secret) throw new DossierError('BAD_INPUT', `The ${what} file ${file} is empty: put the ${what} on its first line.`);
  return secret;
}

export const NEEDS_PASSPHRASE =
  'This investigation is locked: give --passphrase-file FILE or --recovery-key-file FILE, or run the command in a terminal to be asked.';

/** How to open the investigation at `dir`: undefined when it is not locked. */
export async function unlockFor(
  dir: string,
  values: LockValues,
  prompt: Prompt | undefined,
): Promise<WorkspaceUnlock | undefined> {
  if (!isLockedFolder(path.resolve(dir))) return undefined;
  return secretFrom(values, prompt);
}

export async function secretFrom(values: LockValues, prompt: Prompt | undefined): Promise<Unlock> {
  if (values['passphrase-file']) return { passphrase: readSecretFile(values['passphrase-file'], 'passphrase') };
  if (values['recovery-key-file']) return { recoveryKey: readSecretFile(values['recovery-key-file'], 'recovery key') };
  if (!prompt) throw new DossierError('FORBIDDEN', NEEDS_PASSPHRASE);
  return { passphrase: await prompt('Passphrase: ') };
}

async function newPassphrase(
  values: LockValues,
  prompt: Prompt | undefined,
  flag: 'passphrase-file' | 'new-passphrase-file',
): Promise<string> {
  const file = values[flag];
  if (file) return readSecretFile(file, 'passphrase');
  if (!prompt)
    throw new DossierError(
      'BAD_INPUT',
      `Give the new passphrase with --${flag} FILE (or run the command in a terminal to be asked).`,
    );
  const first = await prompt('New passphrase: ');
  if ((await prompt('Type it again: ')) !== first)
    throw new DossierError('BAD_INPUT', 'The two passphrases differ. Nothing was changed.');
  return first;
}

export async function runLockCommand(
  command: string,
  args: string[],
  dir: string,
  values: LockValues,
  prompt: Prompt | undefined,
  params?: ScryptParams,
): Promise<{ json: unknown; text: string }> {
  const root = path.resolve(dir);
  if (command === 'lock') {
    const passphrase = await newPassphrase(values, prompt, 'passphrase-file');
    const { recoveryKey } = lockInPlace(root, passphrase, { params });
    return {
      json: { locked: true, path: root, recoveryKey },
      text: `Locked ${root}. Its recovery key, shown only now; write it down and keep it apart from the computer:\n\n  ${recoveryKey}\n\nThe plain copy, its index caches and its backups were removed.`,
    };
  }
  if (!isLockedFolder(root))
    throw new DossierError('CONFLICT', `${root} is not locked. Lock it with: dossier lock --passphrase-file FILE`);
  if (command === 'unlock') {
    const file = values['recovery-key-file'];
    if (!file) throw new DossierError('BAD_INPUT', 'Give the recovery key with --recovery-key-file FILE.');
    const recovery = { recoveryKey: readSecretFile(file, 'recovery key') };
    if (values['new-passphrase-file']) {
      changePassphrase(root, recovery, readSecretFile(values['new-passphrase-file'], 'passphrase'), params);
      return {
        json: { unlocked: true, passphraseChanged: true },
        text: 'The recovery key opens this investigation; the new passphrase is set.',
      };
    }
    openWorkspace(root, { unlock: recovery }).close();
    return { json: { unlocked: true, passphraseChanged: false }, text: 'The recovery key opens this investigation.' };
  }
  if (command === 'passphrase' && args[0] === 'change') {
    const current = await secretFrom(values, prompt);
    changePassphrase(root, current, await newPassphrase(values, prompt, 'new-passphrase-file'), params);
    return { json: { changed: true }, text: 'The passphrase was changed. The recovery key stays the same.' };
  }
  throw new DossierError('BAD_INPUT', 'Use: dossier passphrase change [--passphrase-file F] [--new-passphrase-file G]');
}

/** A prompt on the terminal that does not echo what is typed; undefined when stdin is not a terminal. */
export function terminalPrompt(): Prompt | undefined {
  const stdin = process.stdin;
  if (!stdin.isTTY) return undefined;
  return (question) =>
    new Promise((resolve, reject) => {
      process.stderr.write(question);
      let typed = '';
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      const done = (error?: Error) => {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        process.stderr.write('\n');
        if (error) reject(error);
        else resolve(typed);
      };
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') return done();
          if (ch === '\u0003') return done(new DossierError('BAD_INPUT', 'Cancelled.'));
          if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
          else typed += ch;
        }
      };
      stdin.on('data', onData);
    });
}
