import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    setupFiles: ['test/setup/fail-on-console.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // At least two test files at once, even on a 2-core machine: Vitest's own default ran the suite on one worker
    // there (139 s on the CI machine; 104 s with two, docs/testing.md), since much of the suite waits on child
    // processes (the CLI, servers, PostgreSQL) rather than on the CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
