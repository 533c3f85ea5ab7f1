import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Dossier';

/**
 * Where Electron's `app.getPath('userData')` points for Dossier on each platform, so the CLI
 * without `--workspace` opens the same investigation as the app.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultWorkspaceDir(userDataDir: string = defaultUserDataDir()): string {
  return path.join(userDataDir, 'workspace');
}
