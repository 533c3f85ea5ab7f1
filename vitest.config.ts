import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Store and import tests touch real SQLite files; two cores, so two forks.
    pool: 'forks',
    maxWorkers: 2,
    // Generous: a limit for hung tests on a loaded 2-core machine, not a speed check (benches measure speed).
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
