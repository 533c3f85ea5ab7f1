/** The engines measured by bench-search.ts (Dossier, SQLite FTS5, MiniSearch), each in child processes of its own. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import MiniSearch, { type Query } from 'minisearch';
import { createSearchEngine } from '../src/main/search/engine.ts';
import { openWorkspace, type Workspace } from '../src/main/store/workspace.ts';
import { QUERIES, storeDocuments } from './bench-search-corpus.ts';
import { fts5Build, fts5Serve } from './bench-search-fts5.ts';

export interface Figures {
  buildMs: number;
  addOneMs: number;
  coldStartMs: number;
  /** Issue 20: from opening the investigation (unwrapping the key and decrypting the store, when locked) to the first result. */
  openToFirstMs?: number;
  queryP50Ms: number;
  queryP95Ms: number;
  peakRssMB: number;
  steadyRssMB: number;
  /** The index on disk: Dossier's segment files, FTS5's tables (growth of the store file), MiniSearch's JSON. */
  indexMB: number;
  /** Dossier only: the request the app makes (limit 100, facets). */
  appP95Ms?: number;
}

export type EngineName = 'dossier' | 'dossier-locked' | 'fts5' | 'minisearch';
export const ENGINES: EngineName[] = ['dossier', 'fts5', 'minisearch'];
/** `--locked` (issue 20): Dossier on the same corpus plain and locked (encrypted at rest), instead of beside the others. */
export const LOCKED_ENGINES: EngineName[] = ['dossier', 'dossier-locked'];

export const ADDS = 5;
const ROUNDS = 5;
export const round = (n: number) => Math.round(n * 10) / 10;
export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!;

/** A new document with a word no other has, committed to the store; returns the word. */
export function addDocument(workspace: Workspace, engine: string, i: number): string {
  const word = `zqx${engine}${i}`;
  storeDocuments(workspace.db, [
    {
      title: `Added ${i}`,
      source: 'bench',
      publishedAt: null,
      language: 'en',
      text: `A late testimony that mentions ${word} once.`,
    },
  ]);
  return word;
}

export async function steadyRss(): Promise<number> {
  await sleep(500);
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(200);
  return process.memoryUsage.rss();
}

export async function timeQueries(run: (q: string) => Promise<unknown> | unknown): Promise<number[]> {
  for (const q of QUERIES) await run(q);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      await run(q);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

export type Phase = 'build' | 'serve';
/** What one child process measures: `build` (full build, then a new document) or `serve` (cold start, queries, steady memory). */
export type PhaseFigures = Partial<Figures> & { peakRssMB: number };

/** The passphrase of the locked workspace of `npm run bench -- --locked` (issue 20). */
export const BENCH_PASSPHRASE = 'bench passphrase for issue 20';

/** `workerUrl`: Dossier's search worker script (the bench's bundle of it), else the engine's default (its source). */
export async function runEngine(engine: EngineName, phase: Phase, dir: string, workerUrl?: string): Promise<PhaseFigures> {
  const options = workerUrl ? { workerUrl: new URL(workerUrl) } : {};
  if (engine === 'dossier') return phase === 'build' ? dossierBuild(dir, options) : dossierServe(dir, options);
  const unlock = { passphrase: BENCH_PASSPHRASE };
  if (engine === 'dossier-locked') return phase === 'build' ? dossierBuild(dir, options, unlock) : dossierServe(dir, options, unlock);
  if (engine === 'fts5') return phase === 'build' ? fts5Build(dir) : fts5Serve(dir);
  return phase === 'build' ? miniSearchBuild(dir) : miniSearchServe(dir);
}

const dirBytes = (dir: string) => readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);

async function dossierBuild(dir: string, options: { workerUrl?: URL }, unlock?: { passphrase: string }): Promise<PhaseFigures> {
  const workspace = openWorkspace(dir, { unlock });
  const search = createSearchEngine(workspace, options);
  let t0 = performance.now();
  await search.refresh();
  const buildMs = performance.now() - t0;
  const adds: number[] = [];
  for (let i = 0; i < ADDS; i++) {
    const word = addDocument(workspace, 'dossier', i);
    t0 = performance.now();
    if ((await search.search(word)).total !== 1) throw new Error(`Dossier did not find the new document ${word}.`);
    adds.push(performance.now() - t0);
  }
  await search.close();
  const indexMB = mb(dirBytes(workspace.paths.indexDir));
  workspace.close();
  return { buildMs: Math.round(buildMs), addOneMs: round(median(adds)), indexMB, peakRssMB: peakRss() };
}

