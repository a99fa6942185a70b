/**
 * The recommendation result (PRODUCT.md "Recommendation result (output contract, JSON)") as a zod schema, so the
 * OpenAPI document is generated, not hand-written. The engine's `Decision` type is the source of truth; a
 * compile-time check below fails the build if the two drift apart.
 * @module
 */
import { z } from 'zod';
import type { Decision } from '../../engine/index.js';
import { Outcome, Strength } from '../../kb/index.js';
import { ProfileInput } from '../../profile/index.js';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Verdict = z.union([z.literal(true), z.literal(false), z.literal('unknown')]);

/** The trace node as published (mutable mirror of the engine's `TraceNode`, for the recursive schema). */
export interface TraceNodeShape {
  kind: 'all' | 'any' | 'not' | 'condition';
  label: string;
  verdict: true | false | 'unknown';
  fact?: string | undefined;
  op?: string | undefined;
  threshold?: string | number | boolean | (string | number | boolean)[] | undefined;
  written?: string | undefined;
  observed?: string | number | boolean | (string | number | boolean)[] | null | undefined;
  children?: TraceNodeShape[] | undefined;
}

/** One node of the trace: condition, value seen, threshold, verdict (three-valued). */
export const TraceNode: z.ZodType<TraceNodeShape> = z.lazy(() =>
  z.object({
    kind: z.enum(['all', 'any', 'not', 'condition']),
    label: z.string(),
    verdict: Verdict,
    fact: z.string().optional(),
    op: z.string().optional(),
    threshold: z.union([Scalar, z.array(Scalar)]).optional(),
    written: z.string().optional().describe('the threshold as the review writes it'),
    observed: z
      .union([Scalar, z.array(Scalar), z.null()])
      .optional()
      .describe('null when unknown'),
    children: z.array(TraceNode).optional(),
  }),
);

const Refs = z.array(z.number().int()).describe("the review's own reference numbers");

/** One option of the decision (PRODUCT.md contract, plus the fields the engine adds). */
export const Option = z.object({
  id: z.string().describe('stable id of the rule/option'),
  title: z.string(),
  strength: Strength,
  agents: z.array(z.string()),
  trials: z.array(z.string()),
  evidence: z.array(
    z.object({
      study: z.string(),
      studyName: z.string(),
      refs: Refs,
      quote: z.string().describe('verbatim'),
    }),
  ),
  warnings: z.array(
    z.object({
      code: z.string(),
      text: z.string(),
      refs: Refs,
      quote: z.string(),
      applies: z.union([z.literal(true), z.literal('unknown')]),
    }),
  ),
  because: z.array(TraceNode).describe('the trace'),
  verdict: Verdict,
  rank: z.number(),
  section: z.string(),
  phase: z.enum(['frontline', 'relapsed-refractory']),
  rationale: z.string(),
  statements: z.array(z.object({ id: z.string(), kind: z.string(), quote: z.string(), refs: Refs })),
  keyNumbers: z.array(
    z.object({ study: z.string(), studyName: z.string(), text: z.string(), outcomes: z.array(Outcome) }),
  ),
  derived: z.array(
    z.object({
      derived: z.literal(true),
      study: z.string(),
      studyName: z.string(),
      endpoint: z.string(),
      experimental: z.object({ outcome: z.string(), value: z.number() }),
      control: z.object({ outcome: z.string(), value: z.number() }),
      absoluteDifference: z.number(),
      numberNeededToTreat: z.number().nullable(),
      text: z.string(),
    }),
  ),
  unknownFacts: z.array(z.string()),
  extrapolation: z
    .array(z.object({ text: z.string(), quote: z.string().describe('verbatim'), refs: Refs }))
    .describe(
      "where the option reaches past its studied populations, with the review's words that license it",
    ),
  question: z.string().describe('the question the option answers'),
});

/** The result of `POST /api/recommendations` (and `frontline recommend --json`). */
export const RecommendationResult = z.object({
  kbVersion: z.string(),
  profile: ProfileInput.describe('the normalized profile: unknown facts omitted, phase defaulted'),
  options: z.array(Option).describe('options that apply, strongest first'),
  pending: z.array(Option).describe('options that would apply depending on unknown facts'),
  warnings: z.array(
    z.object({
      code: z.string(),
      text: z.string(),
      refs: Refs,
      quote: z.string().optional(),
      kind: z.enum(['alert', 'boundary', 'input', 'target']),
    }),
  ),
  missing: z.array(
    z.object({ field: z.string(), text: z.string(), test: z.string(), affects: z.array(z.string()) }),
  ),
  outsideEvidence: z
    .array(z.object({ question: z.string(), text: z.string(), refs: Refs }))
    .describe('questions for which the patient lies outside every population the review studied'),
  notice: z.literal('decision support, not a substitute for clinical judgment'),
  fhir: z
    .object({
      sources: z.unknown(),
      missing: z.array(z.unknown()),
      warnings: z.array(z.unknown()),
      allDiagnosis: z.boolean().describe('whether the record holds an ALL diagnosis'),
    })
    .optional()
    .describe('what the FHIR mapping found, when the input was a Bundle'),
});

type DeepWritable<T> = T extends (infer U)[]
  ? DeepWritable<U>[]
  : T extends readonly (infer U)[]
    ? DeepWritable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepWritable<T[K]> }
      : T;

type Assert<T extends true> = T;
/** Fails to compile when the engine's Decision no longer fits the published schema. */
export type DecisionFitsSchema = Assert<
  DeepWritable<Omit<Decision, 'profile'>> extends Omit<
    z.output<typeof RecommendationResult>,
    'profile' | 'fhir'
  >
    ? true
    : false
>;
/** Fails to compile when the engine adds a field the schema does not publish. */
export type DecisionKeysPublished = Assert<
  [Exclude<keyof Decision, keyof z.output<typeof RecommendationResult>>] extends [never] ? true : false
>;
/** The same for options. */
export type OptionKeysPublished = Assert<
  [Exclude<keyof Decision['options'][number], keyof z.output<typeof Option>>] extends [never] ? true : false
>;
