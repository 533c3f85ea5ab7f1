/**
 * The afterPack hook that flips Electron's fuses (issues 7 and 12). The packaged binary cannot be
 * built here, so the hook runs with the real @electron/fuses over a stand-in file that carries an
 * Electron fuse wire of the length the pinned Electron has: exactly what `npm run dist` meets.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { afterPack, electronBinaryPath, FUSES } from '../../../scripts/after-pack.mjs';

/**
 * Fuse-wire length per Electron major version, read from Electron's fuses.json5 for each release
 * (Electron 45 added WasmTrapHandlers, the ninth). Bumping Electron without adding its line here
 * fails this test, so a new fuse is decided before it ships undecided.
 */
const FUSE_WIRE_LENGTH: Record<number, number> = { 45: 9 };
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

const electronVersion = (JSON.parse(readFileSync(path.resolve('node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const electronMajor = Number(electronVersion.split('.')[0]);

type Context = {
  appOutDir: string;
  electronPlatformName: string;
  arch: number | string;
  packager: { appInfo: { productFilename: string }; executableName: string };
};
const context = (appOutDir: string, electronPlatformName = 'linux', arch: number | string = 1): Context => ({
  appOutDir,
  electronPlatformName,
  arch,
  packager: { appInfo: { productFilename: 'Dossier' }, executableName: 'dossier' },
});

/** A file shaped like an Electron executable where fuses are concerned: bytes, sentinel, wire, bytes. */
function fakeElectron(file: string, wireLength: number): void {
  const wire = Buffer.alloc(wireLength, 0x90); // every fuse "inherit", as a fresh binary reads
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, wireLength]), wire, Buffer.alloc(4096, 7)]));
}

function readWire(file: string): number[] {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return [...bytes.subarray(at + 2, at + 2 + bytes[at + 1]!)];
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-fuses-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('fuses flipped at packaging (scripts/after-pack.mjs)', () => {
  it('decides every fuse of the pinned Electron, and the pinned Electron is one whose wire length is known', () => {
    const wireLength = FUSE_WIRE_LENGTH[electronMajor];
    expect(wireLength, `Electron ${electronVersion}: add its fuse-wire length to FUSE_WIRE_LENGTH and decide any new fuse`).toBeDefined();
    const decided = Object.keys(FUSES).filter((key) => /^\d+$/.test(key)).map(Number);
    expect(decided.sort((a, b) => a - b)).toEqual(Array.from({ length: wireLength! }, (_, i) => i));
    expect(FUSES.version).toBe(FuseVersion.V1);
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
  });

  it('flips a binary with the pinned Electron fuse wire, through the real @electron/fuses', async () => {
    const dir = tempDir();
    const binary = electronBinaryPath(context(dir));
    fakeElectron(binary, FUSE_WIRE_LENGTH[electronMajor]!);
    await afterPack(context(dir));
    const byName = Object.fromEntries(readWire(binary).map((state, index) => [FuseV1Options[index], state === FUSE_ON]));
    expect(byName).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
    expect(readWire(binary).every((state) => state === FUSE_ON || state === FUSE_OFF)).toBe(true);
  });

  it('fails the build on a wire with a fuse it has not decided, rather than shipping it undecided', async () => {
    const dir = tempDir();
    const binary = electronBinaryPath(context(dir));
    fakeElectron(binary, FUSE_WIRE_LENGTH[electronMajor]! + 1);
    await expect(afterPack(context(dir))).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('matches the fuse wire of the Electron binary itself where it is installed', async (ctx) => {
    const pathFile = path.resolve('node_modules/electron/path.txt');
    const binary = existsSync(pathFile) ? path.resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : '';
    // The build machines cannot download the binary (DESIGN.md); on a desktop this reads the real wire.
    if (!binary || !existsSync(binary) || process.platform === 'darwin') ctx.skip();
    expect(readWire(binary).length).toBe(FUSE_WIRE_LENGTH[electronMajor]);
  });

  it('flips the packed Electron binary of each platform, re-signing ad hoc only on Apple Silicon', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const flip = async (file: string, config: unknown) => void calls.push([file, config as Record<string, unknown>]);
    const out = '/build/dist/linux-unpacked';
    await afterPack(context(out, 'linux'), flip);
    await afterPack(context(out, 'win32'), flip);
    await afterPack(context(out, 'darwin', 'arm64'), flip);
    await afterPack(context(out, 'darwin', 1), flip);
    expect(calls.map(([file]) => file)).toEqual([
      path.join(out, 'dossier'),
      path.join(out, 'Dossier.exe'),
      path.join(out, 'Dossier.app'),
      path.join(out, 'Dossier.app'),
    ]);
    expect(calls.map(([, config]) => config.resetAdHocDarwinSignature)).toEqual([false, false, true, false]);
    for (const [, config] of calls) expect(config[FuseV1Options.RunAsNode]).toBe(false);
  });

  it('is wired into electron-builder.yml', () => {
    expect(readFileSync(path.resolve('electron-builder.yml'), 'utf8')).toMatch(/^afterPack: scripts\/after-pack\.mjs$/m);
  });
});
