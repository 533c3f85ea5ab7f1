/** What every command needs before it knows more: the version and the investigation used without --workspace. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { legacyWorkspaceDir } from '../main/investigations/folders.ts';
import { openRegistry } from '../main/investigations/registry.ts';

/** The version in package.json, written into archive manifests. */
export function cliVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
}

/**
 * The folder data commands use without --workspace: the investigation the app opened last, or the
 * single workspace of earlier versions, so the CLI and the app see the same investigation.
 */
export function defaultInvestigationDir(userDataDir: string): string {
  return openRegistry(userDataDir).last()?.path ?? legacyWorkspaceDir(userDataDir);
}
