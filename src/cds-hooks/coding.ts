/**
 * Shared CDS Hooks data types: Coding, absolute URLs, FHIR ids and references, the reserved `extension` member.
 * @module
 */
import { z } from 'zod';

/** An absolute http(s) URL (CDS Hooks 2.0.1 requires absolute URLs for links, source.url, icon and fhirServer). */
export const AbsoluteUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

/** A FHIR logical id (FHIR R4 `id`: letters, digits, `-` and `.`, at most 64). */
export const FhirId = z
  .string()
  .regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id (letters, digits, "-" or ".", at most 64)');

/** A relative reference `ResourceType/id`. */
export const RelativeReference = z
  .string()
  .regex(/^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/, 'must be a relative reference "ResourceType/id"');

/**
 * CDS Hooks 2.0.1, §"Extensions": the reserved member `extension`, an object whose keys are reverse-domain names.
 * Accepted everywhere, never a reason to reject a request.
 */
export const Extension = z.record(z.string(), z.unknown());

/** CDS Hooks 2.0.1, §"Data Types" / "Coding": `code` and `system` required, `display` conditional. */
export const Coding = z.looseObject({
  code: z.string().min(1),
  system: z.string().min(1),
  display: z.string().min(1).optional(),
});
export type Coding = z.infer<typeof Coding>;

/** A FHIR resource as far as CDS Hooks cares: an object with a `resourceType` (other members are kept as sent). */
export const FhirResource = z.looseObject({
  resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/, 'must be a FHIR resource type'),
  id: z.string().min(1).optional(),
});
export type FhirResource = z.infer<typeof FhirResource>;

/**
 * For `.refine(…, { when: whenObject })`: run a cross-member rule even when other members failed, so that every
 * problem is reported at once (zod skips refinements of an invalid object by default). The rule must read only
 * what it checks, defensively.
 */
export const whenObject = (payload: { readonly value: unknown }): boolean =>
  payload.value !== null && typeof payload.value === 'object';
