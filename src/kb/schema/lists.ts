/**
 * The knowledge base's word lists that code outside the schemas reads: plain arrays, so the engine and the CLI's
 * quick commands use them without loading the schema library. The schemas (`criterion.ts`, `common.ts`) are built
 * from these same lists.
 * @module
 */

/** The profile facts a criterion may test (a profile field, or a part of MRD). */
export const FACT_NAMES = [
  'age',
  'lineage',
  'phase',
  'ph',
  'phLike',
  'cd19',
  'cd20Percent',
  'cd22',
  'mrd.value',
  'mrd.afterCycle',
  'mrd.method',
  'molecularResponse',
  'highRiskGenetics',
  'abl1Mutations',
  'cnsDisease',
  'extramedullaryDisease',
  'highDiseaseBurden',
  'wbc',
  'pdl1Positive',
  'fitForIntensiveChemo',
  'alloHctPlanned',
  'pediatricRisk',
  'priorTherapy',
] as const;

/** Treatment settings. `mrd` = measurable residual disease in remission; `relapsed-refractory` = R/R disease. */
export const SETTINGS = ['frontline', 'mrd', 'relapsed-refractory'] as const;