async function dossierServe(dir: string, options: { workerUrl?: URL }, unlock?: { passphrase: string }): Promise<PhaseFigures> {
  const opened = performance.now();
  const workspace = openWorkspace(dir, { unlock });
  const search = createSearchEngine(workspace, options);
  const t0 = performance.now();
  if ((await search.search('congress')).total === 0) throw new Error('Dossier found nothing after a cold start.');
  const coldStartMs = performance.now() - t0;
  const openToFirstMs = Math.round(performance.now() - opened);
  const times = await timeQueries((q) => search.search(q, { limit: 10 }));
  // What the app asks (limit 100; every response carries its facets).
  const app = await timeQueries((q) => search.search(q, { limit: 100 }));
  const steady = await steadyRss();
  await search.close();
  workspace.close();
  return { ...serveFigures(coldStartMs, times, steady), openToFirstMs, appP95Ms: round(percentile(app, 0.95)) };
}

/** Dossier's query language, as far as MiniSearch can express it (no phrases: their words are AND-ed). */
export function toMiniSearch(query: string): { query: Query; options: Record<string, unknown> } {
  const words = query.replace(/"/g, '').split(/\s+/).filter(Boolean);
  const include = words.filter((w) => !w.startsWith('-'));
  const exclude = words.filter((w) => w.startsWith('-')).map((w) => w.slice(1));
  const options: Record<string, unknown> = { combineWith: 'AND' };
  const clean = include.map((w) => {
    if (w.endsWith('*')) options.prefix = true;
    const fuzzy = /~(\d)$/.exec(w);
    if (fuzzy) options.fuzzy = Number(fuzzy[1]);
    if (w.startsWith('title:')) options.fields = ['title'];
    return w.replace(/^title:/, '').replace(/[*]$|~\d$/, '');
  });
  const positive = clean.join(' ');
  if (exclude.length === 0) return { query: positive, options };
  return { query: { combineWith: 'AND_NOT', queries: [positive, exclude.join(' ')] }, options };
}

const MINISEARCH_OPTIONS = { fields: ['title', 'text'], storeFields: ['title'], searchOptions: { boost: { title: 3 } } };
const miniSearchCache = (workspace: Workspace) => path.join(workspace.paths.indexDir, 'minisearch.json');

async function miniSearchBuild(dir: string): Promise<PhaseFigures> {
  const workspace = openWorkspace(dir);
  let t0 = performance.now();
  const index = new MiniSearch(MINISEARCH_OPTIONS);
  index.addAll(
    workspace.db.prepare('SELECT id, title, text FROM documents').all() as { id: string; title: string; text: string }[],
  );
  const buildMs = performance.now() - t0;
  const adds: number[] = [];
  const latest = workspace.db.prepare('SELECT id, title, text FROM documents ORDER BY rowid DESC LIMIT 1');
  for (let i = 0; i < ADDS; i++) {
    const word = addDocument(workspace, 'minisearch', i);
    t0 = performance.now();
    index.add(latest.get() as { id: string; title: string; text: string });
    if (index.search(word).length !== 1) throw new Error(`MiniSearch did not find the new document ${word}.`);
    adds.push(performance.now() - t0);
  }
  // MiniSearch's cache, for its cold start.
  writeFileSync(miniSearchCache(workspace), JSON.stringify(index));
  const indexMB = mb(statSync(miniSearchCache(workspace)).size);
  workspace.close();
  return { buildMs: Math.round(buildMs), addOneMs: round(median(adds)), indexMB, peakRssMB: peakRss() };
}

async function miniSearchServe(dir: string): Promise<PhaseFigures> {
  const workspace = openWorkspace(dir);
  const t0 = performance.now();
  const index = MiniSearch.loadJSON(readFileSync(miniSearchCache(workspace), 'utf8'), MINISEARCH_OPTIONS);
  if (index.search('congress').length === 0) throw new Error('MiniSearch found nothing after a cold start.');
  const coldStartMs = performance.now() - t0;
  const times = await timeQueries((q) => {
    const { query, options } = toMiniSearch(q);
    return index.search(query, options).slice(0, 10);
  });
  const steady = await steadyRss();
  workspace.close();
  return serveFigures(coldStartMs, times, steady);
}

/** The process's peak resident set (maxRSS, in KB), worker threads included. */
export function peakRss(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function serveFigures(coldStartMs: number, times: number[], steady: number): PhaseFigures {
  return {
    coldStartMs: Math.round(coldStartMs),
    queryP50Ms: round(median(times)),
    queryP95Ms: round(percentile(times, 0.95)),
    steadyRssMB: mb(steady),
    peakRssMB: peakRss(),
  };
}
