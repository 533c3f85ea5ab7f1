/**
 * Figures for issue 8: building the sample, exporting it as an archive, importing it on a
 * "second machine" (another user-data folder). Bounded: one sample, three runs each.
 * Run: node scripts/bench-investigations.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHandlers } from '../src/main/app/session-handlers.ts';
import { createSession } from '../src/main/app/session.ts';
import { call } from '../src/main/dispatch.ts';
import { openSettings } from '../src/main/settings/settings-store.ts';
import type { ExportResult } from '../src/shared/investigations.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-inv-'));
const machine = (name: string) => {
  const userDataDir = path.join(root, name);
  const session = createSession({ userDataDir, appVersion: 'bench', settings: openSettings(userDataDir) });
  return { session, handlers: buildHandlers(session) };
};
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
};

try {
  for (let run = 1; run <= 3; run++) {
    const a = machine(`a${run}`);
    const b = machine(`b${run}`);
    const [, sampleMs] = await time(() => call(a.handlers, 'investigations:createSample', {}));
    const file = path.join(root, `sample-${run}.dossier`);
    const [exported, exportMs] = await time(async () => (await call(a.handlers, 'investigations:export', { path: file })) as ExportResult);
    const [, importMs] = await time(() => call(b.handlers, 'investigations:import', { path: file }));
    const [, searchMs] = await time(() => call(b.handlers, 'search:query', { query: 'ئەركىنلىكتىن' }));
    const store = exported.manifest.entries[0]!.size;
    console.log(
      `run ${run}: sample ${sampleMs.toFixed(0)} ms · export ${exportMs.toFixed(0)} ms (${(exported.bytes / 1024).toFixed(0)} KiB archive, ${(store / 1024).toFixed(0)} KiB store) · import ${importMs.toFixed(0)} ms · first Uyghur search after import ${searchMs.toFixed(0)} ms`,
    );
    a.session.dispose();
    b.session.dispose();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
