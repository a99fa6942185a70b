/**
 * JSON Schemas of the knowledge base and of each kind of data file, generated from the zod schemas (never
 * written by hand), for editors and for other tools.
 * @module
 */
import { z } from 'zod';
import {
  Agent,
  FactorsFile,
  FactsFile,
  Kb,
  ReferencesFile,
  RulesFile,
  Source,
  StatementsFile,
  Study,
  TerminologyFile,
  Trial,
} from './schema/index.js';

export function kbSchemas(): Record<string, unknown> {
  const gen = (schema: z.ZodType, title: string): unknown => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    title,
    $comment: 'generated from src/kb/schema by `frontline kb schema` - do not edit',
  });
  return {
    kb: gen(Kb, 'Frontline knowledge base (kb export --json)'),
    source: gen(Source, 'kb/sources/*.yaml'),
    study: gen(Study, 'kb/studies/*.yaml'),
    agent: gen(Agent, 'kb/agents/*.yaml'),
    trial: gen(Trial, 'kb/trials/*.yaml'),
    statements: gen(StatementsFile, 'kb/statements/*.yaml'),
    factors: gen(FactorsFile, 'kb/factors/*.yaml'),
    rules: gen(RulesFile, 'kb/rules/*.yaml'),
    facts: gen(FactsFile, 'kb/facts.yaml'),
    terminology: gen(TerminologyFile, 'kb/terminology/*.yaml'),
    references: gen(ReferencesFile, 'kb/references/*.yaml'),
  };
}
