/** The platform the renderer runs on, as Chromium reports it (no Node in the renderer). */
export function currentPlatform(): string {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return nav.userAgentData?.platform || nav.platform || '';
}

export const isMacPlatform = (platform: string) => /mac|iphone|ipad/i.test(platform);

/** How the command palette's shortcut reads on this platform (issue 14, item 12): ⌘K on macOS, Ctrl+K elsewhere. */
export function paletteKeys(platform: string): string {
  return isMacPlatform(platform) ? '⌘K' : 'Ctrl+K';
}
