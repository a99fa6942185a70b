/**
 * Building blocks shared by every knowledge-base entity: identifiers, reference numbers and the
 * verbatim quote that proves a fact against its source text.
 * @module
 */
import { z } from 'zod';
import { SETTINGS } from './lists.js';

/** A kebab-case identifier, e.g. `e1910` or `gimema-lal2317`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits, "-" or "."');
export type Id = z.infer<typeof Id>;

/** A ClinicalTrials.gov identifier. */
export const Nct = z.string().regex(/^NCT\d{8}$/, 'must be an NCT id such as NCT04530565');
export type Nct = z.infer<typeof Nct>;

/** The source's own reference numbers (the superscript citations in the review). */
export const Refs = z
  .array(z.number().int().positive())
  .describe('the review reference numbers behind this fact');
export type Refs = z.infer<typeof Refs>;

/**
 * A verbatim excerpt of the source text. `kb check` proves it is a substring of the source once both are
 * whitespace-normalized (and markup such as `$`, `*` and citation superscripts is ignored).
 */
export const Quote = z
  .string()
  .min(20, 'a quote must be at least 20 characters: quote the clause that states the fact')
  .describe('verbatim text of the source (whitespace may differ)');
export type Quote = z.infer<typeof Quote>;

/** A free-text remark on a fact: where the source is inconsistent, unclear or ambiguous. Never a correction. */
export const Note = z
  .string()
  .min(1)
  .describe('an inconsistency or ambiguity in the source, recorded, not fixed');

/** Every fact-bearing object carries these. */
export const Provenance = {
  refs: Refs,
  quote: Quote,
  note: Note.optional(),
};

export const Lineage = z.enum(['B', 'T']);
export type Lineage = z.infer<typeof Lineage>;

/** Lineage of a study population: `any` for figures that cover ALL of every lineage. */
export const StudyLineage = z.enum(['B', 'T', 'any']);
export type StudyLineage = z.infer<typeof StudyLineage>;

/** Ph status of a study population, as the source describes it. */
export const PhPopulation = z.enum(['negative', 'positive', 'positive-or-ph-like', 'any', 'not-stated']);
export type PhPopulation = z.infer<typeof PhPopulation>;

/** Treatment setting. `mrd` = measurable residual disease in remission; `relapsed-refractory` = R/R disease. */
export const Setting = z.enum(SETTINGS);
export type Setting = z.infer<typeof Setting>;
