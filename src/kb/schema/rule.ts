/**
 * A recommendation rule: a criteria tree over the profile → an option with a strength, agents, trials, evidence
 * (each with refs and a verbatim quote), warnings and the authors' own statements behind it.
 * @module
 */
import { z } from 'zod';
import { Id, Nct, Quote, Refs } from './common.js';
import { Criterion } from './criterion.js';
import { Extrapolation } from './scope.js';

/** PRODUCT.md recommendation contract: the strengths, fixed. */
export const Strength = z.enum([
  'recommended',
  'supported',
  'consider',
  'trial',
  'caution',
  'not-recommended',
]);
export type Strength = z.infer<typeof Strength>;

export const EvidenceRef = z
  .object({
    study: Id.optional().describe('study id; absent when the evidence is a statement of the authors'),
    statement: Id.optional(),
    refs: Refs,
    quote: Quote,
  })
  .strict();
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const Warning = z
  .object({
    code: Id.describe('stable code, e.g. "blinatumomab.crs"'),
    text: z.string().min(1).describe("the warning in a clinician's words"),
    refs: Refs,
    quote: Quote,
    when: Criterion.optional().describe('shown only when this holds (or is unknown) for the patient'),
  })
  .strict();
export type Warning = z.infer<typeof Warning>;

/** Outcomes (by study and outcome id) shown with the option as its key numbers. */
export const KeyNumber = z
  .object({
    study: Id,
    outcomes: z.array(Id).min(1),
    label: z.string().min(1).optional(),
  })
  .strict();
export type KeyNumber = z.infer<typeof KeyNumber>;

/**
 * A randomized two-arm comparison of one endpoint, from which the engine derives the absolute difference and the
 * number needed to treat (labelled as derived). Only ever within one randomized study.
 */
export const ArmComparison = z
  .object({
    study: Id,
    experimental: Id.describe('outcome id of the experimental arm'),
    control: Id.describe('outcome id of the control arm'),
    higherIsBetter: z.boolean().describe('true for survival or response, false for relapse or toxicity'),
  })
  .strict();
export type ArmComparison = z.infer<typeof ArmComparison>;

export const Rule = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9-]+(\.[a-z0-9-]+)+$/,
        'must be dotted kebab-case, e.g. "blinatumomab.frontline-under-55"',
      ),
    title: z.string().min(1).describe("one line, in a clinician's words"),
    section: z.string().min(1).describe('the review section the rule comes from'),
    strength: Strength,
    rank: z.number().int().describe('order within a strength: lower first'),
    phase: z.enum(['frontline', 'relapsed-refractory']).default('frontline'),
    agents: z.array(Id).min(1),
    trials: z.array(Nct).default([]),
    when: Criterion,
    rationale: z.string().min(1).describe('why the rule says what it says'),
    statements: z.array(Id).default([]).describe("the authors' statements this option rests on"),
    evidence: z.array(EvidenceRef).min(1),
    keyNumbers: z.array(KeyNumber).default([]),
    comparisons: z.array(ArmComparison).default([]),
    warnings: z.array(Warning).default([]),
    question: Id.describe('the question (rules file `questions`) the option answers'),
    extrapolation: z
      .array(Extrapolation)
      .default([])
      .describe(
        "where the option reaches past its studies' populations, with the review's words that license it",
      ),
  })
  .strict();
export type Rule = z.infer<typeof Rule>;

/**
 * A patient-level alert: a warning that depends on the patient rather than on one option (e.g. extramedullary
 * disease lowers blinatumomab's efficacy). Shown when `when` is true; listed as possible when it is unknown.
 */
export const Alert = z
  .object({
    code: Id,
    text: z.string().min(1),
    refs: Refs,
    quote: Quote,
    when: Criterion,
    agents: z.array(Id).default([]).describe('agents the alert concerns'),
    studies: z
      .array(Id)
      .default([])
      .describe(
        'the studies the alert reports on: `kb check` proves the alert fires only inside their populations',
      ),
  })
  .strict();
export type Alert = z.infer<typeof Alert>;
