/**
 * Terminology: the small code maps the FHIR adapter uses to read profile facts from coded data (SNOMED CT,
 * ICD-10-CM, ICD-O-3, LOINC, HGNC, NCIt, RxNorm, UCUM). Data, not code: each entry says where in a FHIR resource
 * the code is read (`kind`), what it tells about the profile (`fact`, `value`) and where it was confirmed
 * (`confirmedIn`). One entry states one fact; a code that implies two facts (B-ALL with BCR::ABL1: lineage B and
 * Ph positive) has two entries.
 * @module
 */
import { z } from 'zod';
import { HIGH_RISK_GENETICS, MrdMethod, PediatricRisk, Phase } from '../../profile/schema.js';
import { Lineage } from './common.js';

/** Fields every entry has: the coding and where it was confirmed. */
const coding = {
  system: z.string().min(1).describe('code system URI, e.g. http://snomed.info/sct'),
  code: z.string().min(1),
  display: z.string().min(1).describe('the display text as the confirming source gives it'),
  confirmedIn: z
    .string()
    .min(1)
    .describe(
      'where the code was confirmed (NOTES.md / RESEARCH.md section, mCODE IG file, terminology page)',
    ),
  note: z.string().min(1).optional().describe('a caveat: what the code does not say, or an unconfirmed part'),
};

/** A diagnosis code (Condition.code or its ICD-O-3 morphology) and one fact it states, with the value. */
const diagnosisMapping = <K extends 'condition' | 'morphology'>(kind: K) => {
  const base = { kind: z.literal(kind), ...coding };
  return z.discriminatedUnion('fact', [
    z
      .object({
        ...base,
        fact: z.literal('diagnosis'),
        value: z.literal('ALL').describe('names ALL, any lineage'),
      })
      .strict(),
    z.object({ ...base, fact: z.literal('lineage'), value: Lineage }).strict(),
    z.object({ ...base, fact: z.literal('ph'), value: z.enum(['positive', 'negative']) }).strict(),
    z.object({ ...base, fact: z.literal('phase'), value: Phase }).strict(),
    z.object({ ...base, fact: z.literal('highRiskGenetics'), value: z.enum(HIGH_RISK_GENETICS) }).strict(),
  ]);
};

/** `Condition.code`: every code listed identifies an ALL Condition; each entry states one fact. */
export const ConditionMapping = diagnosisMapping('condition');

/** The mCODE histology-morphology-behavior extension of a Condition (ICD-O-3 morphology). */
export const MorphologyMapping = diagnosisMapping('morphology');

/** `Condition.clinicalStatus` → phase. */
export const ClinicalStatusMapping = z
  .object({
    kind: z.literal('clinical-status'),
    ...coding,
    fact: z.literal('phase'),
    value: Phase,
    fallback: z
      .boolean()
      .optional()
      .describe('true: used only when no other code of the ALL Condition(s) states the phase'),
  })
  .strict();

/** What an Observation code measures and how its value is reported. */
export const ObservationMapping = z
  .object({
    kind: z.literal('observation'),
    ...coding,
    fact: z
      .enum(['wbc', 'cd20Percent', 'cd22', 'ph', 'mrd', 'pediatricRisk', 'genomicVariant', 'immunophenotype'])
      .describe(
        'the profile field the result gives (genomicVariant: the gene decides; immunophenotype: free text, never parsed)',
      ),
    valueType: z
      .enum(['quantity', 'coded', 'string', 'components'])
      .describe('the Observation.value[x] (or component list) the result is expected in'),
    transcript: z
      .enum(['any', 'p190', 'p210', 'p210-b2a2'])
      .optional()
      .describe(
        'ph only: which BCR::ABL1 transcripts the test detects (any = not transcript-specific; p210-b2a2 = only the b2a2 junction of p210)',
      ),
    method: MrdMethod.optional().describe('mrd only: the method the code implies'),
  })
  .strict()
  .refine((m) => (m.transcript !== undefined) === (m.fact === 'ph'), {
    message: 'transcript is required for fact "ph" and allowed only there',
    path: ['transcript'],
  })
  .refine((m) => m.method === undefined || m.fact === 'mrd', {
    message: 'method is allowed only for fact "mrd"',
    path: ['method'],
  });

