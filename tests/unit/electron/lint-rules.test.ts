/**
 * The ESLint rules that stand in for what Electronegativity misses (issue 7) really fire: each
 * snippet is linted as if it lived at the given path, through ESLint's Node API and the project's config.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('ESLint security and boundary rules', () => {
  it.each([
    ['src/main/store/evil.ts', "import { app } from 'electron';\nexport const x = app;\n", 'no-restricted-imports'],
    ['src/main/search/evil.ts', "import { shell } from 'electron';\nexport const x = shell;\n", 'no-restricted-imports'],
    ['src/shared/evil.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
    ['src/renderer/evil.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'no-restricted-imports'],
    ['src/renderer/evil.ts', "import fs from 'node:fs';\nexport const x = fs;\n", 'no-restricted-imports'],
    ['src/cli/evil.ts', "import { app } from 'electron';\nexport const x = app;\n", 'no-restricted-imports'],
    ['src/main/electron/evil.ts', 'export const prefs = { sandbox: false };\n', 'no-restricted-syntax'],
    ['src/main/electron/evil.ts', 'export const prefs = { nodeIntegration: true };\n', 'no-restricted-syntax'],
    ['src/main/electron/evil.ts', 'export const prefs = { contextIsolation: false };\n', 'no-restricted-syntax'],
    ['src/main/electron/evil.ts', 'export const prefs = { webSecurity: false };\n', 'no-restricted-syntax'],
    [
      'src/renderer/Evil.tsx',
      'export function Evil({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: html }} />;\n}\n',
      'no-restricted-syntax',
    ],
    [
      'src/preload/evil.ts',
      "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);\n",
      'no-restricted-syntax',
    ],
    [
      'src/preload/evil.ts',
      "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('api', { send: ipcRenderer.send });\n",
      'no-restricted-syntax',
    ],
    [
      'src/main/electron/menu-evil.ts',
      "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n",
      'no-restricted-properties',
    ],
  ])('%s fails on %j', async (filePath, code, rule) => {
    expect(await ruleIds(code, filePath)).toContain(rule);
  });

  it.each([
    ['src/main/index.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/main/electron/window-ok.ts', "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n"],
    ['src/main/store/types-ok.ts', "import type { App } from 'electron';\nexport type X = App;\n"],
    [
      'src/main/electron/security.ts',
      "import type { Shell } from 'electron';\nexport const open = (shell: Shell, url: string) => shell.openExternal(url);\n",
    ],
    [
      'src/main/electron/prefs-ok.ts',
      'export const prefs = { sandbox: true, nodeIntegration: false, contextIsolation: true, webSecurity: true };\n',
    ],
  ])('%s may contain %j', async (filePath, code) => {
    expect(await ruleIds(code, filePath)).toEqual([]);
  });
});
