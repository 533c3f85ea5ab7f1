/**
 * `npm run bench`: Dossier's search engine beside SQLite FTS5 (over the same store) and MiniSearch
 * on the same corpus, in one run, and the library's first page and scroll windows (issue 17).
 *   node scripts/bench-search.ts [--docs N] [--json] [--locked] [--engines dossier,fts5,minisearch|none] [--reuse DIR]
 * --locked (issue 20) runs Dossier on the corpus twice, plain and locked (encrypted at rest),
 * instead of beside FTS5 and MiniSearch; "open to first result" is then unlock-to-first-result.
 * Without --docs it runs 1,000 and 10,000 documents. --engines runs only those named (a long run at
 * 100,000 documents on a shared machine may measure Dossier alone; the others' figures do not change with its code). Each engine runs in child processes of its
 * own (RSS is per process: Dossier's workers are threads of its process, so they are counted).
 * Peak RSS is the higher of the build and the serve processes; steady RSS is the serve process's.
 * The machine is shared: the load average is printed before and after each engine.
 * Dossier's search workers run bundled, as in the app (--source-workers: from the TypeScript sources).
 * --reuse DIR keeps the stored corpus in DIR (made on the first run, reused after: storing 100,000
 * documents takes a minute) so a change can be measured again without it; `--engines none` measures
 * the library alone. Corpora are kept per size (DIR/100000/corpus).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, fsyncSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openWorkspace } from '../src/main/store/workspace.ts';
import { benchDocuments, storeDocuments } from './bench-search-corpus.ts';
import { BENCH_PASSPHRASE, ENGINES, LOCKED_ENGINES, runEngine, type EngineName, type Figures, type Phase, type PhaseFigures } from './bench-search-engines.ts';
import type { LibraryFigures } from './bench-search-library.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    json: { type: 'boolean', default: false },
    run: { type: 'string' },
    phase: { type: 'string' },
    workspace: { type: 'string' },
    locked: { type: 'boolean', default: false },
    engines: { type: 'string' },
    reuse: { type: 'string' },
    'worker-url': { type: 'string' },
    'source-workers': { type: 'boolean', default: false },
  },
});

if (values.run) {
  // Child: one engine (or the library) over a prepared workspace; prints its figures as JSON.
  const figures =
    // The library child opens the whole app; the engines' children import only what they measure (their RSS is the figure).
    values.run === 'library'
      ? await (await import('./bench-search-library.ts')).libraryFigures(values.workspace!)
      : await runEngine(values.run as EngineName, values.phase as Phase, values.workspace!, values['worker-url']);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const log = (line: string) => process.stderr.write(`${line}\n`);
const child = <T>(args: string[], what: string): T => {
  // MiniSearch's index at 100,000 documents passes V8's default 4 GB heap (its JSON alone is ~350 MB). The other
  // engines run with V8's default, as the app's main process does: a 12 GB limit lets the main thread's garbage grow
  // before it is collected (Dossier's full build at 100,000 peaked ~70 MB higher with it).
  const heap = args.includes('minisearch') ? ['--max-old-space-size=12288'] : [];
  const out = spawnSync(process.execPath, ['--expose-gc', ...heap, fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`The ${what} run failed:\n${out.error?.message ?? out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as T;
};

/**
 * Writes a copied workspace's files out before anything is measured: the kernel otherwise writes the
 * 1.1 GB store of 100,000 documents back while the engines run (measured: Dossier's query p95 22.6 ms
 * in the serve phase after a fresh copy, 14.2 ms with the copy flushed first, the same code).
 */
