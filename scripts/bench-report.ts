/**
 * Time to export a 200-passage report to PDF through headless Chromium (issue 6; goal < 5 s), and
 * to HTML and Word (issue 21).
 * Builds a throw-away workspace of 20 articles in English, Chinese and Uyghur, tags 200 passages
 * under 5 tags, creates the report from the tags and prints the figures. Run: npm run bench:report
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../src/main/app/open-app.ts';
import { call } from '../src/main/dispatch.ts';
import { createChromiumPrinter } from '../src/main/reports/pdf-chromium.ts';

const PASSAGES = 200;
const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-report-'));
try {
  const files = path.join(dir, 'files');
  mkdirSync(files);
  const paragraphs = [
    'She said she was held for eleven months in a facility outside Hotan, where sixty women shared one cell.',
    '她说她在喀什的一所学校里被关押了十一个月，每天只能吃两个馒头。',
    'ئۇ مۇنداق دېدى: بىز ھەر كۈنى سىياسىي ناخشا ئېيتىشقا مەجبۇر بولدۇق.',
    'Guards woke the prisoners at five in the morning and made them sing before meals; contact +86 10 1234 5678.',
    'Her brother confirmed the dates of her arrest and release to reporters in Istanbul in March 2019.',
  ];
  for (let d = 0; d < 20; d++) {
    const body = Array.from({ length: 10 }, (_, i) => `${paragraphs[(d + i) % paragraphs.length]} (${d}.${i})`).join('\n\n');
    writeFileSync(path.join(files, `article-${d}.txt`), `Article ${d}\n\n${body}\n`);
  }
  const printer = createChromiumPrinter();
  const app = openApp(path.join(dir, 'ws'), { printPdf: printer });
  const h = app.handlers;
  const summary = await call(h, 'documents:import', { paths: [files] });
  let n = 0;
  for (const item of summary.imported) {
    const doc = await call(h, 'documents:get', { id: item.id });
    for (const block of doc.blocks.slice(1)) {
      if (n >= PASSAGES) break;
      await call(h, 'passages:create', { documentId: doc.id, start: block.start, end: block.end, tagNames: [`Theme ${n % 5}`] });
      n++;
    }
  }
  const tags = await call(h, 'tags:list', {});
  const report = await call(h, 'reports:create', { title: 'Benchmark report', fromTagIds: tags.map((t) => t.id) });
  const out = path.join(dir, 'bench.pdf');
  const t0 = performance.now();
  const result = await call(h, 'reports:export', { id: report.id, format: 'pdf', path: out });
  const t1 = performance.now();
  const html = await call(h, 'reports:export', { id: report.id, format: 'html', path: path.join(dir, 'bench.html') });
  const t2 = performance.now();
  // issue 21: the Word export of the same report (redaction + docx + re-packing with Dossier's properties)
  const docx = await call(h, 'reports:export', { id: report.id, format: 'docx', path: path.join(dir, 'bench.docx') });
  const t3 = performance.now();
  app.close();
  console.log(`report: ${report.itemCount} passages in ${report.sectionCount} sections, ${summary.imported.length} sources`);
  console.log(`PDF export (redaction + HTML + Chromium launch + print + write): ${((t1 - t0) / 1000).toFixed(2)} s, ${(result.bytes / 1024).toFixed(0)} KiB (goal < 5 s)`);
  console.log(`HTML export: ${((t2 - t1) / 1000).toFixed(3)} s, ${(html.bytes / 1024).toFixed(0)} KiB`);
  console.log(`DOCX export: ${((t3 - t2) / 1000).toFixed(3)} s, ${(docx.bytes / 1024).toFixed(0)} KiB`);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
