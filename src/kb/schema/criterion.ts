/**
 * The criteria tree of a recommendation rule or a statement's population: all / any / not over comparisons of
 * profile facts. Evaluated with three-valued logic by the engine.
 * @module
 */
import { z } from 'zod';
import { FACT_NAMES } from './lists.js';

/** The profile facts a criterion may test (PRODUCT.md input contract; `mrd.*` reach into the MRD object). */
export const FactName = z.enum(FACT_NAMES);
export type FactName = z.infer<typeof FactName>;

export const Operator = z.enum([
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'in',
  'includes',
  'includesAny',
  'known',
]);
export type Operator = z.infer<typeof Operator>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A single comparison: `fact op value`. `known` is true when the fact is present (never unknown itself). */
export const Comparison = z
  .object({
    fact: FactName,
    op: Operator,
    value: z.union([Scalar, z.array(Scalar)]).optional(),
    label: z.string().min(1).optional().describe("the condition in a clinician's words"),
    written: z
      .string()
      .min(1)
      .optional()
      .describe('the threshold as the source writes it, e.g. "0.1%", "<55"'),
  })
  .strict()
  .refine((c) => c.op === 'known' || c.value !== undefined, { message: 'needs a value', path: ['value'] })
  .refine((c) => !['in', 'includesAny'].includes(c.op) || Array.isArray(c.value), {
    message: 'op "in" and "includesAny" need an array value',
    path: ['value'],
  });
export type Comparison = z.infer<typeof Comparison>;

export type Criterion =
  | Comparison
  | { readonly all: readonly Criterion[]; readonly label?: string | undefined }
  | { readonly any: readonly Criterion[]; readonly label?: string | undefined }
  | { readonly not: Criterion; readonly label?: string | undefined };

export const Criterion: z.ZodType<Criterion> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(Criterion).min(1), label: z.string().min(1).optional() }).strict(),
    z.object({ any: z.array(Criterion).min(1), label: z.string().min(1).optional() }).strict(),
    z.object({ not: Criterion, label: z.string().min(1).optional() }).strict(),
    Comparison,
  ]),
);
