/**
 * The knowledge base as a whole, and the shape of each kind of data file under `kb/`.
 * @module
 */
import { z } from 'zod';
import { Agent } from './agent.js';
import { Boundary, FactInfo } from './fact-info.js';
import { ReferencesFile, SourceReference } from './reference.js';
import { Alert, Rule } from './rule.js';
import { AgeWordDefinition, Question, RequiredClassRisks } from './scope.js';
import { Source } from './source.js';
import { Factor, Statement } from './statement.js';
import { Study } from './study.js';
import { CodeMapping, TerminologyFile } from './terminology.js';
import { Trial } from './trial.js';

/** Data files by folder: one entity per file for the big kinds, lists for the small ones. */
export const StatementsFile = z.object({ statements: z.array(Statement).min(1) }).strict();
export const FactorsFile = z.object({ factors: z.array(Factor).min(1) }).strict();
export const RulesFile = z
  .object({
    rules: z.array(Rule).default([]),
    alerts: z.array(Alert).default([]),
    questions: z.array(Question).default([]),
  })
  .strict();
export const FactsFile = z
  .object({
    facts: z.array(FactInfo).min(1),
    boundaries: z.array(Boundary).default([]),
    ageWords: z.array(AgeWordDefinition).default([]),
    requiredClassRisks: z.array(RequiredClassRisks).default([]),
  })
  .strict();

export const Kb = z
  .object({
    version: z.string().describe('content hash of the knowledge base'),
    sources: z.array(Source),
    studies: z.array(Study),
    agents: z.array(Agent),
    trials: z.array(Trial),
    statements: z.array(Statement),
    factors: z.array(Factor),
    recommendations: z.array(Rule).describe('the recommendation rules'),
    alerts: z.array(Alert).describe('patient-level warnings'),
    questions: z.array(Question).describe('the questions the options answer'),
    facts: z.array(FactInfo),
    boundaries: z.array(Boundary),
    ageWords: z.array(AgeWordDefinition),
    requiredClassRisks: z.array(RequiredClassRisks),
    terminology: z.array(CodeMapping).describe('code maps used to read FHIR data'),
    references: z.array(SourceReference).describe("the sources' numbered reference lists"),
  })
  .strict();
export type Kb = z.infer<typeof Kb>;

/** The folders of `kb/` and the schema each file in them must satisfy. */
export const KB_FOLDERS = {
  sources: Source,
  studies: Study,
  agents: Agent,
  trials: Trial,
  statements: StatementsFile,
  factors: FactorsFile,
  rules: RulesFile,
  terminology: TerminologyFile,
  references: ReferencesFile,
} as const;
export type KbFolder = keyof typeof KB_FOLDERS;
