/**
 * The discovery document (`GET {base}/cds-services`).
 * @module
 */
import { z } from 'zod';
import { Extension } from './coding.js';

/** CDS Hooks 2.0.1, §"Discovery" → "Response": one CDS Service. */
export const CdsService = z.looseObject({
  hook: z.string().min(1),
  title: z.string().min(1).optional(),
  description: z.string().min(1),
  id: z.string().regex(/^[A-Za-z0-9\-._~]+$/, 'must be a URL path segment'),
  prefetch: z.record(z.string().min(1), z.string().min(1)).optional(),
  usageRequirements: z.string().min(1).optional(),
  extension: Extension.optional(),
});
export type CdsService = z.infer<typeof CdsService>;

/** CDS Hooks 2.0.1, §"Discovery" → "Response": `{ "services": [...] }`, possibly empty. */
export const DiscoveryResponse = z.looseObject({ services: z.array(CdsService) });
export type DiscoveryResponse = z.infer<typeof DiscoveryResponse>;
