/**
 * Frontline's CDS Services: the discovery data and the prefetch templates, next to nothing else.
 * @module
 */
import type { CdsService, DiscoveryResponse } from './discovery.js';

/**
 * Prefetch templates in FHIR R4 search syntax (CDS Hooks 2.0.1, §"Prefetch Template"; recommended query subset:
 * instance read, type search with a reference parameter, `_sort`, `_count`). Not the spec's examples, which use
 * non-R4 syntax (`sort:desc=date`, Condition `status`). No `clinical-status=active` on Condition, because a patient
 * in remission has `clinicalStatus` remission and must still be seen; no Observation `category`, because the ALL
 * risk assessment is `exam` and the disease status has none (mCODE STU4 examples).
 */
export const PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  observations: 'Observation?patient={{context.patientId}}&_sort=-date&_count=200',
  medications: 'MedicationRequest?patient={{context.patientId}}',
} as const;

/** A prefetch key of the Frontline services. */
export type PrefetchKey = keyof typeof PREFETCH;

/** Keys without which no decision can be made: absent and not fetchable → 412. `medications` is best effort. */
export const REQUIRED_PREFETCH: readonly PrefetchKey[] = ['patient', 'conditions', 'observations'];

/** A Frontline CDS Service. */
export interface ServiceDefinition extends CdsService {
  readonly id: string;
  readonly hook: 'patient-view' | 'order-select' | 'order-sign';
  readonly title: string;
  readonly description: string;
  readonly prefetch: Readonly<Record<PrefetchKey, string>>;
}

const NOTICE = 'Decision support, not a substitute for clinical judgment.';

/** The services, in discovery order. */
export const SERVICES: readonly ServiceDefinition[] = [
  {
    id: 'frontline-all',
    hook: 'patient-view',
    title: 'Frontline: immunotherapy options for acute lymphoblastic leukemia',
    description: `For a patient with ALL, the immunotherapy options that Dias & Litzow's review supports in frontline therapy, with strength, key numbers, verbatim evidence, risks, open trials, and the facts still unknown. ${NOTICE}`,
    prefetch: PREFETCH,
  },
  {
    id: 'frontline-all-order-select',
    hook: 'order-select',
    title: 'Frontline: check a drafted ALL immunotherapy order against the review',
    description: `When an immunotherapy agent named in Dias & Litzow's review (by name, brand, abbreviation or RxNorm code) is selected in a draft order, shows what the review says of that agent for this patient. ${NOTICE}`,
    prefetch: PREFETCH,
  },
  {
    id: 'frontline-all-order-sign',
    hook: 'order-sign',
    title: 'Frontline: check ALL immunotherapy orders against the review before signing',
    description: `Before draft orders are signed, checks each immunotherapy agent named in Dias & Litzow's review against the review for this patient: critical when the review does not recommend it or the blasts lack its target. ${NOTICE}`,
    prefetch: PREFETCH,
  },
];

/** The discovery document (CDS Hooks 2.0.1, §"Discovery"). */
export function discovery(): DiscoveryResponse {
  return {
    services: SERVICES.map((s) => ({
      hook: s.hook,
      title: s.title,
      description: s.description,
      id: s.id,
      prefetch: { ...s.prefetch },
    })),
  };
}

/** The service with this id, if any. */
export function findService(id: string): ServiceDefinition | undefined {
  return SERVICES.find((s) => s.id === id);
}
