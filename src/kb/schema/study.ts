/**
 * A study, trial or cohort the source describes, with its population, arms and every reported outcome.
 * @module
 */
import { z } from 'zod';
import { Id, Nct, Note, PhPopulation, Provenance, Quote, Refs, Setting, StudyLineage } from './common.js';
import { Outcome } from './outcome.js';
import { PopulationScope } from './scope.js';

export const Phase = z.enum(['1', '1b', '1/2', '2', '3', 'not-stated']);
export type Phase = z.infer<typeof Phase>;

export const Design = z.enum([
  'randomized',
  'single-arm',
  'propensity-score',
  'nonrandomized-comparison',
  'retrospective',
  'not-stated',
]);
export type Design = z.infer<typeof Design>;

export const StudyStatus = z.enum(['reported', 'ongoing', 'upcoming']);
export type StudyStatus = z.infer<typeof StudyStatus>;

export const Population = z
  .object({
    description: z.string().min(1).describe("the population in a clinician's words"),
    n: z.number().int().positive().optional().describe('patients enrolled or treated, as the source states'),
    ageMin: z.number().nonnegative().optional(),
    ageMax: z.number().positive().optional(),
    ageMedian: z.number().positive().optional(),
    ages: z.enum(['children', 'children-and-young-adults', 'adults', 'older-adults', 'all-ages']).optional(),
    scope: PopulationScope.describe(
      'who was studied, as criteria the scope proof reasons over (each with the quote that states it)',
    ),
    ...Provenance,
  })
  .strict();
export type Population = z.infer<typeof Population>;

export const Arm = z
  .object({
    id: Id,
    label: z.string().min(1),
    agents: z.array(Id).describe('agent ids; "chemotherapy" for a chemotherapy backbone'),
    control: z.boolean().optional(),
  })
  .strict();
export type Arm = z.infer<typeof Arm>;

export const Study = z
  .object({
    id: Id,
    name: z
      .string()
      .min(1)
      .describe('the name as the source spells it, or a descriptive name for unnamed studies'),
    aliases: z
      .array(z.string().min(1))
      .default([])
      .describe('other spellings used in the source or its references'),
    named: z.boolean().describe('false when the source does not name the study and the id is descriptive'),
    source: Id.optional().describe('source id; the primary source when absent'),
    refs: Refs.describe(
      'every reference number the source attaches to the study; may be empty only for ongoing or upcoming studies the source cites none for',
    ),
    section: z.string().min(1).describe('the section of the source that describes it'),
    phase: Phase,
    design: Design,
    settings: z.array(Setting).min(1),
    status: StudyStatus,
    lineage: StudyLineage,
    ph: PhPopulation,
    population: Population,
    regimen: z.string().min(1).describe("the treatment in a clinician's words"),
    agents: z
      .array(Id)
      .describe(
        'agent ids of every drug in the regimen (empty for background cohorts that name no treatment)',
      ),
    arms: z.array(Arm).default([]),
    trials: z.array(Nct).default([]).describe('NCT ids the source gives for this study'),
    summary: z
      .object({ quote: Quote, refs: Refs })
      .strict()
      .describe('the sentence that introduces the study'),
    outcomes: z.array(Outcome).default([]),
    notes: z.array(Note).default([]).describe('inconsistencies or gaps in the source about this study'),
  })
  .strict()
  .refine((s) => s.refs.length > 0 || s.status !== 'reported', {
    message: 'a reported study needs at least one reference number',
    path: ['refs'],
  });
export type Study = z.infer<typeof Study>;
export type StudyInput = z.input<typeof Study>;
