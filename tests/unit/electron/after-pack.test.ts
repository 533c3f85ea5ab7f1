import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Context = {
  appOutDir: string;
  electronPlatformName: string;
  arch: number | string;
  packager: { appInfo: { productFilename: string }; executableName: string };
};
const hook = require('../../../scripts/after-pack.cjs') as ((
  context: Context,
  flip?: (file: string, config: unknown) => Promise<void>,
) => Promise<void>) & {
  FUSES: Record<string, unknown>;
  electronBinaryPath(context: Context): string;
};

const context = (electronPlatformName: string, arch: number | string = 1): Context => ({
  appOutDir: '/build/dist/linux-unpacked',
  electronPlatformName,
  arch,
  packager: { appInfo: { productFilename: 'Dossier' }, executableName: 'dossier' },
});

describe('fuses flipped at packaging (scripts/after-pack.cjs)', () => {
  it('sets exactly the fuses of issue 7, every V1 fuse decided', () => {
    const byName = Object.fromEntries(
      Object.entries(hook.FUSES)
        .filter(([key]) => /^\d+$/.test(key))
        .map(([key, value]) => [FuseV1Options[Number(key)], value]),
    );
    expect(byName).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    const allV1 = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(byName).sort()).toEqual(allV1.sort());
    expect(hook.FUSES.version).toBe(FuseVersion.V1);
    expect(hook.FUSES.strictlyRequireAllFuses).toBe(true);
  });

  it('flips the packed Electron binary of each platform, re-signing ad hoc only on Apple Silicon', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const flip = async (file: string, config: unknown) => void calls.push([file, config as Record<string, unknown>]);
    await hook(context('linux'), flip);
    await hook(context('win32'), flip);
    await hook(context('darwin', 'arm64'), flip);
    await hook(context('darwin', 1), flip);
    expect(calls.map(([file]) => file)).toEqual([
      path.join('/build/dist/linux-unpacked', 'dossier'),
      path.join('/build/dist/linux-unpacked', 'Dossier.exe'),
      path.join('/build/dist/linux-unpacked', 'Dossier.app'),
      path.join('/build/dist/linux-unpacked', 'Dossier.app'),
    ]);
    expect(calls.map(([, config]) => config.resetAdHocDarwinSignature)).toEqual([false, false, true, false]);
    for (const [, config] of calls) expect(config[FuseV1Options.RunAsNode]).toBe(false);
  });

  it('is wired into electron-builder.yml', () => {
    expect(readFileSync(path.resolve('electron-builder.yml'), 'utf8')).toMatch(/^afterPack: scripts\/after-pack\.cjs$/m);
  });
});
