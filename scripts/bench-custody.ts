/**
 * `npm run bench:custody` (issue 19): what the chain of custody costs. Appends N entries (one
 * transaction each, as imports and edits do), walks and checks the whole chain as `dossier
 * custody verify` does, and lists one document's history. N: BENCH_CUSTODY (default 10000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { appendCustody, listCustody } from '../src/main/custody/custody-log.ts';
import { verifyCustody } from '../src/main/custody/verify.ts';
import { transaction } from '../src/main/store/database.ts';
import { openWorkspace } from '../src/main/store/workspace.ts';

const N = Number(process.env.BENCH_CUSTODY ?? 10_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-custody-'));
const workspace = openWorkspace(path.join(dir, 'ws'));
try {
  const details = (i: number) => ({
    title: `Document ${i}`,
    format: 'html',
    file: { name: `page-${i}.html`, sourcePath: `/home/researcher/captures/page-${i}.html`, size: 20_000 + i, sha256: 'a'.repeat(64) },
    contentHash: 'b'.repeat(64),
  });
  let start = performance.now();
  for (let i = 0; i < N; i++) transaction(workspace.db, () => appendCustody(workspace.db, { kind: 'import', documentId: `doc-${i % 500}`, details: details(i) }));
  const appendMs = performance.now() - start;
  start = performance.now();
  const report = verifyCustody(workspace.db, { headFile: path.join(workspace.dir, 'custody-head.json'), backupsDir: workspace.paths.backupsDir });
  const verifyMs = performance.now() - start;
  start = performance.now();
  const history = listCustody(workspace.db, { documentId: 'doc-7' });
  const historyMs = performance.now() - start;
  console.log(`custody: ${N} entries appended in ${appendMs.toFixed(0)} ms (${((appendMs / N) * 1000).toFixed(0)} µs per entry, one transaction each)`);
  console.log(`custody: verify of ${report.entries} entries in ${verifyMs.toFixed(0)} ms (ok: ${report.ok})`);
  console.log(`custody: one document's history (${history.length} entries) in ${historyMs.toFixed(1)} ms`);
} finally {
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
}
