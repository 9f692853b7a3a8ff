import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The client's compiled message catalogs (issue 15), for tests that import a page's words.
    globalSetup: ['tests/i18n-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Durability tests start and kill real server processes; keep the 2-core machine calm.
    maxWorkers: 2,
  },
});
