/**
 * The authors' recommendations and judgments, verbatim, and the factors the source says change efficacy or safety.
 * The kinds are never merged: an explicit "we recommend" is not an evidence judgment (PRODUCT safety rule 2).
 * @module
 */
import { z } from 'zod';
import { Id, Provenance } from './common.js';
import { Criterion, FactName } from './criterion.js';

/**
 * `recommendation` = the authors explicitly recommend ("we recommend");
 * `endorsement` = the authors' own favourable view ("we believe", "is supported");
 * `evidence-judgment` = what the evidence shows, in the authors' summary;
 * `caution` = the authors flag harm, failed endpoints or open concerns;
 * `regulatory` = an approval fact; `trial-listing` = ongoing or planned studies; `background` = context.
 */
export const StatementKind = z.enum([
  'recommendation',
  'endorsement',
  'evidence-judgment',
  'caution',
  'regulatory',
  'trial-listing',
  'background',
]);
export type StatementKind = z.infer<typeof StatementKind>;

export const Statement = z
  .object({
    id: Id,
    kind: StatementKind,
    topic: z.string().min(1).describe('the section or subject, e.g. "blinatumomab / younger adults"'),
    population: z.string().min(1).describe("who it applies to, in a clinician's words"),
    appliesTo: Criterion.optional().describe('the population as a criteria tree over profile facts'),
    agents: z.array(Id).default([]),
    studies: z.array(Id).default([]),
    source: Id.optional(),
    ...Provenance,
    refs: Provenance.refs.describe(
      "reference numbers; empty for the authors' own view when no citation is attached",
    ),
  })
  .strict();
export type Statement = z.infer<typeof Statement>;

export const FactorEffect = z.enum([
  'lowers-efficacy',
  'raises-toxicity',
  'adverse-prognosis',
  'favorable-prognosis',
  'defines-population',
  'threshold',
]);
export type FactorEffect = z.infer<typeof FactorEffect>;

/** A threshold on a profile fact, in the profile's units, with the source's own spelling of it. */
export const Threshold = z
  .object({
    fact: FactName,
    op: z.enum(['lt', 'le', 'gt', 'ge', 'eq']),
    value: z.number(),
    written: z
      .string()
      .min(1)
      .describe('the threshold as the source writes it, e.g. "0.1%", "10^{-4}", "20%"'),
  })
  .strict();
export type Threshold = z.infer<typeof Threshold>;

export const Factor = z
  .object({
    id: Id,
    factor: z.string().min(1).describe("the factor in a clinician's words"),
    effect: FactorEffect,
    agents: z.array(Id).default([]),
    studies: z.array(Id).default([]),
    facts: z.array(FactName).default([]).describe('profile facts that carry this factor'),
    thresholds: z.array(Threshold).default([]),
    description: z.string().min(1),
    source: Id.optional(),
    ...Provenance,
  })
  .strict();
export type Factor = z.infer<typeof Factor>;
