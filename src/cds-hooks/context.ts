/**
 * Hook contexts from the CDS Hooks Library 1.0.1 (the hooks `patient-view`, `order-select`, `order-sign`).
 * @module
 */
import { z } from 'zod';
import { FhirId, FhirResource, RelativeReference } from './coding.js';

const UserOfPatientView = z
  .string()
  .regex(
    /^(Practitioner|PractitionerRole|Patient|RelatedPerson)\/[A-Za-z0-9\-.]{1,64}$/,
    'must be "Practitioner/id", "PractitionerRole/id", "Patient/id" or "RelatedPerson/id"',
  );

const UserOfOrders = z
  .string()
  .regex(
    /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/,
    'must be "Practitioner/id" or "PractitionerRole/id"',
  );

/** CDS Hooks Library 1.0.1, `patient-view` (hookVersion 1.0), §"Context". `patientId` is a bare id. */
export const PatientViewContext = z.looseObject({
  userId: UserOfPatientView,
  patientId: FhirId,
  encounterId: FhirId.optional(),
});
export type PatientViewContext = z.infer<typeof PatientViewContext>;

/** A Bundle of draft orders (`context.draftOrders`); entries hold whole resources. */
export const DraftOrders = z.looseObject({
  resourceType: z.literal('Bundle', { error: 'draftOrders must be a FHIR Bundle' }),
  entry: z.array(z.looseObject({ resource: FhirResource })).optional(),
});
export type DraftOrders = z.infer<typeof DraftOrders>;

/** CDS Hooks Library 1.0.1, `order-select` (hookVersion 1.0), §"Context". */
export const OrderSelectContext = z.looseObject({
  userId: UserOfOrders,
  patientId: FhirId,
  encounterId: FhirId.optional(),
  selections: z.array(RelativeReference).min(1),
  draftOrders: DraftOrders,
});
export type OrderSelectContext = z.infer<typeof OrderSelectContext>;

/** CDS Hooks Library 1.0.1, `order-sign` (hookVersion 1.0), §"Context". Parsed, not served. */
export const OrderSignContext = z.looseObject({
  userId: UserOfOrders,
  patientId: FhirId,
  encounterId: FhirId.optional(),
  draftOrders: DraftOrders,
});
export type OrderSignContext = z.infer<typeof OrderSignContext>;
