/**
 * One entry of a source's numbered reference list (the review's "References" section), so a "[ref 42]" can be
 * looked up. Every field is read from the entry's own text, and `kb check` proves the text and each field against
 * the source (src/kb/check/reference-list.ts).
 * @module
 */
import { z } from 'zod';
import { Id, Note } from './common.js';

export const Reference = z
  .object({
    n: z.number().int().positive().describe('the number the source gives the entry'),
    authors: z
      .string()
      .min(1)
      .optional()
      .describe(
        'the authors as the entry lists them ("Litzow MR, Sun Z, Mattison RJ, et al"); absent when none',
      ),
    title: z.string().min(1),
    journal: z.string().min(1).optional().describe('the journal abbreviation as the entry gives it'),
    year: z.number().int().min(1900).max(2100),
    doi: z.string().min(1).optional().describe('only when the source gives one'),
    pmid: z.string().regex(/^\d+$/).optional().describe('only when the source gives one'),
    url: z.string().url().optional().describe('only when the source gives one'),
    text: z.string().min(1).describe('the entry verbatim (whitespace collapsed), without its number'),
    note: Note.optional(),
  })
  .strict();
export type Reference = z.infer<typeof Reference>;

/** A file of `kb/references/`: the reference list of one source. */
export const ReferencesFile = z.object({ source: Id, references: z.array(Reference).min(1) }).strict();
export type ReferencesFile = z.infer<typeof ReferencesFile>;

/** A reference as the knowledge base holds it: the entry and the source whose list it belongs to. */
export const SourceReference = Reference.extend({ source: Id });
export type SourceReference = z.infer<typeof SourceReference>;
