/** The two engines measured by bench-search.ts, each in its own child process. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import MiniSearch, { type Query } from 'minisearch';
import { createSearchEngine } from '../src/main/search/engine.ts';
import { openWorkspace, type Workspace } from '../src/main/store/workspace.ts';
import { QUERIES, storeDocuments } from './bench-search-corpus.ts';

export interface Figures {
  buildMs: number;
  addOneMs: number;
  coldStartMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  peakRssMB: number;
  steadyRssMB: number;
}

const ADDS = 5;
const ROUNDS = 5;
const round = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!;

/** A new document with a word no other has, committed to the store; returns the word. */
function addDocument(workspace: Workspace, engine: string, i: number): string {
  const word = `zqx${engine}${i}`;
  storeDocuments(workspace.db, [{ title: `Added ${i}`, source: 'bench', publishedAt: null, text: `A late testimony that mentions ${word} once.` }]);
  return word;
}

async function steadyRss(): Promise<number> {
  await sleep(500);
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(200);
  return process.memoryUsage.rss();
}

async function timeQueries(run: (q: string) => Promise<unknown> | unknown): Promise<number[]> {
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

export async function runEngine(engine: 'dossier' | 'minisearch', dir: string): Promise<Figures> {
  return engine === 'dossier' ? runDossier(dir) : runMiniSearch(dir);
}

async function runDossier(dir: string): Promise<Figures> {
  const workspace = openWorkspace(dir);
  let search = createSearchEngine(workspace);
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

  search = createSearchEngine(workspace);
  t0 = performance.now();
  if ((await search.search('congress')).total === 0) throw new Error('Dossier found nothing after a cold start.');
  const coldStartMs = performance.now() - t0;

  const times = await timeQueries((q) => search.search(q, { limit: 10 }));
  const steady = await steadyRss();
  await search.close();
  workspace.close();
  return figures(buildMs, median(adds), coldStartMs, times, steady);
}

/** Dossier's query language, as far as MiniSearch can express it (no phrases: their words are AND-ed). */
function toMiniSearch(query: string): { query: Query; options: Record<string, unknown> } {
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

async function runMiniSearch(dir: string): Promise<Figures> {
  const workspace = openWorkspace(dir);
  const options = { fields: ['title', 'text'], storeFields: ['title'], searchOptions: { boost: { title: 3 } } };
  const read = workspace.db.prepare('SELECT id, title, text FROM documents');
  let t0 = performance.now();
  let index = new MiniSearch(options);
  index.addAll(read.all() as { id: string; title: string; text: string }[]);
  const buildMs = performance.now() - t0;
  const cacheFile = path.join(workspace.paths.indexDir, 'minisearch.json');
  writeFileSync(cacheFile, JSON.stringify(index));

  const adds: number[] = [];
  const latest = workspace.db.prepare('SELECT id, title, text FROM documents ORDER BY rowid DESC LIMIT 1');
  for (let i = 0; i < ADDS; i++) {
    const word = addDocument(workspace, 'minisearch', i);
    t0 = performance.now();
    index.add(latest.get() as { id: string; title: string; text: string });
    if (index.search(word).length !== 1) throw new Error(`MiniSearch did not find the new document ${word}.`);
    adds.push(performance.now() - t0);
  }

  index = undefined as unknown as MiniSearch;
  t0 = performance.now();
  index = MiniSearch.loadJSON(readFileSync(cacheFile, 'utf8'), options);
  if (index.search('congress').length === 0) throw new Error('MiniSearch found nothing after a cold start.');
  const coldStartMs = performance.now() - t0;

  const times = await timeQueries((q) => {
    const { query, options: searchOptions } = toMiniSearch(q);
    return index.search(query, searchOptions).slice(0, 10);
  });
  const steady = await steadyRss();
  workspace.close();
  return figures(buildMs, median(adds), coldStartMs, times, steady);
}

function figures(buildMs: number, addOneMs: number, coldStartMs: number, times: number[], steady: number): Figures {
  return {
    buildMs: Math.round(buildMs),
    addOneMs: round(addOneMs),
    coldStartMs: Math.round(coldStartMs),
    queryP50Ms: round(median(times)),
    queryP95Ms: round(percentile(times, 0.95)),
    // maxRSS is the process's peak resident set in KB, worker threads included.
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    steadyRssMB: mb(steady),
  };
}
