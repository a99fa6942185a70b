/**
 * The profile contract's plain values: the allowed words of each field, the field list and the normalized profile
 * type. No zod here, so the paths that only read a valid profile (the CLI's `recommend`, the engine) load without
 * the schema library. `schema.ts` builds the schema from these same lists; a test holds the field list to it.
 * @module
 */

export const LINEAGES = ['B', 'T'] as const;
export const PHASES = ['newly-diagnosed', 'remission', 'relapsed-refractory'] as const;
export const PH_VALUES = ['positive', 'negative', 'unknown'] as const;
export const CD19_VALUES = ['positive', 'dim', 'negative'] as const;
export const CD22_VALUES = ['positive', 'negative'] as const;
export const MRD_METHODS = ['flow', 'ngs', 'pcr'] as const;
export const MOLECULAR_RESPONSES = ['complete', 'none'] as const;
export const HIGH_RISK_GENETICS = [
  'KMT2A',
  'IKZF1-deletion',
  'IKZF1-plus',
  'CRLF2',
  'JAK2',
  'ABL-class',
  'TP53',
  'TCF3-HLF',
  'complex-karyotype',
  'low-hypodiploidy',
  'near-triploidy',
  'DUX4-ERG',
] as const;
export const PEDIATRIC_RISKS = [
  'standard-average',
  'standard-higher',
  'intermediate',
  'high',
  'very-high',
] as const;

/** Every field of the profile contract, in the contract's order. */
export const PROFILE_FIELDS = [
  'age',
  'lineage',
  'phase',
  'ph',
  'phLike',
  'cd19',
  'cd20Percent',
  'cd22',
  'mrd',
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
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * The normalized profile the engine reads: unknown facts are absent (lineage too: unknown lineage makes every option
 * that depends on it pending), `phase` defaults to newly-diagnosed.
 */
export interface Profile {
  readonly age?: number;
  readonly lineage?: (typeof LINEAGES)[number];
  readonly phase: (typeof PHASES)[number];
  readonly ph?: 'positive' | 'negative';
  readonly phLike?: boolean;
  readonly cd19?: (typeof CD19_VALUES)[number];
  readonly cd20Percent?: number;
  readonly cd22?: (typeof CD22_VALUES)[number];
  readonly mrd?: {
    readonly value: number;
    readonly afterCycle?: number;
    readonly method?: (typeof MRD_METHODS)[number];
  };
  readonly molecularResponse?: (typeof MOLECULAR_RESPONSES)[number];
  readonly highRiskGenetics?: readonly (typeof HIGH_RISK_GENETICS)[number][];
  readonly abl1Mutations?: readonly string[];
  readonly cnsDisease?: boolean;
  readonly extramedullaryDisease?: boolean;
  readonly highDiseaseBurden?: boolean;
  readonly wbc?: number;
  readonly pdl1Positive?: boolean;
  readonly fitForIntensiveChemo?: boolean;
  readonly alloHctPlanned?: boolean;
  readonly pediatricRisk?: (typeof PEDIATRIC_RISKS)[number];
  readonly priorTherapy?: readonly string[];
}
