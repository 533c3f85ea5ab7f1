/**
 * `npm run dev` only (issue 12): the Vite dev server injects an inline React Refresh preamble and
 * talks to the page over a WebSocket, both of which the built CSP forbids, so the dev window
 * stayed blank. The index.html served by the dev server gets this relaxed policy; the built page
 * and the app:// header keep APP_CSP unchanged (the build never runs this).
 */
const DEV_ADDITIONS: Record<string, string[]> = {
  'script-src': ["'unsafe-inline'"],
  'connect-src': ['ws://localhost:*', 'ws://127.0.0.1:*', 'http://localhost:*', 'http://127.0.0.1:*'],
};

export function devServerCsp(csp: string): string {
  return csp
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name = ''] = directive.split(/\s+/);
      const extra = DEV_ADDITIONS[name];
      return extra ? [directive, ...extra].join(' ') : directive;
    })
    .join('; ');
}

/** index.html with its CSP meta tag's policy relaxed for the dev server. */
export function withDevServerCsp(html: string): string {
  return html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i,
    (_all, head: string, policy: string, tail: string) => head + devServerCsp(policy) + tail,
  );
}
