/**
 * One reported number of a study: an efficacy result, a hazard ratio, a toxicity figure or a disposition count.
 * One number per outcome, so every figure can be cited, plotted and compared on its own.
 * @module
 */
import { z } from 'zod';
import { Id, Provenance } from './common.js';

/** The endpoints the review reports. `other` needs a `label`. */
export const Endpoint = z.enum([
  'CR',
  'CRi',
  'CRp',
  'CR/CRi',
  'CR/CRp',
  'CR/CRi/CRp',
  'PR',
  'response',
  'induction-failure',
  'early-death',
  'MRD-negativity',
  'MRD-response',
  'molecular-response',
  'CMR',
  'OS',
  'EFS',
  'DFS',
  'RFS',
  'PFS',
  'LFS',
  'relapse',
  'CNS-relapse',
  'NRM',
  'remission-mortality',
  'CR-duration',
  'remission-duration',
  'continuous-remission',
  'alive',
  'allo-HCT',
  'treatment-related-death',
  'death-in-remission',
  'death',
  'grade-5-events',
  'CRS',
  'ICANS',
  'neurologic-events',
  'neuropsychiatric-events',
  'VOD',
  'infection',
  'hepatic-adverse-events',
  'incomplete-therapy',
  'T315I',
  'enrolled',
  'evaluable',
  'other',
]);
export type Endpoint = z.infer<typeof Endpoint>;

/** What kind of number `value` is. */
export const Measure = z.enum([
  'rate',
  'median',
  'hazard-ratio',
  'count',
  'reduction',
  'dose',
  'duration',
  'threshold',
]);
export type Measure = z.infer<typeof Measure>;

export const Unit = z.enum([
  '%',
  'months',
  'years',
  'patients',
  'events',
  'ratio',
  'mg/m2',
  'ug',
  'doses',
  'fraction',
  'cycles',
]);
export type Unit = z.infer<typeof Unit>;

export const OutcomeCategory = z.enum(['efficacy', 'safety', 'disposition']);
export type OutcomeCategory = z.infer<typeof OutcomeCategory>;

export const ConfidenceInterval = z
  .object({
    lower: z.number(),
    upper: z.number(),
    level: z
      .number()
      .positive()
      .max(100)
      .optional()
      .describe('confidence level in %, when the source states it'),
  })
  .strict()
  .refine((ci) => ci.lower <= ci.upper, { message: 'lower must not exceed upper' });
export type ConfidenceInterval = z.infer<typeof ConfidenceInterval>;

export const PValue = z
  .object({
    op: z.enum(['=', '<', '>', '<=']),
    value: z.number().min(0).max(1),
  })
  .strict();
export type PValue = z.infer<typeof PValue>;

export const Outcome = z
  .object({
    id: Id.describe('unique within the study'),
    category: OutcomeCategory,
    endpoint: Endpoint,
    label: z.string().min(1).optional().describe('the endpoint in the source\'s words, required for "other"'),
    measure: Measure,
    value: z.number(),
    unit: Unit,
    qualifier: z
      .enum(['>', '<', '>=', '<=', 'approximately'])
      .optional()
      .describe(
        'when the source gives a bound or an approximation ("greater than 93%", "approximately 50%")',
      ),
    plusMinus: z.number().nonnegative().optional().describe('the "± x" the source gives with the value'),
    count: z.number().int().nonnegative().optional().describe('numerator when the source gives "x of y"'),
    denominator: z.number().int().positive().optional(),
    arm: Id.optional().describe('arm id of the study; absent = whole cohort'),
    versus: Id.optional().describe('comparator arm id for hazard ratios and differences'),
    subgroup: z.string().min(1).optional(),
    timepoint: z.string().min(1).optional().describe('e.g. "3-year", "day 21", "after cycle 1"'),
    grade: z.enum(['any', '1', '3', '>=3', '5']).optional(),
    ci: ConfidenceInterval.optional(),
    p: PValue.optional(),
    ...Provenance,
  })
  .strict()
  .refine((o) => o.endpoint !== 'other' || o.label !== undefined, {
    message: 'an outcome with endpoint "other" needs a label',
    path: ['label'],
  })
  .refine((o) => o.measure !== 'hazard-ratio' || o.unit === 'ratio', {
    message: 'a hazard ratio has unit "ratio"',
    path: ['unit'],
  });
export type Outcome = z.infer<typeof Outcome>;
