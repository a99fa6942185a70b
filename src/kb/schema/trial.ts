/**
 * A registered clinical trial (NCT id) the source names, with what the source says of it.
 * @module
 */
import { z } from 'zod';
import { Id, Lineage, Nct, PhPopulation, Provenance, Setting } from './common.js';

export const TrialStatus = z.enum(['ongoing', 'upcoming', 'enrolling', 'not-stated']);
export type TrialStatus = z.infer<typeof TrialStatus>;

/** The group that leads or sponsors a trial, only where the source names one, with the clause that names it. */
export const TrialSponsor = z
  .object({
    name: z.string().min(1).describe('the group, spelled as the source names it'),
    ...Provenance,
    quote: Provenance.quote.describe(
      'the clause of the source that names the group and the trial (its NCT id or name) together',
    ),
    refs: Provenance.refs.describe('reference numbers; empty when the source cites none for the clause'),
  })
  .strict();
export type TrialSponsor = z.infer<typeof TrialSponsor>;

export const Trial = z
  .object({
    nct: Nct,
    name: z.string().min(1).optional().describe('acronym or name as the source gives it'),
    sponsor: TrialSponsor.optional().describe(
      'the group leading or sponsoring the trial as the source names it; absent when the source names none',
    ),
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
