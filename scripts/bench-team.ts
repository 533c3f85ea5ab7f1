/**
 * `npm run bench:team` (issue 21): what teamwork costs at the size of a large team project.
 * Builds an investigation of D documents (BENCH_TEAM_DOCS, default 2000, ~3 KB each) with P
 * passages per researcher (BENCH_TEAM_PASSAGES, default 10000) in two copies, then times: the
 * merge of one copy's archive into the other (archive checks included), the second merge of the
 * same archive (no change), inter-coder agreement on one tag, and a REFI-QDA import of the merged
 * result's report export is left to the tests. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { exportArchive } from '../src/main/investigations/archive.ts';
import { transaction } from '../src/main/store/database.ts';
import { insertDocument } from '../src/main/store/documents-repo.ts';
import { insertPassage } from '../src/main/store/passages-repo.ts';
import { createTag } from '../src/main/store/tags-repo.ts';
import { openWorkspace, type Workspace } from '../src/main/store/workspace.ts';
import { computeAgreement } from '../src/main/team/agreement.ts';
import { mergeInvestigation } from '../src/main/team/merge/merge.ts';
import { openArchiveForMerge } from '../src/main/team/merge/merge-source.ts';

const DOCS = Number(process.env.BENCH_TEAM_DOCS ?? 2000);
const PASSAGES = Number(process.env.BENCH_TEAM_PASSAGES ?? 10_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-team-'));
const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const sentence = (i: number) => `Witness ${i} said the guards at camp ${i % 97} beat detainees at night and took their shoes. `;

function build(ws: Workspace, author: string, seed: number): void {
  const db = ws.db;
  transaction(db, () => {
    const torture = createTag(db, { name: 'Torture' }).id;
    const texts: { id: string; text: string }[] = [];
    for (let d = 0; d < DOCS; d++) {
      const text = Array.from({ length: 30 }, (_, k) => sentence(d * 30 + k)).join('');
      const bytes = new TextEncoder().encode(text);
      const id = `00000000-0000-4000-8000-${String(d).padStart(12, '0')}`;
      insertDocument(
        db,
        id,
        {
          title: `Statement ${d}`,
          source: null,
          author: null,
          url: null,
          publishedAt: null,
          language: 'en',
          format: 'txt',
          text,
          blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
          pageStarts: null,
          meta: {},
          originalHtml: null,
          reviewFlags: [],
          contentHash: sha(text),
          originalHash: sha(bytes),
          originalName: `s${d}.txt`,
          originalBytes: bytes,
        },
        '2026-01-01T00:00:00.000Z',
      );
      texts.push({ id, text });
    }
    for (let p = 0; p < PASSAGES; p++) {
      const doc = texts[p % DOCS]!;
      const start = (p * 7919 + seed * 131) % (doc.text.length - 200);
      insertPassage(db, {
        documentId: doc.id,
        start,
        end: start + 40 + (p % 90),
        text: doc.text,
        note: '',
        tagIds: [torture],
        author,
      });
    }
  });
}

try {
  const a = openWorkspace(path.join(dir, 'a'));
  const b = openWorkspace(path.join(dir, 'b'));
  let t = performance.now();
  build(a, 'Aigerim', 1);
  build(b, 'Bakyt', 2);
  const buildMs = performance.now() - t;
  const archive = path.join(dir, 'b.dossier');
  exportArchive(b.db, { outFile: archive, appVersion: 'bench', tmpDir: b.paths.tmpDir });
  t = performance.now();
  const source = openArchiveForMerge(archive, a.paths.tmpDir);
  const stageMs = performance.now() - t;
  t = performance.now();
  const summary = mergeInvestigation(a.db, source);
  const mergeMs = performance.now() - t;
  source.close();
  t = performance.now();
  const again = openArchiveForMerge(archive, a.paths.tmpDir);
  const second = mergeInvestigation(a.db, again);
  again.close();
  const secondMs = performance.now() - t;
  const tagId = (a.db.prepare("SELECT id FROM tags WHERE name = 'Torture'").get() as { id: string }).id;
  t = performance.now();
  const agreement = computeAgreement(a.db, { tagId, coders: ['Aigerim', 'Bakyt'] });
  const agreementMs = performance.now() - t;
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`bench:team  ${DOCS} documents, ${PASSAGES} passages per researcher`);
  console.log(`  build both copies             ${fmt(buildMs)}`);
  console.log(`  archive checked and staged    ${fmt(stageMs)}`);
  console.log(
    `  merge                         ${fmt(mergeMs)}  (added ${JSON.stringify(summary.added)}, ${summary.conflicts.length} conflicts)`,
  );
  console.log(
    `  same archive again            ${fmt(secondMs)}  (added ${JSON.stringify(second.added)}, updated ${JSON.stringify(second.updated)})`,
  );
  console.log(
    `  agreement on one tag          ${fmt(agreementMs)}  (${agreement.documents.length} documents, percent ${agreement.percent?.toFixed(3)}, kappa ${agreement.kappa?.toFixed(3)}, alpha ${agreement.alpha?.toFixed(3)}, ${agreement.disagreements.length} disagreements)`,
  );
  console.log(`  peak RSS                      ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  a.close();
  b.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
