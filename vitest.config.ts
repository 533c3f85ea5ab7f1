import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** pdfjs-dist's native canvas is hidden from every test process, as the packaged app lacks it (issue 12). */
const HIDE_NATIVE_CANVAS = path.resolve('tests/helpers/hide-native-canvas.mjs');

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Store and import tests touch real SQLite files; two cores, so two forks.
    pool: 'forks',
    maxWorkers: 2,
    execArgv: ['--import', HIDE_NATIVE_CANVAS],
    // DOSSIER_CLI_SOURCE: the tests run the CLI's sources, never a bundle left in out/ by an older build (issue 17).
    env: { DOSSIER_CLI_SOURCE: '1', NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${HIDE_NATIVE_CANVAS}`].filter(Boolean).join(' ') },
    // Generous: a limit for hung tests on a loaded 2-core machine, not a speed check (benches measure speed).
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
