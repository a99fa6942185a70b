// Mutation testing of src/engine (docs/testing.md). Run: npm run mutation -- engine (needs Node >= 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/engine.vitest.config.ts' },
  mutate: ['src/engine/**/*.ts', '!src/engine/**/*.test.ts'],
  coverageAnalysis: 'perTest',
  // Module-load code (tables, constants) cannot be attributed to tests; see docs/testing.md for why it is ignored.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'mutation/engine.incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/engine.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 95, low: 90, break: 90 },
};
