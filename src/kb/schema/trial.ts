/**
 * A registered clinical trial (NCT id) the source names, with what the source says of it.
 * @module
 */
import { z } from 'zod';
import { Id, Lineage, Nct, PhPopulation, Provenance, Setting } from './common.js';

export const TrialStatus = z.enum(['ongoing', 'upcoming', 'enrolling', 'not-stated']);
export type TrialStatus = z.infer<typeof TrialStatus>;

export const Trial = z
  .object({
    nct: Nct,
    name: z.string().min(1).optional().describe('acronym or name as the source gives it'),
    study: Id.optional().describe('id of the study record this trial belongs to'),
    source: Id.optional(),
    agents: z.array(Id).min(1),
    lineage: Lineage,
    ph: PhPopulation,
    settings: z.array(Setting).min(1),
    population: z.string().min(1).describe('who it enrols, as the source describes it'),
    status: TrialStatus,
    phase: z.enum(['1', '1/2', '2', '3', 'not-stated']),
    summary: z.string().min(1).describe("what the source says of the trial, in a clinician's words"),
    ...Provenance,
    refs: Provenance.refs.describe('reference numbers; empty when the source cites none for the trial'),
  })
  .strict();
export type Trial = z.infer<typeof Trial>;
