import { defineConfig } from 'vitest/config';

/**
 * Projects: `unit` (pure code, fast), `db` (real database: PGlite, or PostgreSQL when DATABASE_URL is set),
 * `web` (React in jsdom), `e2e` (built app in Debian Chromium). `npm test` runs them all.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    projects: [
      {
        resolve: { conditions: ['source'] },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { conditions: ['source'] },
        test: {
          name: 'db',
          include: ['apps/server/src/**/*.db.test.ts'],
          globalSetup: ['apps/server/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file opens its own database; two at a time fit 2 cores without thrashing.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: 'apps/web/vitest.config.ts',
        test: { name: 'web', root: 'apps/web', sequence: { groupOrder: 2 } },
      },
      {
        resolve: { conditions: ['source'] },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
