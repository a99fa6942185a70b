/**
 * A drug or cellular product the source names, with the regulatory facts it states.
 * @module
 */
import { z } from 'zod';
import { Id, Lineage, Provenance, Setting } from './common.js';
import { AgentTarget, ClassRisk } from './scope.js';

export const AgentClass = z.enum([
  'monoclonal-antibody',
  'bispecific-t-cell-engager',
  'bispecific-antibody',
  'antibody-drug-conjugate',
  'car-t',
  'car-nk',
  'tki',
  'chemotherapy',
  'corticosteroid',
  'enzyme',
  'chemotherapy-backbone',
]);
export type AgentClass = z.infer<typeof AgentClass>;

export const Approval = z
  .object({
    authority: z.enum(['FDA']),
    year: z.number().int().optional(),
    kind: z
      .enum(['initial', 'expanded', 'full', 'current'])
      .describe('initial, expanded indication, full approval, or "currently approved"'),
    indication: z.string().min(1).describe("the indication in the source's words"),
    settings: z.array(Setting).min(1),
    lineage: Lineage.optional(),
    ph: z.enum(['negative', 'positive', 'any']).optional(),
    ages: z
      .enum(['children', 'adults', 'children-and-adults', 'children-and-young-adults', 'all-ages'])
      .optional(),
    ageMax: z.number().positive().optional().describe('upper age limit the source states'),
    basis: z.array(Id).default([]).describe('study ids the approval was based on'),
    ...Provenance,
  })
  .strict();
export type Approval = z.infer<typeof Approval>;

/**
 * A name an order may use for the agent that the source does not print (a brand, a biosimilar, a common
 * abbreviation) or prints wrongly (the review's spelling, kept so that it is still recognised), with where it was
 * confirmed. Used to recognise the agent in draft orders.
 */
export const AgentName = z
  .object({
    name: z.string().min(1),
    kind: z.enum(['brand', 'biosimilar', 'abbreviation', 'review-spelling']),
    confirmedIn: z
      .string()
      .min(1)
      .describe('where the name was confirmed (a terminology source, or the review)'),
    note: z.string().min(1).optional(),
  })
  .strict();
export type AgentName = z.infer<typeof AgentName>;

export const Agent = z
  .object({
    id: Id.describe('lower-case generic name (INN), or a descriptive id for unnamed products'),
    name: z.string().min(1).describe('generic name as the source spells it'),
    aliases: z
      .array(z.string().min(1))
      .default([])
      .describe('abbreviations used in the source, e.g. InO, tisa-cel'),
    brand: z.string().min(1).optional(),
    names: z
      .array(AgentName)
      .default([])
      .describe(
        'other names orders use (brands, biosimilars, abbreviations), each with where it was confirmed',
      ),
    maker: z.string().min(1).optional(),
    targets: z.array(z.string().min(1)).default([]).describe('e.g. CD19, CD3, CD22, CD20, BCR::ABL1'),
    target: AgentTarget.optional().describe(
      'the antigen on the blasts the agent needs, read from the profile: an option with the agent holds only when it is present',
    ),
    classRisks: z
      .array(ClassRisk)
      .default([])
      .describe('toxicities the review reports for the agent: every option with the agent shows them'),
    class: AgentClass,
    description: z.string().min(1).describe("what it is, in a clinician's words"),
    source: Id.optional(),
    approvals: z.array(Approval).default([]),
    ...Provenance,
  })
  .strict();
export type Agent = z.infer<typeof Agent>;
