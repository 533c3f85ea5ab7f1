import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type OpenedApp } from '../../src/main/app/open-app.ts';

/** A fresh folder under the system temp dir; `cleanup` removes it. */
export function tempDir(prefix = 'dossier-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An app (workspace + service) in a fresh temporary workspace. */
export function tempApp(): OpenedApp & { dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const app = openApp(path.join(dir, 'workspace'));
  return {
    ...app,
    dir,
    cleanup: () => {
      app.close();
      cleanup();
    },
  };
}

/** Writes files (name → content) into a new folder under `root` and returns its path. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): string {
  const folder = path.join(root, `files-${Math.random().toString(36).slice(2)}`);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return folder;
}
