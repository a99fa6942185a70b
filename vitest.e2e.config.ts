// Browser tests (`npm run test:e2e`): e2e/*.test.ts drive headless Chromium against the real server. Separate from
// the unit tests: they need the built app (`npm run build`) and a Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
