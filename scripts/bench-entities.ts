/**
 * `npm run bench:entities` (issue 18): precision and recall of entity extraction per language and
 * type on the annotated sentences of tests/fixtures/entities/, then the entity job over 10,000
 * stored documents, timed, with search latency measured while it runs (the job must not block search).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENTITY_TYPES, type EntityType } from '../src/shared/entities.ts';
import { openApp } from '../src/main/app/open-app.ts';
import { EntityExtractor } from '../src/main/entities/extract-entities.ts';
import { transaction } from '../src/main/store/database.ts';
import { insertDocument } from '../src/main/store/documents-repo.ts';
import { newId, nowIso } from '../src/main/store/ids.ts';

const LANGUAGES = ['en', 'zh', 'ug', 'kk', 'ru', 'ar'] as const;
const FIXTURES = path.resolve('tests/fixtures/entities');
const DOCS = Number(process.env.BENCH_ENTITY_DOCS ?? 10_000);

interface Gold {
  text: string;
  mentions: { text: string; type: EntityType }[];
}

/** `[as written|type]` marks → the plain sentence and its mentions. */
export function parseAnnotated(line: string): Gold {
  const mentions: Gold['mentions'] = [];
  const text = line.replace(/\[([^\]|]+)\|(person|place|org|facility)\]/gu, (_m, name: string, type: EntityType) => {
    mentions.push({ text: name, type });
    return name;
  });
  return { text, mentions };
}

function readGold(language: string): Gold[] {
  return readFileSync(path.join(FIXTURES, `${language}.txt`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map(parseAnnotated);
}

const pct = (n: number, d: number) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function scoreExtraction(): string[] {
  const extractor = new EntityExtractor();
  const lines = ['language  type        gold  found  right  precision  recall'];
  const total = { gold: 0, found: 0, right: 0 };
  for (const language of LANGUAGES) {
    const gold = readGold(language);
    const by = new Map<EntityType, { gold: number; found: number; right: number }>(ENTITY_TYPES.map((t) => [t, { gold: 0, found: 0, right: 0 }]));
    for (const sentence of gold) {
      const found = extractor.extract(sentence.text).map((m) => ({ text: m.text, type: m.type }));
      const unmatched = [...sentence.mentions];
      for (const f of found) {
        by.get(f.type)!.found++;
        const at = unmatched.findIndex((g) => g.text === f.text && g.type === f.type);
        if (at >= 0) {
          by.get(f.type)!.right++;
          unmatched.splice(at, 1);
        }
      }
      for (const g of sentence.mentions) by.get(g.type)!.gold++;
    }
    const all = { gold: 0, found: 0, right: 0 };
    for (const type of ENTITY_TYPES) {
      const s = by.get(type)!;
      all.gold += s.gold;
      all.found += s.found;
      all.right += s.right;
      if (s.gold || s.found) lines.push(`${language.padEnd(9)} ${type.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.found).padStart(6)} ${String(s.right).padStart(6)}     ${pct(s.right, s.found)}  ${pct(s.right, s.gold)}`);
    }
    lines.push(`${language.padEnd(9)} ${'all'.padEnd(10)} ${String(all.gold).padStart(5)} ${String(all.found).padStart(6)} ${String(all.right).padStart(6)}     ${pct(all.right, all.found)}  ${pct(all.right, all.gold)}   (${gold.length} sentences)`);
    total.gold += all.gold;
    total.found += all.found;
    total.right += all.right;
  }
  lines.push(`${'all'.padEnd(9)} ${'all'.padEnd(10)} ${String(total.gold).padStart(5)} ${String(total.found).padStart(6)} ${String(total.right).padStart(6)}     ${pct(total.right, total.found)}  ${pct(total.right, total.gold)}`);
  return lines;
}

/** A document of ~4 KB: sentences of every language's set, shuffled by the document's number. */
function documentText(i: number, sentences: string[]): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < 4000; k++) {
    const s = sentences[(i * 7 + k * 13) % sentences.length]!;
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join(k2(i));
}
const k2 = (i: number) => (i % 2 ? ' ' : '\n\n');

async function timeJob(): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-entities-'));
  const app = openApp(path.join(dir, 'workspace'));
  try {
    const { db } = app.workspace;
    const sentences = LANGUAGES.flatMap((l) => readGold(l).map((g) => g.text));
    transaction(db, () => {
      for (let i = 0; i < DOCS; i++) {
        const text = `Document ${i}. ${documentText(i, sentences)}`;
        const hash = createHash('sha256').update(text).digest('hex');
        insertDocument(
          db,
          newId(),
          {
            title: `Document ${i}`, source: 'Bench', author: null, url: null, publishedAt: `20${10 + (i % 12)}-0${1 + (i % 9)}-15`, language: 'en', format: 'txt', text,
            blocks: [{ kind: 'paragraph', start: 0, end: text.length }], pageStarts: null, meta: {}, originalHtml: null, reviewFlags: [],
            contentHash: hash, originalHash: hash, originalName: `doc-${i}.txt`, originalBytes: new TextEncoder().encode(text),
          },
          nowIso(),
        );
      }
    });
    const h = app.handlers;
    // The index first (as after an import), so search latency measures search, not the first build.
    await h['search:query']({ query: 'camp' });
    const quiet: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await h['search:query']({ query: i % 2 ? 'detained Toli' : 'лагерь' });
      quiet.push(performance.now() - t0);
    }
    const started = performance.now();
    let finished = 0;
    const job = Promise.resolve(h['entities:extract']({ wait: true })).then(() => (finished = performance.now()));
    const during: number[] = [];
    const lines: string[] = [];
    let lastPrint = 0;
    while (!finished) {
      const t0 = performance.now();
      const r = await h['search:query']({ query: during.length % 3 === 0 ? 'released' : during.length % 3 === 1 ? 'entity:Toli camp' : '托里' });
      const took = performance.now() - t0;
      during.push(took);
      if (performance.now() - lastPrint > 5000) {
        lastPrint = performance.now();
        const p = await h['entities:progress']({});
        lines.push(`  during the job: ${p.done}/${p.total} documents read, search answered in ${took.toFixed(1)} ms (${r.total} hits)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await job;
    const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
    const q = (a: number[], p: number) => sorted(a)[Math.min(a.length - 1, Math.floor(p * a.length))]!.toFixed(1);
    const mentions = (db.prepare('SELECT count(*) AS n FROM entity_mentions').get() as { n: number }).n;
    const dates = (db.prepare('SELECT count(*) AS n FROM document_dates').get() as { n: number }).n;
    const entities = (db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;
    return [
      `entity job over ${DOCS} documents of ~4 KB: ${((finished - started) / 1000).toFixed(1)} s (${(((finished - started) / DOCS)).toFixed(2)} ms a document), ${mentions} mentions of ${entities} entities, ${dates} dates`,
      ...lines,
      `search latency before the job: p50 ${q(quiet, 0.5)} ms, p95 ${q(quiet, 0.95)} ms (${quiet.length} queries)`,
      `search latency during the job: p50 ${q(during, 0.5)} ms, p95 ${q(during, 0.95)} ms, max ${q(during, 1)} ms (${during.length} queries)`,
    ];
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const scores = scoreExtraction();
console.log('Entity extraction on tests/fixtures/entities (exact words and type)');
console.log(scores.join('\n'));
console.log('');
for (const line of await timeJob()) console.log(line);
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
