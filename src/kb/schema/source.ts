/**
 * A source text. Every quote in the knowledge base is checked against one of these.
 * @module
 */
import { z } from 'zod';
import { Id } from './common.js';

export const Source = z
  .object({
    id: Id,
    title: z.string().min(1),
    authors: z.array(z.string().min(1)).min(1),
    citation: z.string().min(1).describe('how to cite the source'),
    edition: z.string().min(1).describe('version or edition of the text the quotes were checked against'),
    year: z.number().int(),
    accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    licence: z.string().min(1),
    textFile: z
      .string()
      .min(1)
      .describe('file name of the full text; the text itself is not redistributed with the knowledge base'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a hex SHA-256')
      .describe('hash of the full text the quotes were proven against'),
    referenceCount: z.number().int().positive().describe('number of entries in the source reference list'),
    primary: z.boolean().optional().describe('the default source of facts that name none'),
  })
  .strict();
export type Source = z.infer<typeof Source>;
