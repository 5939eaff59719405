import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // FC_SEED (and FC_PATH) replay a failed fast-check property: see the file.
    setupFiles: ['tests/setup/fastCheck.ts'],
    // Limits that catch a hang, not a slow machine: see expect.poll below.
    testTimeout: 300_000,
    hookTimeout: 60_000,
    // expect.poll waits for an event, as Playwright's own waits do: a busy machine may take
    // most of a minute to derive a key, and that must not fail a test.
    expect: { poll: { timeout: 120_000 } },
    // End-to-end files each launch a browser; two cores do not run many at once well.
    maxWorkers: 2,
  },
});
