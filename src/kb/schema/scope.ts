/**
 * Who the evidence studied, as data the scope proof reasons over: a study population's selection criteria (each with
 * the quote that states it), the intensity of its regimen, the word tables that turn "adults" or "older patients"
 * into ages, an agent's target and class risks, and a rule's licensed extrapolations.
 * @module
 */
import { z } from 'zod';
import { Id, Note, Quote, Refs } from './common.js';
import { Criterion, FactName, Operator } from './criterion.js';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The words for an age group the review uses without a number ("adults", "children", "older patients"). */
export const AGE_WORDS = ['adults', 'children', 'older'] as const;
export const AgeWord = z.enum(AGE_WORDS);
export type AgeWord = z.infer<typeof AgeWord>;

/**
 * One selection criterion of a population, with the words of the source that state it. Ages are compared in
 * completed years, as the engine compares them: `le 59` is "59 or younger", so 59.9 is inside and 60 is not.
 * When the quote states the group by a word ("63 adults"), `words` names it and the bound comes from the
 * knowledge base's age-word table (`kb/facts.yaml`), not from the quote.
 */
export const ScopeCriterion = z
  .object({
    fact: FactName,
    op: Operator.exclude(['known']),
    value: z.union([Scalar, z.array(Scalar)]),
    label: z.string().min(1).optional(),
    written: z.string().min(1).optional(),
    words: AgeWord.optional().describe('the age word the quote uses, when it gives no number'),
    refs: Refs,
    quote: Quote,
    note: Note.optional(),
  })
  .strict();
export type ScopeCriterion = z.infer<typeof ScopeCriterion>;

/**
 * How intensive the studied regimen was: an `intensive` regimen studied only patients fit for intensive
 * chemotherapy; `low-intensity` and `chemotherapy-free` regimens studied fit and unfit patients alike;
 * `not-applicable` for background cohorts that name no regimen. `not-stated` is read as intensive (the scope proof
 * never assumes that unfit patients were studied).
 */
export const INTENSITIES = [
  'intensive',
  'low-intensity',
  'chemotherapy-free',
  'not-applicable',
  'not-stated',
] as const;
export const Intensity = z.enum(INTENSITIES);
export type Intensity = z.infer<typeof Intensity>;

export const PopulationScope = z
  .object({
    criteria: z
      .array(ScopeCriterion)
      .default([])
      .describe(
        'selection criteria the source states (age, MRD, risk group, target antigen, ...); lineage, Ph and setting come from the study',
      ),
    alternatives: z
      .array(z.array(ScopeCriterion).min(1))
      .default([])
      .describe(
        'where the population is one group or another ("55 and older, or 40 to 54 with severe comorbidities"): each alternative is a list of criteria, and the population is `criteria` and any one alternative',
      ),
    intensity: z
      .object({ value: Intensity, refs: Refs.optional(), quote: Quote.optional(), note: Note.optional() })
      .strict(),
    notStated: z
      .array(z.enum(['age', 'fitness', 'ph', 'lineage', 'setting']))
      .default([])
      .describe('dimensions the source does not state for this population: `kb check` lists them as gaps'),
  })
  .strict();
export type PopulationScope = z.infer<typeof PopulationScope>;

/** An age word's bounds in completed years, with the source's own definition where it gives one. */
export const AgeWordDefinition = z
  .object({
    word: AgeWord,
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
    matches: z
      .array(z.string().min(1))
      .min(1)
      .describe('spellings in a quote that use the word, e.g. "adult"'),
    refs: Refs.optional(),
    quote: Quote.optional().describe("the source's own definition, where it gives one"),
    note: Note.describe('why the bound is what it is'),
  })
  .strict();
export type AgeWordDefinition = z.infer<typeof AgeWordDefinition>;

/** The kinds of class risk the review reports. */
export const RISK_KINDS = [
  'crs',
  'neurotoxicity',
  'infection',
  'hepatotoxicity',
  'vod',
  'late-toxicity',
  'administration',
  'fratricide',
  'cns-relapse',
] as const;
export const RiskKind = z.enum(RISK_KINDS);
export type RiskKind = z.infer<typeof RiskKind>;

/** A toxicity the review reports for an agent: every option with the agent shows it. */
export const ClassRisk = z
  .object({
    code: Id.describe('stable warning code, e.g. "blinatumomab.crs"'),
    kind: RiskKind,
    text: z.string().min(1).describe("the risk in a clinician's words"),
    refs: Refs,
    quote: Quote,
  })
  .strict();
export type ClassRisk = z.infer<typeof ClassRisk>;

/**
 * The antigen an agent is directed at, and the profile fact that reads it. An option with the agent holds only when
 * the target is present: `absent` lists the fact's values that mean the target is missing (the option is then left
 * out and the patient is told why); an unknown fact makes the option pending.
 */
export const AgentTarget = z
  .object({
    antigen: z.string().min(1),
    fact: FactName,
    absent: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .min(1)
      .describe('values of the fact that mean the target is absent'),
    label: z.string().min(1).describe('the condition in a clinician\'s words, e.g. "CD22-positive"'),
    refs: Refs,
    quote: Quote,
  })
  .strict();
export type AgentTarget = z.infer<typeof AgentTarget>;

/**
 * Where a rule reaches past the populations of the studies it cites, licensed by the review's own words (e.g. the
 * approval "for patients of all ages"). `scope` is the region it licenses; the option shows the text and quote.
 */
export const Extrapolation = z
  .object({
    text: z.string().min(1).describe("what is extrapolated, in a clinician's words"),
    scope: Criterion.describe('the patients the quote licenses'),
    refs: Refs,
    quote: Quote,
  })
  .strict();
export type Extrapolation = z.infer<typeof Extrapolation>;

/** The class risks each agent class must report (PRODUCT.md: blinatumomab CRS and neurotoxicity, ...). */
export const RequiredClassRisks = z
  .object({
    agentClass: z.string().min(1),
    kinds: z.array(RiskKind).min(1),
    why: z.string().min(1),
  })
  .strict();
export type RequiredClassRisks = z.infer<typeof RequiredClassRisks>;

/**
 * A question the tool answers (e.g. "rituximab with frontline chemotherapy"): when it is asked for a patient
 * (`when`), and no option of its rules applies or is pending, and the patient lies outside every population of its
 * studies, the decision says so in one sentence (`outsideEvidence`).
 */
export const Question = z
  .object({
    id: Id,
    title: z
      .string()
      .min(1)
      .describe('the question in a clinician\'s words, e.g. "rituximab in frontline therapy"'),
    when: Criterion.describe('the patients for whom the question is asked'),
    studies: z.array(Id).min(1).describe("the studies that make up the review's evidence for the question"),
    noEvidence: z
      .object({ refs: Refs, quote: Quote })
      .strict()
      .optional()
      .describe('the review states that no study exists for this question'),
  })
  .strict();
export type Question = z.infer<typeof Question>;
