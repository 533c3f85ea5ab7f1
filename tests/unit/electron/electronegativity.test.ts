import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-workspace.ts';

const SCRIPT = path.resolve('scripts/check-electronegativity.ts');

describe('the Electronegativity gate (scripts/check-electronegativity.ts)', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  function gate(files: Record<string, string>, entries: unknown[] = []) {
    const input = path.join(dir, `src-${Math.random().toString(36).slice(2)}`);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(input, name)), { recursive: true });
      writeFileSync(path.join(input, name), text);
    }
    const allowlist = path.join(input, '..', `${path.basename(input)}.json`);
    writeFileSync(allowlist, JSON.stringify({ entries }));
    const run = spawnSync(
      process.execPath,
      [SCRIPT, '--input', input, '--allowlist', allowlist, '--sarif', path.join(input, '..', `${path.basename(input)}.sarif`)],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    return { code: run.status, out: run.stdout + run.stderr };
  }

  const HOSTILE = `import { BrowserWindow } from 'electron';
export const w = new BrowserWindow({
  webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false },
});
`;

  it(
    'fails the build on HIGH and MEDIUM findings, and passes them only with a reviewed allowlist entry',
    { timeout: 120_000 },
    () => {
      const failing = gate({ 'main/window.ts': HOSTILE });
      expect(failing.code).toBe(1);
      expect(failing.out).toMatch(/FAILING\s+CONTEXT_ISOLATION_JS_CHECK HIGH/);
      expect(failing.out).toMatch(/FAILING\s+SANDBOX_JS_CHECK MEDIUM/);
      // Global checks: no will-navigate handler, no permission handler anywhere in the sources.
      expect(failing.out).toMatch(/FAILING\s+LIMIT_NAVIGATION_GLOBAL_CHECK HIGH\/CERTAIN at \(whole app\)/);

      const line = '  webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false },'.trim();
      const entries = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'].map((rule) => ({
        rule,
        file: 'main/window.ts',
        line,
        reason: 'fixture',
      }));
      const stillFailing = gate({ 'main/window.ts': HOSTILE }, entries);
      expect(stillFailing.out).toMatch(/allowed\s+CONTEXT_ISOLATION_JS_CHECK/);
      expect(stillFailing.out).toMatch(/allowed\s+SANDBOX_JS_CHECK/);
      expect(stillFailing.out).not.toMatch(/FAILING\s+(CONTEXT_ISOLATION|SANDBOX)_JS_CHECK/);
      expect(stillFailing.code).toBe(1); // the navigation and permission findings remain

      const stale = gate({ 'main/ok.ts': 'export const x = 1;\n' }, [
        { rule: 'SANDBOX_JS_CHECK', file: 'main/gone.ts', line: 'x', reason: 'old' },
      ]);
      expect(stale.code).toBe(1);
      expect(stale.out).toContain('STALE allowlist entry');
    },
  );
});
