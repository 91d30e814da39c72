import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Small tests run beside the code; medium ones (test/) run each suite on SQLite and on a real PostgreSQL
// server that test/global-setup.ts starts once for the run and stops after. The web UI's component tests
// run in jsdom; the browser tests (test/e2e) drive Debian's chromium against a real server on SQLite, and
// need neither PostgreSQL nor the medium setup, so those two projects do not extend the root.
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
      { extends: true, test: { name: 'medium', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
      {
        plugins: [react()],
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'jsdom', env: { TZ: 'UTC' }, testTimeout: 20_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
          // One browser and one server at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
