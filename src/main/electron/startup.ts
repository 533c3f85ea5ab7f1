/**
 * Pure pieces of the shell's start-up (issue 12), kept out of index.ts so they are tested in Node.
 */
import type { AboutPanelOptionsOptions, CommandLine } from 'electron';

/** The sentence of the start-up failure dialog: what happened, and that nothing was lost. */
export function startFailureSentence(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `Dossier stopped while starting: ${reason.trim() || 'an unknown error'}. ` +
    'Your investigations are unchanged on disk. Start Dossier again; if this repeats, report this message.'
  );
}

/**
 * True when Chromium's OS sandbox is off for this process: `--no-sandbox` on the command line
 * (electron-builder's AppImage launcher adds it where user namespaces are unavailable) or
 * ELECTRON_DISABLE_SANDBOX in the environment. The window then warns the user.
 */
export function runsWithoutOsSandbox(commandLine: Pick<CommandLine, 'hasSwitch'>, env: NodeJS.ProcessEnv): boolean {
  return commandLine.hasSwitch('no-sandbox') || Boolean(env.ELECTRON_DISABLE_SANDBOX);
}

/**
 * The native About panel's options. Its `version` field shows on macOS only and `credits` on
 * macOS and Windows; on Linux the runtime versions go into the version line itself.
 */
export function aboutPanelOptions(platform: NodeJS.Platform, appVersion: string, versions: NodeJS.ProcessVersions): AboutPanelOptionsOptions {
  const runtime = [
    (versions as Record<string, string | undefined>).electron ? `Electron ${(versions as Record<string, string>).electron}` : '',
    (versions as Record<string, string | undefined>).chrome ? `Chromium ${(versions as Record<string, string>).chrome}` : '',
    `Node ${versions.node}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const base: AboutPanelOptionsOptions = { applicationName: 'Dossier', copyright: 'Copyright © Dossier contributors' };
  if (platform === 'darwin') return { ...base, applicationVersion: appVersion, version: runtime, credits: runtime };
  if (platform === 'win32') return { ...base, applicationVersion: appVersion, credits: runtime };
  return { ...base, applicationVersion: `${appVersion} (${runtime})` };
}
