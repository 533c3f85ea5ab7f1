/**
 * `npm run bench:hostile` (issue 13, item 5 and 6): the peak memory of importing hostile files
 * through the real service, each in a fresh process (its peak RSS covers the parse workers, which
 * are threads of it, and any off-heap buffers). Cases: a small text file (the baseline), a DOCX
 * whose word/document.xml inflates to 1.8 GB while hidden from a streaming reader (the issue's
 * bomb), a FIFO given directly, and a symbolic link to /dev/zero given directly.
 * The bench (not the app) makes the FIFO with the system's mkfifo.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { openApp } from '../src/main/app/open-app.ts';
import { call } from '../src/main/dispatch.ts';

const BOMB_BYTES = Number(process.env.BENCH_BOMB_MB ?? 1800) * 1024 * 1024;

/** A deflate stream of `total` spaces built from one compressed megabyte repeated (non-final blocks), then an empty final block. */
function deflatedSpaces(total: number): { data: Buffer; size: number } {
  const MB = 1024 * 1024;
  // Z_SYNC_FLUSH ends each piece on a byte boundary without a final block, so pieces concatenate.
  const piece = deflateRawSync(Buffer.alloc(MB, 0x20), { level: 9, finishFlush: 2 });
  const pieces = Math.floor(total / MB);
  const end = Buffer.from([0x03, 0x00]); // an empty final fixed-Huffman block
  return { data: Buffer.concat([...Array.from({ length: pieces }, () => piece), end]), size: pieces * MB };
}

/** The bomb: a DOCX whose document.xml is hidden behind the previous local header and lies about its size. */
function hiddenBomb(total: number): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  const { data } = deflatedSpaces(total);
  const types = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const entries = [
    { name: '[Content_Types].xml', method: 0, data: types, declared: types.length },
    // The body starts with the XML head (stored in a first block), then the spaces.
    { name: 'word/document.xml', method: 8, data: Buffer.concat([deflateRawSync(head, { finishFlush: 2 }), data]), declared: 200_000 },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    locals.push(local, name, e.data);
    offset += 30 + name.length + e.data.length;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offsets.at(-1)!, 42);
    centrals.push(central, name);
  }
  // The first local header's compressed size swallows the second record.
  const first = locals[0]!;
  first.writeUInt32LE(offset - 30 - entries[0]!.name.length, 18);
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

async function runCase(file: string): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-hostile-'));
  const app = openApp(path.join(root, 'workspace'));
  try {
    const started = performance.now();
    const summary = await call(app.handlers, 'documents:import', { paths: [file] });
    const ms = performance.now() - started;
    const outcome = summary.failed[0]?.message ?? (summary.imported.length ? `imported ${summary.imported.length}` : 'nothing');
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ maxRssMb: Math.round(maxRssMb), seconds: Number((ms / 1000).toFixed(2)), outcome })}\n`);
  } finally {
    app.close();
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--case') return runCase(process.argv[3]!);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-hostile-files-'));
  try {
    const files: [string, string][] = [];
    const text = path.join(dir, 'baseline.txt');
    writeFileSync(text, 'A short witness statement, for the baseline.');
    files.push(['text file (baseline)', text]);
    const bomb = path.join(dir, 'hidden-bomb.docx');
    const bytes = hiddenBomb(BOMB_BYTES);
    writeFileSync(bomb, bytes);
    files.push([`DOCX bomb, ${(bytes.length / 1024 / 1024).toFixed(2)} MB inflating to ${Math.round(BOMB_BYTES / 1024 / 1024)} MB, hidden`, bomb]);
    if (process.platform !== 'win32') {
      const fifo = path.join(dir, 'pipe.txt');
      execFileSync('mkfifo', [fifo]);
      files.push(['FIFO given directly', fifo]);
      const zero = path.join(dir, 'zero.txt');
      symlinkSync('/dev/zero', zero);
      files.push(['symlink to /dev/zero', zero]);
    }
    const self = fileURLToPath(import.meta.url);
    console.log('case | peak RSS of the importing process (MB) | seconds | outcome');
    for (const [label, file] of files) {
      const out = execFileSync(process.execPath, [self, '--case', file], { encoding: 'utf8', timeout: 300_000 });
      const result = JSON.parse(out.trim().split('\n').at(-1)!) as { maxRssMb: number; seconds: number; outcome: string };
      console.log(`${label} | ${result.maxRssMb} | ${result.seconds} | ${result.outcome}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
