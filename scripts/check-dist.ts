/**
 * `npm run dist:check` (issue 12): packages the app for Linux as `npm run dist` does, but with a
 * stand-in Electron distribution (a file carrying Electron 45's nine-fuse wire) because the real
 * one cannot be downloaded on the build machines. It proves that electron-builder loads our
 * configuration, packs out/ and the production dependencies into app.asar without a native addon,
 * and runs the afterPack hook, which flips every fuse; then prints the flipped wire.
 * Not part of CI (about 30 s); run it after changing electron-builder.yml or the hook.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_LENGTH = 9;
const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-dist-check-'));
try {
  const fakeDist = path.join(work, 'electron');
  mkdirSync(path.join(fakeDist, 'resources'), { recursive: true });
  const binary = Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, WIRE_LENGTH]), Buffer.alloc(WIRE_LENGTH, 0x90), Buffer.alloc(4096, 7)]);
  writeFileSync(path.join(fakeDist, 'electron'), binary);
  chmodSync(path.join(fakeDist, 'electron'), 0o755);
  writeFileSync(path.join(fakeDist, 'LICENSE'), 'stand-in');
  writeFileSync(path.join(fakeDist, 'version'), version);
  const output = path.join(work, 'dist');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      `-c.electronDist=${fakeDist}`,
      `-c.electronVersion=${version}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const packed = readFileSync(path.join(output, 'linux-unpacked', 'dossier'));
  const at = packed.indexOf(SENTINEL) + SENTINEL.length;
  const wire = [...packed.subarray(at + 2, at + 2 + packed[at + 1]!)].map((b) => String.fromCharCode(b)).join('');
  const asar = createRequire(import.meta.url)('@electron/asar') as { listPackage(file: string): string[] };
  const files = asar.listPackage(path.join(output, 'linux-unpacked', 'resources', 'app.asar'));
  const native = files.filter((file) => /\.node$|binding\.gyp$/.test(file));
  console.log(`dist:check: packed ${files.length} files into app.asar, ${native.length} native addons; fuse wire after afterPack: ${wire}`);
  if (wire.includes('\x90') || wire.length !== WIRE_LENGTH || native.length) process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
