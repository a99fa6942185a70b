// The tests that cover src/engine, for mutation testing (see docs/testing.md): the engine's own tests, the clinical
// vignettes and the golden decisions (1,079 patients, every field of each decision). Nothing else, so each mutant runs
// only what can catch it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['src/engine/**/*.test.ts', 'test/vignettes.test.ts', 'test/golden.test.ts'],
    setupFiles: ['test/setup/fail-on-console.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
