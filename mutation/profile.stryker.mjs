// Mutation testing of the profile contract: parsing, the fast path and the clinician-word labels (docs/testing.md).
// npm run mutation -- profile (needs Node >= 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/profile.vitest.config.ts' },
  // schema.ts is the zod schema (module-load code) with compile-time `true satisfies …` checks Stryker cannot place
  // mutants in; its behaviour is what parse.ts's tests exercise.
  mutate: ['src/profile/**/*.ts', '!src/profile/**/*.test.ts', '!src/profile/schema.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'mutation/profile.incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/profile.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: 80 },
};
