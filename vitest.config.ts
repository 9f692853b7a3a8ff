import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Durability tests start and kill real server processes; keep the 2-core machine calm.
    maxWorkers: 2,
  },
});