/** An `Observation.component.code` of a genomic variant. */
export const ComponentMapping = z
  .object({
    kind: z.literal('component'),
    ...coding,
    fact: z.enum(['geneStudied', 'proteinChange']),
  })
  .strict();

/** A coded answer (`valueCodeableConcept`) or interpretation (`interpretation`) saying positive or negative. */
const presence = <K extends 'answer' | 'interpretation'>(kind: K) =>
  z
    .object({
      kind: z.literal(kind),
      ...coding,
      fact: z.literal('presence'),
      value: z.enum(['positive', 'negative']),
    })
    .strict();
/** `Observation.valueCodeableConcept`: a coded answer (LOINC LA…) meaning positive or negative. */
export const AnswerMapping = presence('answer');
/** `Observation.interpretation`: POS / NEG. */
export const InterpretationMapping = presence('interpretation');

/** A risk-group value. No `value` = the code does not say which profile value it is (the note says why). */
export const RiskMapping = z
  .object({
    kind: z.literal('risk'),
    ...coding,
    fact: z.literal('pediatricRisk'),
    value: PediatricRisk.optional(),
  })
  .strict()
  .refine((m) => m.value !== undefined || m.note !== undefined, {
    message: 'a risk code without a value needs a note saying why it maps to no profile value',
    path: ['note'],
  });

/** A gene (HGNC): variants found in it go to `fact`. */
export const GeneMapping = z
  .object({ kind: z.literal('gene'), ...coding, fact: z.literal('abl1Mutations') })
  .strict();

/** A drug code (RxNorm) and the lower-case generic name the profile uses. */
export const MedicationMapping = z
  .object({
    kind: z.literal('medication'),
    ...coding,
    fact: z.literal('priorTherapy'),
    value: z.string().regex(/^[a-z][a-z0-9 -]*$/, 'a lower-case generic name'),
  })
  .strict();

/**
 * A drug code (RxNorm ingredient or brand-name concept) that names an agent of the knowledge base in an order
 * (order-select, order-sign). Read by src/cds-hooks, not by the profile mapping.
 */
export const DrugMapping = z
  .object({
    kind: z.literal('drug'),
    ...coding,
    fact: z.literal('agent'),
    value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an agent id of kb/agents'),
    tty: z
      .enum(['IN', 'PIN', 'MIN', 'BN'])
      .describe('RxNorm term type: ingredient, precise ingredient, multiple ingredients, brand name'),
  })
  .strict();

/** A unit (UCUM) accepted for a fact: reported value × `factor` = value in the profile's `unit`. */
export const UnitMapping = z
  .object({
    kind: z.literal('unit'),
    ...coding,
    fact: z.enum(['wbc', 'cd20Percent', 'mrd']),
    factor: z.number().positive(),
    unit: z.string().min(1).describe("the profile's unit for the fact (PRODUCT.md input contract)"),
  })
  .strict();

/** One code map entry; `kind` says where the coding is read. */
export const CodeMapping = z.discriminatedUnion('kind', [
  ConditionMapping,
  MorphologyMapping,
  ClinicalStatusMapping,
  ObservationMapping,
  ComponentMapping,
  AnswerMapping,
  InterpretationMapping,
  RiskMapping,
  GeneMapping,
  MedicationMapping,
  DrugMapping,
  UnitMapping,
]);
export type CodeMapping = z.infer<typeof CodeMapping>;

/** Where a coding is read (condition, observation, unit, ...), and so what its `fact` and `value` mean. */
export type MappingKind = CodeMapping['kind'];

/** One `kb/terminology/*.yaml` file: a description and its mappings. */
export const TerminologyFile = z
  .object({
    description: z.string().min(1),
    mappings: z.array(CodeMapping).min(1),
  })
  .strict();
export type TerminologyFile = z.infer<typeof TerminologyFile>;
