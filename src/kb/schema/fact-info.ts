/**
 * What each profile fact means clinically and which test settles it, so that an unknown fact can be reported
 * with the test that would make it known (PRODUCT safety rule 3), and boundaries the source leaves open.
 * @module
 */
import { z } from 'zod';
import { Id, Quote, Refs } from './common.js';
import { Criterion, FactName } from './criterion.js';

export const FactInfo = z
  .object({
    fact: FactName,
    label: z.string().min(1),
    unit: z.string().min(1).optional(),
    test: z.string().min(1).describe('the test that settles the fact'),
    why: z.string().min(1).describe("why it matters, in a clinician's words"),
    refs: Refs,
    quote: Quote.optional().describe('where the source names the test or the definition'),
    appliesTo: Criterion.optional().describe(
      'the patients for whom the fact means something; given for another patient, it is reported as an input warning',
    ),
    notUsed: z
      .string()
      .min(1)
      .optional()
      .describe(
        'why no rule reads this fact, shown when it is given (e.g. the review gives it no role in choosing)',
      ),
    order: z
      .object({
        system: z.string().min(1),
        code: z.string().min(1),
        display: z.string().min(1),
      })
      .strict()
      .optional()
      .describe(
        'the code (LOINC or SNOMED CT, listed in kb/terminology/) of the test to order when the fact is unknown; absent when no code is confirmed',
      ),
  })
  .strict();
export type FactInfo = z.infer<typeof FactInfo>;

/** A value where the source's thresholds leave a gap or meet (e.g. age exactly 55 between "<55" and ">55"). */
export const Boundary = z
  .object({
    id: Id,
    fact: FactName,
    value: z.number(),
    text: z.string().min(1).describe('what the boundary means for this patient'),
    statements: z.array(Id).min(1).describe('the statements whose thresholds meet here'),
    when: Criterion.optional().describe(
      'the patients for whom the boundary matters (e.g. Ph-negative B-ALL)',
    ),
  })
  .strict();
export type Boundary = z.infer<typeof Boundary>;