function flushToDisk(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const fd = openSync(path.join(entry.parentPath, entry.name), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Dossier's search workers as the app starts them: bundled (electron-vite bundles them for the app; here
 * the CLI's bundle, `npm run build:cli`, made afresh from the sources into out/bench). Started from the
 * sources, each worker compiles its modules from TypeScript as it starts (type stripping), ~150–200 ms of
 * a cold start at 100,000 documents that the app never pays. --source-workers measures them that way.
 */
let bundledWorker: string | undefined;
function searchWorkerArgs(engine: string): string[] {
  if (!engine.startsWith('dossier') || values['source-workers']) return [];
  if (!bundledWorker) {
    const outdir = path.join(fileURLToPath(new URL('..', import.meta.url)), 'out', 'bench');
    const built = spawnSync(process.execPath, [fileURLToPath(new URL('./build-cli.ts', import.meta.url)), '--outdir', outdir], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`Bundling the search worker failed:\n${built.stderr}`);
    bundledWorker = pathToFileURL(path.join(outdir, 'search-worker.mjs')).href;
  }
  return ['--worker-url', bundledWorker];
}

const sizes = values.docs ? [Number(values.docs)] : [1000, 10_000];
for (const docs of sizes) {
  if (!Number.isInteger(docs) || docs < 10) throw new Error('--docs takes a whole number of documents, 10 or more.');
  const dir = values.reuse ? path.resolve(values.reuse, String(docs)) : mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  try {
    const workspaceDir = path.join(dir, 'ws');
    let t0 = performance.now();
    if (values.reuse && existsSync(path.join(dir, 'corpus'))) {
      // The engines' builds add ADDS documents each; start every run from the corpus as stored.
      rmSync(workspaceDir, { recursive: true, force: true });
      cpSync(path.join(dir, 'corpus'), workspaceDir, { recursive: true });
      flushToDisk(workspaceDir);
      log(`${docs} documents copied from ${path.join(dir, 'corpus')} (load average ${load()})`);
    } else {
      rmSync(workspaceDir, { recursive: true, force: true });
      const workspace = openWorkspace(workspaceDir);
      storeDocuments(workspace.db, await benchDocuments(docs));
      workspace.close();
      log(`${docs} documents stored in ${Math.round(performance.now() - t0)} ms (load average ${load()})`);
      if (values.reuse) cpSync(workspaceDir, path.join(dir, 'corpus'), { recursive: true });
    }
    const loads: Record<string, string> = {};
    const result: Record<string, unknown> = { docs };
    // The library first, on the store as imported (FTS5's table is added to it later).
    loads.library = load();
    result.library = child<LibraryFigures>(['--run', 'library', '--workspace', workspaceDir], 'library');
    log(`library ${JSON.stringify(result.library)}`);
    const lockedDir = path.join(dir, 'ws-locked');
    if (values.locked) {
      cpSync(workspaceDir, lockedDir, { recursive: true });
      flushToDisk(lockedDir);
      (await import('../src/main/lock/lock-workspace.ts')).lockInPlace(lockedDir, BENCH_PASSPHRASE);
    }
    const engines = (values.locked ? LOCKED_ENGINES : ENGINES).filter((e) => !values.engines || values.engines.split(',').includes(e));
    if (engines.length === 0 && values.engines !== 'none') throw new Error(`--engines takes names among ${ENGINES.join(', ')}.`);
    for (const engine of engines) {
      const engineDir = engine === 'dossier-locked' ? lockedDir : workspaceDir;
      // Two processes per engine: a full build (and a new document), then a restart that loads the
      // caches, answers the queries and settles (steady memory, as after reopening an investigation).
      t0 = performance.now();
      const [build, serve] = (['build', 'serve'] as const).map((phase) =>
        child<PhaseFigures>(['--run', engine, '--phase', phase, '--workspace', engineDir, ...searchWorkerArgs(engine)], `${engine} ${phase}`),
      ) as [PhaseFigures, PhaseFigures];
      loads[engine] = load();
      log(`${engine} done in ${Math.round((performance.now() - t0) / 1000)} s (load average ${loads[engine]})`);
      result[engine] = {
        buildMs: build.buildMs,
        addOneMs: build.addOneMs,
        coldStartMs: serve.coldStartMs,
        ...(serve.openToFirstMs !== undefined ? { openToFirstMs: serve.openToFirstMs } : {}),
        queryP50Ms: serve.queryP50Ms,
        queryP95Ms: serve.queryP95Ms,
        ...(serve.appP95Ms !== undefined ? { appP95Ms: serve.appP95Ms } : {}),
        indexMB: build.indexMB,
        peakRssMB: Math.max(build.peakRssMB, serve.peakRssMB),
        steadyRssMB: serve.steadyRssMB,
      } as Figures;
      // Each engine's figures as they come, so a long run that fails later keeps them.
      log(`${engine} ${JSON.stringify(result[engine])}`);
    }
    result.loadAverage = loads;
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printTable(result as Result, engines);
  } finally {
    if (!values.reuse) rmSync(dir, { recursive: true, force: true });
  }
}

type Result = { docs: number; library: LibraryFigures; loadAverage: Record<string, string> } & Partial<Record<EngineName, Figures>>;

function printTable(result: Result, engines: EngineName[]): void {
  const rows: [keyof Figures, string][] = [
    ['buildMs', 'full build (ms)'],
    ['addOneMs', 'new document searchable (ms)'],
    ['coldStartMs', 'cold start to first result (ms)'],
    ['openToFirstMs', 'open (unlock) to first result (ms)'],
    ['queryP50Ms', 'query p50, limit 10 (ms)'],
    ['queryP95Ms', 'query p95, limit 10 (ms)'],
    ['appP95Ms', 'app request p95, limit 100 + facets (ms)'],
    ['indexMB', 'index on disk (MB)'],
    ['peakRssMB', 'peak RSS (MB)'],
    ['steadyRssMB', 'steady RSS (MB)'],
  ];
  const cell = (v: unknown) => String(v ?? '—').padStart(12);
  const lines = [
    `${result.docs} documents of ~4 KB (State of the Union + SpamAssassin, 10 % UDHR in zh/ug/kk/ru/ar)`,
    `${''.padEnd(42)}${engines.map(cell).join('')}`,
  ];
  for (const [key, label] of rows) lines.push(`${label.padEnd(42)}${engines.map((e) => cell(result[e]?.[key])).join('')}`);
  lines.push(`${'load average after (1, 5, 15 min)'.padEnd(42)}${engines.map((e) => ` ${result.loadAverage[e]}`).join(' |')}`);
  lines.push(
    `library: first page ${result.library.firstPageMs} ms, scroll window p95 ${result.library.windowMs} ms (load average ${result.loadAverage.library})`,
  );
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
