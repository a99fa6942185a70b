// CDS Hooks requests built from the FHIR example bundles: each resource goes to the prefetch key its template
// would return it under (patient → the Patient; conditions, observations, medications → searchset Bundles).
import { randomUUID } from 'node:crypto';

type Json = Record<string, unknown>;

const KEY_OF: Record<string, string> = {
  Condition: 'conditions',
  Observation: 'observations',
  MedicationRequest: 'medications',
};

export function resourcesOf(bundle: unknown): Json[] {
  const entries = ((bundle as Json).entry ?? []) as { resource?: Json }[];
  return entries.flatMap((e) => (e.resource === undefined ? [] : [e.resource]));
}

export function searchset(resources: readonly Json[]): Json {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource })),
  };
}

/** The prefetch a client would send for this bundle's patient. */
export function prefetchFromBundle(bundle: unknown): Json {
  const resources = resourcesOf(bundle);
  const patient = resources.find((r) => r.resourceType === 'Patient') ?? null;
  const out: Json = { patient };
  for (const key of ['conditions', 'observations', 'medications']) {
    out[key] = searchset(resources.filter((r) => KEY_OF[String(r.resourceType)] === key));
  }
  return out;
}

export function patientIdOf(bundle: unknown): string {
  const patient = resourcesOf(bundle).find((r) => r.resourceType === 'Patient');
  return typeof patient?.id === 'string' ? patient.id : 'example';
}

/** A patient-view request with prefetch for the bundle. */
export function patientViewRequest(bundle: unknown, extra: Json = {}): Json {
  return {
    hook: 'patient-view',
    hookInstance: randomUUID(),
    context: { userId: 'Practitioner/example', patientId: patientIdOf(bundle) },
    prefetch: prefetchFromBundle(bundle),
    ...extra,
  };
}
