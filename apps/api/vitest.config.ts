import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each database test file starts its own PGlite (WebAssembly, a few seconds of CPU) or creates
    // a scratch PostgreSQL database; two workers keep a 2-core machine busy without starving it.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
