/**
 * The patient profile: PRODUCT.md "Patient profile (input contract, JSON)". All fields optional except `lineage`;
 * an unknown fact is omitted or `null`; an unknown key is rejected by name.
 * @module
 */
import { z } from 'zod';

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

export const Lineage = z.enum(['B', 'T']);
export const Phase = z.enum(['newly-diagnosed', 'remission', 'relapsed-refractory']);
export const Ph = z.enum(['positive', 'negative', 'unknown']);
export const Cd19 = z.enum(['positive', 'dim', 'negative']);
export const Cd22 = z.enum(['positive', 'negative']);
export const MrdMethod = z.enum(['flow', 'ngs', 'pcr']);
export const MolecularResponse = z.enum(['complete', 'none']);
export const HighRiskGenetic = z.enum(HIGH_RISK_GENETICS);
export const PediatricRisk = z.enum([
  'standard-average',
  'standard-higher',
  'intermediate',
  'high',
  'very-high',
]);

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const Mrd = z
  .object({
    value: z
      .number()
      .min(0, 'MRD is a fraction from 0 to 1 (0.001 = 0.1% = 10^-3; 0 = undetectable)')
      .max(1, 'MRD is a fraction from 0 to 1 (0.001 = 0.1% = 10^-3; 0 = undetectable)'),
    afterCycle: z.number().int('afterCycle is a whole cycle number').min(0).max(20).optional(),
    method: MrdMethod.optional(),
  })
  .strict();
export type Mrd = z.infer<typeof Mrd>;

const percent = (what: string) =>
  z
    .number()
    .min(0, `${what} is a percentage from 0 to 100`)
    .max(100, `${what} is a percentage from 0 to 100`);

/** The profile as it arrives (JSON): `null` allowed for unknown facts, `ph: "unknown"` allowed. */
export const ProfileInput = z
  .object({
    age: nullable(
      z.number().min(0, 'age is in years, from 0 to 120').max(120, 'age is in years, from 0 to 120'),
    ),
    lineage: Lineage,
    phase: nullable(Phase),
    ph: nullable(Ph),
    phLike: nullable(z.boolean()),
    cd19: nullable(Cd19),
    cd20Percent: nullable(percent('cd20Percent')),
    cd22: nullable(Cd22),
    mrd: nullable(Mrd),
    molecularResponse: nullable(MolecularResponse),
    highRiskGenetics: nullable(z.array(HighRiskGenetic)),
    abl1Mutations: nullable(z.array(z.string().min(1).max(40))),
    cnsDisease: nullable(z.boolean()),
    extramedullaryDisease: nullable(z.boolean()),
    highDiseaseBurden: nullable(z.boolean()),
    wbc: nullable(
      z.number().min(0, 'wbc is ×10⁹/L, from 0 to 2000').max(2000, 'wbc is ×10⁹/L, from 0 to 2000'),
    ),
    pdl1Positive: nullable(z.boolean()),
    fitForIntensiveChemo: nullable(z.boolean()),
    alloHctPlanned: nullable(z.boolean()),
    pediatricRisk: nullable(PediatricRisk),
    priorTherapy: nullable(z.array(z.string().min(1).max(60))),
  })
  .strict();
export type ProfileInput = z.input<typeof ProfileInput>;

/** The normalized profile the engine reads: unknown facts are absent, `phase` defaults to newly-diagnosed. */
export interface Profile {
  readonly age?: number;
  readonly lineage: 'B' | 'T';
  readonly phase: 'newly-diagnosed' | 'remission' | 'relapsed-refractory';
  readonly ph?: 'positive' | 'negative';
  readonly phLike?: boolean;
  readonly cd19?: 'positive' | 'dim' | 'negative';
  readonly cd20Percent?: number;
  readonly cd22?: 'positive' | 'negative';
  readonly mrd?: {
    readonly value: number;
    readonly afterCycle?: number;
    readonly method?: 'flow' | 'ngs' | 'pcr';
  };
  readonly molecularResponse?: 'complete' | 'none';
  readonly highRiskGenetics?: readonly (typeof HIGH_RISK_GENETICS)[number][];
  readonly abl1Mutations?: readonly string[];
  readonly cnsDisease?: boolean;
  readonly extramedullaryDisease?: boolean;
  readonly highDiseaseBurden?: boolean;
  readonly wbc?: number;
  readonly pdl1Positive?: boolean;
  readonly fitForIntensiveChemo?: boolean;
  readonly alloHctPlanned?: boolean;
  readonly pediatricRisk?: 'standard-average' | 'standard-higher' | 'intermediate' | 'high' | 'very-high';
  readonly priorTherapy?: readonly string[];
}

export const PROFILE_FIELDS = Object.keys(ProfileInput.shape) as (keyof typeof ProfileInput.shape)[];
