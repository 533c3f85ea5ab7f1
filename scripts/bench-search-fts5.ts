/**
 * SQLite FTS5 beside Dossier's engine (issue 17): unicode61 words, an external-content table over
 * the same store's documents (so the text is not stored twice), ranked by bm25 with the title
 * weighted 3 (as MiniSearch's boost), a snippet() per hit. Its index size is the store file's growth.
 */
import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { openWorkspace } from '../src/main/store/workspace.ts';
import {
  ADDS,
  addDocument,
  mb,
  median,
  peakRss,
  round,
  serveFigures,
  steadyRss,
  timeQueries,
  type PhaseFigures,
} from './bench-search-engines.ts';

const QUERY = `SELECT f.rowid AS rowid, f.snip AS snippet, (SELECT title FROM documents d WHERE d.rowid = f.rowid) AS title
  FROM (SELECT rowid, snippet(fts, 1, '[', ']', '…', 12) AS snip FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 3.0, 1.0) LIMIT ?) f`;

/** Dossier's query language as FTS5 writes it: words quoted, phrases kept, prefix*, NOT for -word; no fuzzy (the word as typed). */
export function toFts5(query: string): string {
  const parts = query.match(/"[^"]*"|\S+/g) ?? [];
  const positive: string[] = [];
  const negative: string[] = [];
  for (const part of parts) {
    const exclude = part.startsWith('-');
    let word = exclude ? part.slice(1) : part;
    let column = '';
    if (word.startsWith('title:')) {
      column = 'title : ';
      word = word.slice(6);
    }
    const prefix = word.endsWith('*');
    word = word
      .replace(/^"|"$/g, '')
      .replace(/\*$|~\d$/, '')
      .replaceAll('"', '');
    if (!word) continue;
    const term = `${column}"${word}"${prefix ? ' *' : ''}`;
    (exclude ? negative : positive).push(term);
  }
  const base = positive.join(' AND ');
  return negative.length ? `${base} NOT (${negative.join(' OR ')})` : base;
}

export async function fts5Build(dir: string): Promise<PhaseFigures> {
  const workspace = openWorkspace(dir);
  const { db } = workspace;
  const file = workspace.paths.database;
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const before = statSync(file).size;
  let t0 = performance.now();
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61')`);
  db.exec('INSERT INTO fts(rowid, title, text) SELECT rowid, title, text FROM documents');
  const buildMs = performance.now() - t0;
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const indexMB = mb(statSync(file).size - before);
  const latest = db.prepare(
    'INSERT INTO fts(rowid, title, text) SELECT rowid, title, text FROM documents ORDER BY rowid DESC LIMIT 1',
  );
  const search = db.prepare(QUERY);
  const adds: number[] = [];
  for (let i = 0; i < ADDS; i++) {
    const word = addDocument(workspace, 'fts', i);
    t0 = performance.now();
    latest.run();
    if (search.all(toFts5(word), 10).length !== 1) throw new Error(`FTS5 did not find the new document ${word}.`);
    adds.push(performance.now() - t0);
  }
  workspace.close();
  return { buildMs: Math.round(buildMs), addOneMs: round(median(adds)), indexMB, peakRssMB: peakRss() };
}

export async function fts5Serve(dir: string): Promise<PhaseFigures> {
  const file = openWorkspace(dir);
  const database = file.paths.database;
  file.close();
  const t0 = performance.now();
  const db = new DatabaseSync(database);
  const search = db.prepare(QUERY);
  if (search.all(toFts5('congress'), 10).length === 0) throw new Error('FTS5 found nothing after a cold start.');
  const coldStartMs = performance.now() - t0;
  const times = await timeQueries((q) => search.all(toFts5(q), 10));
  const steady = await steadyRss();
  db.close();
  return serveFigures(coldStartMs, times, steady);
}
