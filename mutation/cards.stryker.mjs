// Mutation testing of the CDS Hooks card builder: summary and option cards, details and their cap, suggestions, order
// cards, links, clinician words (docs/testing.md). npm run mutation -- cards (needs Node >= 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/cards.vitest.config.ts' },
  mutate: [
    'src/cds-hooks/card.ts',
    'src/cds-hooks/cards.ts',
    'src/cds-hooks/card-detail.ts',
    'src/cds-hooks/detail-cap.ts',
    'src/cds-hooks/summary.ts',
    'src/cds-hooks/suggestions.ts',
    'src/cds-hooks/order-cards.ts',
    'src/cds-hooks/agent-match.ts',
    'src/cds-hooks/plain.ts',
    'src/cds-hooks/markdown.ts',
    'src/cds-hooks/indicator.ts',
    'src/cds-hooks/smart-link.ts',
    'src/cds-hooks/patient-link.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'mutation/cards.incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/cards.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: 80 },
};
