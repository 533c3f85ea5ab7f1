/**
 * `npm start` / `npm run dev` run this first (issue 12). Since Electron 42 the `electron` package
 * has no postinstall: its binary is fetched on first use, but electron-vite reads
 * `node_modules/electron/path.txt` itself and stops with "Electron uninstall" when it is missing
 * (electron-vite issue #904). So fetch it here, through the package's own installer (which returns
 * at once when the binary is there), and when that fails say so in one sentence with what to do.
 *
 * Usage: node scripts/ensure-electron.ts install-electron   (exit 0 when the binary is ready, 1 when not)
 * The argument names the electron package's own installer bin (its package.json "bin" entry).
 * The tests call `ensureElectron()` with another package folder and a closed mirror.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Offline, the installer fails within seconds; a hanging proxy or DNS is cut after this. */
export const DOWNLOAD_TIMEOUT_MS = 50_000;

export interface EnsureResult {
  ok: boolean;
  /** The executable, when ok. */
  binary?: string;
  /** One sentence for the user, when not ok. */
  message?: string;
}

/** Where the package says its binary is, when path.txt, dist/version and the file agree. */
export function installedElectron(electronDir: string): string | null {
  try {
    const version = (JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
    const distVersion = readFileSync(path.join(electronDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
    if (distVersion !== version) return null;
    const relative = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(electronDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function downloadFailedSentence(version: string, reason: string): string {
  return (
    `Dossier could not download the Electron ${version} binary it runs on (${reason}). ` +
    'Connect to the internet and run the command again; behind a proxy set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1; ' +
    'to use a mirror set ELECTRON_MIRROR (for example https://npmmirror.com/mirrors/electron/); ' +
    `or unpack electron-v${version} for this platform yourself and set ELECTRON_EXEC_PATH to its executable.`
  );
}

/** The last line of the installer's output that says what went wrong, without its stack. */
function reasonFrom(output: string): string {
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH/.test(output)) return 'the download server could not be reached';
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^Downloading Electron/i.test(line));
  const first = lines.find((line) => /error|fail|refused|not found|ENOTFOUND|ECONN|ETIMEDOUT|status/i.test(line)) ?? lines[0];
  return (first ?? 'no answer').slice(0, 200);
}

export async function ensureElectron(
  options: { electronDir?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; installerBin?: string } = {},
): Promise<EnsureResult> {
  const electronDir = options.electronDir ?? path.resolve(import.meta.dirname, '..', 'node_modules', 'electron');
  const env = options.env ?? process.env;
  // electron-vite runs ELECTRON_EXEC_PATH when it is set: a binary the user provides is used as it is.
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { ok: true, binary: env.ELECTRON_EXEC_PATH }
      : { ok: false, message: `Dossier cannot start: ELECTRON_EXEC_PATH names ${env.ELECTRON_EXEC_PATH}, which does not exist.` };
  }
  const installed = installedElectron(electronDir);
  if (installed) return { ok: true, binary: installed };
  let pkg: { version: string; bin?: Record<string, string> };
  try {
    pkg = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    return { ok: false, message: `Dossier could not find the electron package at ${electronDir}: run "npm install" first.` };
  }
  const version = pkg.version;
  // The package's own installer, through its bin entry (install-electron → install.js in Electron 45).
  const installer = path.join(electronDir, pkg.bin?.[options.installerBin ?? 'install-electron'] ?? 'install.js');
  const outcome = await new Promise<{ code: number | null; output: string; timedOut: boolean }>((resolve) => {
    const child = spawn(process.execPath, [installer], { env: { ...env, ELECTRON_GET_NO_PROGRESS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 1, output: error.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
  const binary = installedElectron(electronDir);
  if (outcome.code === 0 && binary) return { ok: true, binary };
  const reason = outcome.timedOut ? `no answer within ${Math.round((options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS) / 1000)} s` : reasonFrom(outcome.output);
  return { ok: false, message: downloadFailedSentence(version, reason) };
}

if (import.meta.main) {
  const result = await ensureElectron({ installerBin: process.argv[2] });
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
}
