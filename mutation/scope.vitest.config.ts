// The tests that cover the scope proof and the invariants of `kb check`, for mutation testing (docs/testing.md):
// the region algebra's tests, and the proof, the invariants and the population criteria on in-memory knowledge bases
// (fast: no YAML and no source text per run; src/kb/check/check.int.test.ts covers the same checks through kb check).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: [
      'src/kb/check/region.test.ts',
      'src/kb/check/scope-proof.test.ts',
      'src/kb/check/invariants.test.ts',
      'src/kb/population.test.ts',
    ],
    setupFiles: ['test/setup/fail-on-console.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
