import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    setupFiles: ['test/setup/fail-on-console.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // At least two test files at once, even on a 2-core machine: there Vitest's default took 139 s and two workers
    // 104 s (docs/testing.md), since much of the suite waits on child processes (the CLI, servers, PostgreSQL)
    // rather than on the CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
