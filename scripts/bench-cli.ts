/**
 * `npm run bench:cli` (issue 17): how long the `dossier` command takes, process start included:
 * `--help`, `--version`, and `search` on a workspace of N documents (default 10,000) whose index
 * is cached already (as after the app or an earlier command built it). Run `npm run build` first
 * to measure the bundled CLI (out/cli/), or set DOSSIER_CLI_SOURCE=1 for the sources. Under the
 * search's time, the medians of when its steps ended (DOSSIER_CLI_TIMING, cli/search-command.ts):
 * modules loaded, store and engine open, answered, closed; the rest is the process's start and exit.
 *   node scripts/bench-cli.ts [--docs N] [--runs R]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from '../src/main/app/open-app.ts';
import { call } from '../src/main/dispatch.ts';
import { benchDocuments, storeDocuments } from './bench-search-corpus.ts';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, runs: { type: 'string', default: '7' } } });
const docs = Number(values.docs);
const runs = Number(values.runs);
const bin = path.resolve(import.meta.dirname, '../bin/dossier.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-cli-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const workspace = path.join(dir, 'ws');
  const app = openApp(workspace);
  storeDocuments(app.workspace.db, await benchDocuments(docs));
  await call(app.handlers, 'workspace:stats', {});
  await app.close();
  /** Each step's time in one run, from the search command's DOSSIER_CLI_TIMING line (search-command.ts). */
  const steps: Record<string, number[]> = {};
  const time = (args: string[]) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [bin, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, DOSSIER_CLI_TIMING: '1' },
      });
      times.push(performance.now() - t0);
      if (run.status !== 0) throw new Error(`dossier ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
      for (const [, step, ms] of run.stderr.matchAll(/(\w+) (\d+)(?=,|\n)/g)) (steps[step!] ??= []).push(Number(ms));
    }
    return Math.round(median(times));
  };
  const mode =
    existsSync(path.resolve(import.meta.dirname, '../out/cli/index.mjs')) && !process.env.DOSSIER_CLI_SOURCE
      ? 'bundled (out/cli)'
      : 'sources';
  process.stdout.write(
    `dossier CLI, ${mode}, median of ${runs} runs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  process.stdout.write(`  --help                          ${time(['--help'])} ms   (goal < 150)\n`);
  process.stdout.write(`  --version                       ${time(['--version'])} ms   (goal < 150)\n`);
  process.stdout.write(
    `  search congress --json (${docs})  ${time(['search', 'congress', '--json', '--workspace', workspace])} ms   (goal < 700)\n`,
  );
  // Medians of when each step of the search ended, in ms since its process started.
  process.stdout.write(
    `    steps (ms since start)        ${Object.entries(steps)
      .map(([step, ms]) => `${step} ${Math.round(median(ms))}`)
      .join(', ')}\n`,
  );
  process.stdout.write(
    `  load average after              ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
