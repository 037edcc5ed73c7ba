import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/core/**/*.test.ts',
      'test/ipc/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/platform/**/*.test.ts',
      'test/lint/**/*.test.ts',
    ],
    // The CLI tests spawn the real command (tsx, a few seconds of CPU each); on a slow shared
    // 2-core machine a test that runs ten of them needs more than a minute. Two concurrent tests
    // per file at most, so each gets a fair share of the cores instead of all crawling at once.
    // Two files at a time: one worker (vitest's default on 2 cores) left a core idle while a
    // CLI test waited on its child process.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    maxConcurrency: 2,
    pool: 'forks',
  },
});
