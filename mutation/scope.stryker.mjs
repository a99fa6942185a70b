// Mutation testing of the scope proof and the clinical invariants of `kb check` (docs/testing.md):
// npm run mutation -- scope (needs Node >= 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/scope.vitest.config.ts' },
  mutate: [
    'src/kb/check/region.ts',
    'src/kb/check/scope-proof.ts',
    'src/kb/check/invariants.ts',
    'src/kb/population.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'mutation/scope.incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/scope.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 95, low: 90, break: 90 },
};
