import type { ChannelOutput } from '../../shared/contract.ts';

/** 'app:info' (About): Dossier's version and those of the runtime this process really runs on. */
export function appInfo(appVersion: string, osSandbox?: boolean): ChannelOutput<'app:info'> {
  const versions = process.versions as Record<string, string | undefined>;
  return {
    appVersion,
    versions: {
      node: process.versions.node,
      ...(versions.electron ? { electron: versions.electron } : {}),
      ...(versions.chrome ? { chrome: versions.chrome } : {}),
    },
    ...(osSandbox === undefined ? {} : { osSandbox }),
  };
}
