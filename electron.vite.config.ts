import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { withDevServerCsp } from './src/main/electron/dev-csp.ts';

/** Dev server only: the React Refresh preamble and Vite's WebSocket need a looser CSP (issue 12). */
export function devServerCspPlugin(): Plugin {
  return { name: 'dossier-dev-server-csp', apply: 'serve', transformIndexHtml: (html) => withDevServerCsp(html) };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Worker threads are entries of their own; index.ts passes their bundled URLs (issues 3 and 4).
        input: {
          index: resolve('src/main/index.ts'),
          'parse-worker': resolve('src/main/importers/parse-worker.ts'),
          'search-worker': resolve('src/main/search/search-worker.ts'),
          'entity-worker': resolve('src/main/entities/entity-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload is one CommonJS file whose only require is 'electron' (DESIGN.md).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react(), devServerCspPlugin()],
  },
});
