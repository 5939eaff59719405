import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // End-to-end files each launch a browser; two cores do not run many at once well.
    maxWorkers: 2,
  },
});
