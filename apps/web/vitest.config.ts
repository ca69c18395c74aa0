import { defineConfig } from 'vitest/config';

/** Stand-alone config for the web tests; the root config defines the same `web` project. */
export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['source'] },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
