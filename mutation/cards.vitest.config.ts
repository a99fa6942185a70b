// The tests that cover the CDS Hooks card builder, for mutation testing (docs/testing.md): the unit tests of
// src/cds-hooks (the HTTP integration tests are left out: each would start a server per mutant).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['src/cds-hooks/**/*.test.ts'],
    exclude: ['src/cds-hooks/**/*.int.test.ts'],
    setupFiles: ['test/setup/fail-on-console.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
