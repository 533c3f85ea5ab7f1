// The packaged app leaves out pdfjs-dist's optional @napi-rs/canvas (a native addon;
// electron-builder.yml), so the tests must not see it either (issue 12): every vitest process, its
// worker threads (they inherit execArgv) and the CLI processes tests spawn (NODE_OPTIONS) resolve
// it as missing, as pdf.js in the app does. `npm ci --omit=optional` is not the way: it would also
// drop esbuild's and rollup's platform binaries.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === '@napi-rs/canvas' || specifier.startsWith('@napi-rs/canvas/') || specifier.startsWith('@napi-rs/canvas-')) {
      const error = new Error(`Cannot find module '${specifier}' (left out of the packaged app, hidden from tests)`);
      error.code = 'MODULE_NOT_FOUND';
      throw error;
    }
    return nextResolve(specifier, context);
  },
});
