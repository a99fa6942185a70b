// Mutation testing of the FHIR R4 mapping (bundles, codings, observations, diagnoses, ages, Ph, genomics, medications);
// docs/testing.md.
// npm run mutation -- fhir (needs Node >= 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/fhir.vitest.config.ts' },
  mutate: ['src/fhir/**/*.ts', '!src/fhir/**/*.test.ts', '!src/fhir/test-support.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'mutation/fhir.incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/fhir.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: 80 },
};
