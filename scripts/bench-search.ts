/**
 * `npm run bench`: Dossier's search engine beside MiniSearch on the same corpus, in one run.
 *   node scripts/bench-search.ts [--docs N] [--json] [--locked]
 * --locked (issue 20) runs Dossier on the corpus twice, plain and locked (encrypted at rest),
 * instead of beside MiniSearch; "open to first result" is then unlock-to-first-result.
 * Without --docs it runs 1,000 and 10,000 documents. Each engine runs in child processes of its
 * own (RSS is per process: Dossier's workers are threads of its process, so they are counted).
 * Peak RSS is the higher of the build and the serve processes; steady RSS is the serve process's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openWorkspace } from '../src/main/store/workspace.ts';
import { benchDocuments, storeDocuments } from './bench-search-corpus.ts';
import { BENCH_PASSPHRASE, runEngine, type EngineName, type Figures, type Phase, type PhaseFigures } from './bench-search-engines.ts';
import { lockInPlace } from '../src/main/lock/lock-workspace.ts';
import { cpSync } from 'node:fs';

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    json: { type: 'boolean', default: false },
    run: { type: 'string' },
    phase: { type: 'string' },
    workspace: { type: 'string' },
    locked: { type: 'boolean', default: false },
  },
});

if (values.run) {
  // Child: one engine over a prepared workspace; prints its figures as JSON.
  const figures = await runEngine(values.run as EngineName, values.phase as Phase, values.workspace!);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

const sizes = values.docs ? [Number(values.docs)] : [1000, 10_000];
for (const docs of sizes) {
  if (!Number.isInteger(docs) || docs < 10) throw new Error('--docs takes a whole number of documents, 10 or more.');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  try {
    const workspaceDir = path.join(dir, 'ws');
    const workspace = openWorkspace(workspaceDir);
    storeDocuments(workspace.db, benchDocuments(docs));
    workspace.close();
    const lockedDir = path.join(dir, 'ws-locked');
    if (values.locked) {
      cpSync(workspaceDir, lockedDir, { recursive: true });
      lockInPlace(lockedDir, BENCH_PASSPHRASE);
    }
    const result: Record<string, unknown> = { docs };
    const engines: EngineName[] = values.locked ? ['dossier', 'dossier-locked'] : ['dossier', 'minisearch'];
    for (const engine of engines) {
      const engineDir = engine === 'dossier-locked' ? lockedDir : workspaceDir;
      // Two processes per engine: a full build (and a new document), then a restart that loads the
      // caches, answers the queries and settles (steady memory, as after reopening an investigation).
      const phases = (['build', 'serve'] as const).map((phase) => {
        const args = ['--expose-gc', fileURLToPath(import.meta.url), '--run', engine, '--phase', phase, '--workspace', engineDir];
        const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
        if (child.status !== 0) throw new Error(`The ${engine} ${phase} run failed:\n${child.error?.message ?? child.stderr}`);
        return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as PhaseFigures;
      });
      const [build, serve] = phases as [PhaseFigures, PhaseFigures];
      result[engine] = {
        buildMs: build.buildMs,
        addOneMs: build.addOneMs,
        coldStartMs: serve.coldStartMs,
        ...(serve.openToFirstMs !== undefined ? { openToFirstMs: serve.openToFirstMs } : {}),
        queryP50Ms: serve.queryP50Ms,
        queryP95Ms: serve.queryP95Ms,
        peakRssMB: Math.max(build.peakRssMB, serve.peakRssMB),
        steadyRssMB: serve.steadyRssMB,
      } as Figures;
    }
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printTable(result as { docs: number } & Record<string, Figures>, engines);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(result: { docs: number } & Record<string, Figures>, engines: EngineName[]): void {
  const rows: [keyof Figures, string][] = [
    ['buildMs', 'full build (ms)'],
    ['addOneMs', 'new document searchable (ms)'],
    ['coldStartMs', 'cold start to first result (ms)'],
    ['openToFirstMs', 'open (unlock) to first result (ms)'],
    ['queryP50Ms', 'query p50 (ms)'],
    ['queryP95Ms', 'query p95 (ms)'],
    ['peakRssMB', 'peak RSS (MB)'],
    ['steadyRssMB', 'steady RSS (MB)'],
  ];
  const lines = [`${result.docs} documents of ~4 KB (State of the Union + SpamAssassin)`, `${''.padEnd(34)}${engines.map((e) => e.padStart(15)).join('')}`];
  for (const [key, label] of rows) lines.push(`${label.padEnd(34)}${engines.map((e) => String(result[e]?.[key] ?? '–').padStart(15)).join('')}`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
