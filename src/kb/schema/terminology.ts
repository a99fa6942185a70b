/**
 * Terminology: the small code maps the FHIR adapter uses to read profile facts from coded data (SNOMED CT,
 * ICD-10-CM, ICD-O-3, LOINC, RxNorm, NCIt). Data, not code: each entry names where the code was confirmed.
 * @module
 */
import { z } from 'zod';

export const CodeMapping = z
  .object({
    system: z.string().min(1).describe('code system URI, e.g. http://snomed.info/sct'),
    code: z.string().min(1),
    display: z.string().min(1),
    /** What the code says about the profile: a fact and the value it implies, or the fact an observation measures. */
    fact: z.string().min(1),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    confirmedIn: z.string().min(1).describe('where the code was confirmed (value set, IG file, terminology page)'),
    note: z.string().min(1).optional(),
  })
  .strict();
export type CodeMapping = z.infer<typeof CodeMapping>;

export const TerminologyFile = z
  .object({
    description: z.string().min(1),
    mappings: z.array(CodeMapping).min(1),
  })
  .strict();
export type TerminologyFile = z.infer<typeof TerminologyFile>;
