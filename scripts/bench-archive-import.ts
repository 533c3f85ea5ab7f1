/**
 * Figures for issue 13, item 4: what copying an archive's rows through validation and cleaning
 * costs, against only checking the store (integrity check and schema, what import did before).
 * A synthetic investigation of N HTML documents (text, blocks, sanitised HTML, 3 passages each),
 * exported once, imported three times. Run: node scripts/bench-archive-import.ts [N]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { sanitizeHtml } from '../src/main/importers/sanitize.ts';
import { exportArchive, importArchive } from '../src/main/investigations/archive.ts';
import { openArchiveStore } from '../src/main/investigations/archive-schema.ts';
import { transaction } from '../src/main/store/database.ts';
import { insertDocument } from '../src/main/store/documents-repo.ts';
import { nowIso } from '../src/main/store/ids.ts';
import { insertPassage } from '../src/main/store/passages-repo.ts';
import { createTag } from '../src/main/store/tags-repo.ts';
import { openWorkspace } from '../src/main/store/workspace.ts';

const count = Number(process.argv[2] ?? 2000);
const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-archive-'));
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

try {
  const source = openWorkspace(path.join(root, 'source'));
  const tag = createTag(source.db, { name: 'Detention' });
  transaction(source.db, () => {
    for (let i = 0; i < count; i++) {
      const paragraphs = Array.from({ length: 12 }, (_, p) => `Witness ${i} said in paragraph ${p} that he was held near Ghulja for ${p + 2} months with others.`);
      const html = `<h1>Account ${i}</h1>${paragraphs.map((p) => `<p>${p} <a href="https://example.org/${i}/${p}">source</a></p>`).join('')}`;
      const text = [`Account ${i}`, ...paragraphs].join('\n\n');
      const bytes = new TextEncoder().encode(`<html><body><article>${html}</article></body></html>`);
      const id = `doc-${i}`;
      insertDocument(
        source.db,
        id,
        {
          title: `Account ${i}`, source: 'Bench', author: null, url: `https://example.org/${i}`, publishedAt: '2024-01-01', language: 'en',
          format: 'html', text, blocks: [{ kind: 'heading', start: 0, end: `Account ${i}`.length, level: 1 }], pageStarts: null, meta: { encoding: 'utf-8' },
          originalHtml: sanitizeHtml(html).html, reviewFlags: [], contentHash: sha256(text), originalHash: sha256(bytes), originalName: `account-${i}.html`, originalBytes: bytes,
        },
        nowIso(),
      );
      for (let p = 1; p <= 3; p++) {
        const start = text.indexOf(paragraphs[p]!);
        insertPassage(source.db, { documentId: id, start, end: start + 40, text, note: '', tagIds: [tag.id] });
      }
    }
  });
  const file = path.join(root, 'bench.dossier');
  const exported = exportArchive(source.db, { outFile: file, appVersion: 'bench', tmpDir: source.paths.tmpDir });
  source.close();
  const store = path.join(root, 'store-only.sqlite');
  writeFileSync(store, unzipSync(new Uint8Array(readFileSync(file)))['store/dossier.sqlite']!);
  console.log(`${count} documents, ${count * 3} passages: archive ${(exported.bytes / 1024 / 1024).toFixed(1)} MiB, store ${(exported.manifest.entries[0]!.size / 1024 / 1024).toFixed(1)} MiB`);
  for (let run = 1; run <= 3; run++) {
    let start = performance.now();
    openArchiveStore(store).db.close();
    const checkMs = performance.now() - start;
    const rssBefore = process.memoryUsage().rss;
    start = performance.now();
    importArchive(file, { userDataDir: path.join(root, `user-${run}`) });
    const importMs = performance.now() - start;
    const peak = process.resourceUsage().maxRSS * 1024;
    console.log(
      `run ${run}: checks only (integrity + schema) ${checkMs.toFixed(0)} ms · full import (read archive, check, copy and clean every row, rename) ${importMs.toFixed(0)} ms = ${((count / importMs) * 1000).toFixed(0)} documents/s · RSS before ${(rssBefore / 1024 / 1024).toFixed(0)} MiB, peak so far ${(peak / 1024 / 1024).toFixed(0)} MiB`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
