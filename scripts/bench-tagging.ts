/**
 * Selecting and tagging latency in a 10,000-document workspace (issue 5): the service calls the
 * UI waits on after the user presses Enter in the tag popover — passages:create, then
 * passages:list for the open document — through dispatch, as IPC runs them. Prints p50/p95.
 * Usage: npm run bench:tagging [-- DOCS] (default 10000)
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../src/main/app/open-app.ts';
import { dispatch } from '../src/main/dispatch.ts';
import { transaction } from '../src/main/store/database.ts';
import { insertDocument } from '../src/main/store/documents-repo.ts';
import { newId, nowIso } from '../src/main/store/ids.ts';
import { insertPassage } from '../src/main/store/passages-repo.ts';
import { createTag } from '../src/main/store/tags-repo.ts';

const DOCS = Number(process.argv[2] ?? 10_000);
const PASSAGES_PER_DOC = 3;
const RUNS = 200;

const PARAGRAPH =
  'A prisoner just released from a so-called political training center said that people inside were only allowed three steamed buns per day, and that they were forced to sing the national anthem from dawn to dusk.';

function documentText(i: number): { text: string; blocks: { kind: 'paragraph'; start: number; end: number }[] } {
  const parts: string[] = [];
  const blocks: { kind: 'paragraph'; start: number; end: number }[] = [];
  let at = 0;
  for (let p = 0; p < 20; p++) {
    const para = `Document ${i}, paragraph ${p}. ${PARAGRAPH}`;
    blocks.push({ kind: 'paragraph', start: at, end: at + para.length });
    parts.push(para);
    at += para.length + 2;
  }
  return { text: parts.join('\n\n'), blocks };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-tagging-'));
  const app = openApp(path.join(dir, 'workspace'));
  try {
    const { db } = app.workspace;
    const started = performance.now();
    const tagIds = transaction(db, () => Array.from({ length: 60 }, (_, i) => createTag(db, { name: `Tag ${i}` }).id));
    const ids: string[] = [];
    transaction(db, () => {
      for (let i = 0; i < DOCS; i++) {
        const id = newId();
        const { text, blocks } = documentText(i);
        const hash = createHash('sha256').update(text).digest('hex');
        insertDocument(
          db,
          id,
          {
            title: `Document ${i}`,
            source: 'Bench',
            author: null,
            url: null,
            publishedAt: '2020-01-01',
            language: 'en',
            format: 'txt',
            text,
            blocks,
            pageStarts: null,
            meta: {},
            originalHtml: null,
            reviewFlags: [],
            contentHash: hash,
            originalHash: hash,
            originalName: `doc-${i}.txt`,
            originalBytes: new TextEncoder().encode(text),
          },
          nowIso(),
        );
        for (let p = 0; p < PASSAGES_PER_DOC; p++) {
          const start = blocks[p * 5]!.start;
          insertPassage(db, {
            documentId: id,
            start,
            end: start + 40,
            text,
            note: '',
            tagIds: [tagIds[(i + p) % tagIds.length]!],
          });
        }
        ids.push(id);
      }
    });
    console.log(
      `workspace: ${DOCS} documents, ${DOCS * PASSAGES_PER_DOC} passages, ${tagIds.length} tags (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );

    const target = ids[Math.floor(DOCS / 2)]!;
    const { text } = documentText(Math.floor(DOCS / 2));
    const tagAndList: number[] = [];
    const createOnly: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = (run * 37) % (text.length - 60);
      const t0 = performance.now();
      const created = await dispatch(app.handlers, 'passages:create', {
        documentId: target,
        start,
        end: start + 50,
        tagIds: [tagIds[run % tagIds.length]!],
        tagNames: run % 10 === 0 ? [`New tag ${run}`] : [],
        note: '',
      });
      const t1 = performance.now();
      const listed = await dispatch(app.handlers, 'passages:list', { documentId: target });
      const t2 = performance.now();
      if (!created.ok || !listed.ok) throw new Error(JSON.stringify(created.ok ? listed : created));
      createOnly.push(t1 - t0);
      tagAndList.push(t2 - t0);
    }
    const timeOf = async (channel: 'tags:list' | 'documents:list', n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await dispatch(app.handlers, channel, {});
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b);
    };
    tagAndList.sort((a, b) => a - b);
    createOnly.sort((a, b) => a - b);
    console.log(
      `passages:create + passages:list (${RUNS} runs, document with up to ${RUNS + PASSAGES_PER_DOC} passages): p50 ${ms(quantile(tagAndList, 0.5))}, p95 ${ms(quantile(tagAndList, 0.95))}, max ${ms(tagAndList.at(-1)!)}`,
    );
    console.log(`passages:create alone: p50 ${ms(quantile(createOnly, 0.5))}, p95 ${ms(quantile(createOnly, 0.95))}`);
    const tags = await timeOf('tags:list', 50);
    console.log(
      `tags:list (refreshes the codebook counts after tagging): p50 ${ms(quantile(tags, 0.5))}, p95 ${ms(quantile(tags, 0.95))}`,
    );
    const docs = await timeOf('documents:list', 10);
    console.log(
      `documents:list (library refresh, not awaited by the popover): p50 ${ms(quantile(docs, 0.5))}, p95 ${ms(quantile(docs, 0.95))}`,
    );
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
