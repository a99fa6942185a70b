/**
 * Response bodies of the REST API that are not knowledge-base entities themselves.
 * @module
 */
import { z } from 'zod';
import { Agent, Study, Trial } from '../../kb/index.js';

/** `GET /api/health`. */
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  kbVersion: z.string(),
  store: z
    .enum(['ok', 'degraded', 'unavailable'])
    .describe(
      'degraded: the latest write failed (storeError says why); unavailable: the store cannot be reached',
    ),
  storeError: z.string().optional().describe("the store's last error, with the database's error code"),
  storeErrorSince: z.string().optional(),
  storeKind: z.enum(['sqlite', 'postgres']),
  jwt: z.enum(['on', 'off']).describe('whether CDS Hooks calls must carry a trusted JWT'),
});

/** `GET /api/studies`. */
export const StudiesResponse = z.object({
  kbVersion: z.string(),
  count: z.number().int(),
  studies: z.array(Study),
});
/** `GET /api/agents`. */
export const AgentsResponse = z.object({
  kbVersion: z.string(),
  count: z.number().int(),
  agents: z.array(Agent),
});
/** `GET /api/trials`. */
export const TrialsResponse = z.object({
  kbVersion: z.string(),
  count: z.number().int(),
  trials: z.array(Trial),
});

/** The answer to a feedback POST (CDS Hooks 2.0.1 leaves it unspecified). */
export const FeedbackAck = z.object({
  stored: z.number().int().describe('outcomes newly written'),
  duplicates: z.number().int().describe('outcomes already on record (feedback is idempotent)'),
});
