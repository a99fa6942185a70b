/**
 * The patient profile: PRODUCT.md "Patient profile (input contract, JSON)". All fields optional (lineage too);
 * an unknown fact is omitted or `null`; an unknown key is rejected by name.
 * @module
 */
import { z } from 'zod';
import {
  CD19_VALUES,
  CD22_VALUES,
  HIGH_RISK_GENETICS,
  LINEAGES,
  MOLECULAR_RESPONSES,
  MRD_METHODS,
  PEDIATRIC_RISKS,
  PH_VALUES,
  PHASES,
  type Profile,
  type ProfileField,
} from './values.js';

export { HIGH_RISK_GENETICS, PROFILE_FIELDS, type Profile, type ProfileField } from './values.js';

export const Lineage = z.enum(LINEAGES);
export const Phase = z.enum(PHASES);
export const Ph = z.enum(PH_VALUES);
export const Cd19 = z.enum(CD19_VALUES);
export const Cd22 = z.enum(CD22_VALUES);
export const MrdMethod = z.enum(MRD_METHODS);
export const MolecularResponse = z.enum(MOLECULAR_RESPONSES);
export const HighRiskGenetic = z.enum(HIGH_RISK_GENETICS);
export const PediatricRisk = z.enum(PEDIATRIC_RISKS);

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

/** MRD as a bare fraction (`"mrd": 0.001`), as the CLI flag and the web link take it: the same as `{ "value": … }`. */
const MrdFraction = z
  .number()
  .min(0, 'MRD is a fraction from 0 to 1 (0.001 = 0.1% = 10^-3; 0 = undetectable)')
  .max(1, 'MRD is a fraction from 0 to 1 (0.001 = 0.1% = 10^-3; 0 = undetectable)')
  .describe('MRD as a bare fraction, the same as {"value": fraction}');

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
    lineage: nullable(Lineage),
    phase: nullable(Phase),
    ph: nullable(Ph),
    phLike: nullable(z.boolean()),
    cd19: nullable(Cd19),
    cd20Percent: nullable(percent('cd20Percent')),
    cd22: nullable(Cd22),
    mrd: nullable(
      z.union([Mrd, MrdFraction], {
        error:
          'must be an MRD fraction (e.g. 0.001) or an object with value (a fraction), afterCycle and method',
      }),
    ),
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

// The plain contract in values.ts follows this schema; the compiler fails the build when they drift apart.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Output = z.output<typeof ProfileInput>;
/** An optional key of a parsed object is absent or has a value (the parse never writes `undefined`). */
type Present<V> = V extends readonly unknown[]
  ? V
  : V extends object
    ? { [P in keyof V]: Exclude<V[P], undefined> }
    : V;
/** What normalization makes of a parsed profile: no nulls, no `ph: "unknown"`, a bare MRD fraction read as
 * `{ value }`, `phase` filled in. */
type Normalized = {
  [K in keyof Output]: Present<
    Exclude<NonNullable<Output[K]>, 'unknown' | (K extends 'mrd' ? number : never)>
  >;
} & {
  phase: Profile['phase'];
};
/** `PROFILE_FIELDS` and the schema's keys are the same set. */
true satisfies SameKeys<keyof typeof ProfileInput.shape, ProfileField>;
/** Every profile the schema accepts, normalized, is a `Profile`. */
true satisfies Normalized extends Profile ? true : false;
