import { defineConfig } from 'vitest/config';

// Small tests run beside the code; medium ones (test/) run each suite on SQLite and on a real PostgreSQL
// server that test/global-setup.ts starts once for the run and stops after.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'small', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'medium', include: ['test/**/*.test.ts'] } },
    ],
  },
});
