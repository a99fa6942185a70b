/**
 * Error bodies as zod schemas (for the OpenAPI document; the types in `../outcome.ts` must fit them).
 * @module
 */
import { z } from 'zod';
import { ISSUE_CODES, type IssueCode } from '../../issues/index.js';

const codes = Object.keys(ISSUE_CODES) as [IssueCode, ...IssueCode[]];

/** The REST error body: every bad field with its path and message. */
export const ErrorBody = z.object({
  code: z.enum(codes).describe('stable issue code'),
  message: z.string().describe('what the code means'),
  errors: z
    .array(
      z.object({
        path: z.string().describe('dotted path of the field, "" for the whole body'),
        message: z.string(),
      }),
    )
    .describe('every problem found, not only the first'),
});

/** A FHIR R4 OperationOutcome, as FHIR-facing routes answer errors. */
export const OperationOutcome = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z
    .array(
      z.object({
        severity: z.enum(['fatal', 'error', 'warning', 'information']),
        code: z.string().describe('FHIR IssueType'),
        details: z.object({ text: z.string().describe('Frontline issue code') }),
        diagnostics: z.string(),
        expression: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});
