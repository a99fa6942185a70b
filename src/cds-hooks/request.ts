/**
 * The body of a CDS Service call (`POST {base}/cds-services/{id}`).
 * @module
 */
import { z } from 'zod';
import { AbsoluteUrl, Extension, whenObject } from './coding.js';
import { OrderSelectContext, OrderSignContext, PatientViewContext } from './context.js';

/** CDS Hooks 2.0.1, §"Passing the Access Token to the CDS Service": the `fhirAuthorization` object. */
export const FhirAuthorization = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer', { error: 'token_type must be "Bearer"' }),
  expires_in: z.number().int().nonnegative(),
  scope: z.string().min(1),
  subject: z.string().min(1),
  patient: z.string().min(1).optional(),
});
export type FhirAuthorization = z.infer<typeof FhirAuthorization>;

/**
 * CDS Hooks 2.0.1, §"Prefetch Template": key → the resource (or searchset Bundle) the template returned, or `null`
 * when the client has no data. Values are checked by the keys a service reads (see `readPrefetch`); keys it does not
 * read are tolerated whatever they hold.
 */
export const Prefetch = z.record(z.string(), z.unknown());
export type Prefetch = z.infer<typeof Prefetch>;

const base = {
  hook: z.string().min(1),
  hookInstance: z.guid('hookInstance must be a UUID'),
  fhirServer: AbsoluteUrl.optional(),
  fhirAuthorization: FhirAuthorization.optional(),
  prefetch: Prefetch.optional(),
  extension: Extension.optional(),
};

/** invariant cds-r-1: `fhirAuthorization.exists() implies fhirServer.exists()`. */
function fhirServerWithAuthorization(r: { fhirAuthorization?: unknown; fhirServer?: unknown }): boolean {
  return r.fhirAuthorization === undefined || r.fhirServer !== undefined;
}
const cdsR1 = {
  message: 'fhirServer is required when fhirAuthorization is given',
  path: ['fhirServer'],
  when: whenObject,
};

/** CDS Hooks 2.0.1, §"Calling a CDS Service" → "HTTP Request": any hook, any context object. */
export const CdsServiceRequest = z
  .looseObject({ ...base, context: z.record(z.string(), z.unknown()) })
  .refine(fhirServerWithAuthorization, cdsR1);
export type CdsServiceRequest = z.infer<typeof CdsServiceRequest>;

/** CDS Hooks 2.0.1, §"Calling a CDS Service", with the `patient-view` context (CDS Hooks Library 1.0.1). */
export const PatientViewRequest = z
  .looseObject({ ...base, hook: z.literal('patient-view'), context: PatientViewContext })
  .refine(fhirServerWithAuthorization, cdsR1);
export type PatientViewRequest = z.infer<typeof PatientViewRequest>;

/** CDS Hooks 2.0.1, §"Calling a CDS Service", with the `order-select` context (CDS Hooks Library 1.0.1). */
export const OrderSelectRequest = z
  .looseObject({ ...base, hook: z.literal('order-select'), context: OrderSelectContext })
  .refine(fhirServerWithAuthorization, cdsR1);
export type OrderSelectRequest = z.infer<typeof OrderSelectRequest>;

/** CDS Hooks 2.0.1, §"Calling a CDS Service", with the `order-sign` context (CDS Hooks Library 1.0.1). */
export const OrderSignRequest = z
  .looseObject({ ...base, hook: z.literal('order-sign'), context: OrderSignContext })
  .refine(fhirServerWithAuthorization, cdsR1);
export type OrderSignRequest = z.infer<typeof OrderSignRequest>;
