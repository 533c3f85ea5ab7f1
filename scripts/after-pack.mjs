// electron-builder afterPack hook (issues 7 and 12): flips Electron's fuses in the packaged binary
// before it is signed, turning off what would let someone run our signed binary as a plain Node or
// attach a debugger to it, and making it load only the integrity-checked app.asar.
// https://www.electronjs.org/docs/latest/tutorial/fuses
//
// @electron/fuses 2.x is an ES module and knows Electron 45's nine fuses (1.x knew eight, so
// strictlyRequireAllFuses threw on Electron 45's wire). Every fuse is decided here; the unit test
// fails when the pinned Electron's fuse count and this config differ.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Every V1 fuse, set explicitly (strictlyRequireAllFuses fails the build if Electron adds one we have not decided). */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the app into a Node interpreter with our signature.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would expose the main process to a debugger.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app/ folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // We ship no custom V8 snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// gets no extra privileges; the UI is served from app://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // WebAssembly trap handlers (guard regions instead of bounds checks) stay on, as in stock
  // Electron: the OCR engine is WebAssembly, and turning them off only costs speed.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** The Electron executable inside the packed output, per platform. */
export function electronBinaryPath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

/** Apple Silicon refuses a binary whose ad-hoc signature no longer matches: re-sign it after flipping. */
export function fuseConfigFor(context) {
  const arm64 = context.arch === 3 || context.arch === 'arm64'; // electron-builder's Arch.arm64 is 3
  return { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && arm64 };
}

export async function afterPack(context, flip = flipFuses) {
  await flip(electronBinaryPath(context), fuseConfigFor(context));
}

export default afterPack;
