/**
 * Prior therapy from MedicationRequest, MedicationAdministration and MedicationStatement: the drug's RxNorm code
 * through the terminology, else the coding display or text, lower-cased.
 * @module
 */
import type { Located } from './bundle.js';
import { codingsOf, type Terminology } from './coding.js';
import { type JsonObject, obj, str } from './json.js';
import type { Candidate } from './pick.js';
import type { Accumulator } from './result.js';

/** Statuses (FHIR R4) meaning the drug was not given; such resources are skipped. */
const NOT_GIVEN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['MedicationRequest', new Set(['draft', 'cancelled', 'entered-in-error'])],
  ['MedicationAdministration', new Set(['not-done', 'entered-in-error'])],
  ['MedicationStatement', new Set(['not-taken', 'intended', 'entered-in-error'])],
]);

/** Request intents that are not orders (a proposal or plan is not therapy received). */
const NOT_ORDERS = new Set(['proposal', 'plan']);

/** True for the medication resource types this module reads. */
export function isMedication(at: Located): boolean {
  return NOT_GIVEN.has(at.type);
}

function given(at: Located): boolean {
  const status = str(at.resource, 'status');
  const intent = str(at.resource, 'intent');
  const skipped = NOT_GIVEN.get(at.type);
  return (
    !(status !== undefined && skipped?.has(status) === true) &&
    !(intent !== undefined && NOT_ORDERS.has(intent))
  );
}

/** The drug's CodeableConcept: `medicationCodeableConcept`, or the `code` of the referenced Medication. */
function medicationConcept(
  at: Located,
  resolve: (reference: string) => Located | undefined,
): JsonObject | undefined {
  const direct = obj(at.resource, 'medicationCodeableConcept');
  if (direct !== undefined) {
    return direct;
  }
  const reference = str(obj(at.resource, 'medicationReference'), 'reference');
  const medication = reference === undefined ? undefined : resolve(reference);
  return medication?.type === 'Medication' ? obj(medication.resource, 'code') : undefined;
}

/** The generic name: RxNorm via the terminology, else the first display, else the text; lower-cased. */
function genericName(cc: JsonObject, term: Terminology): string | undefined {
  const mapped = term.lookupConcept('medication', cc)[0];
  if (mapped !== undefined) {
    return mapped.value;
  }
  const display = codingsOf(cc).find((c) => c.display !== undefined)?.display ?? str(cc, 'text');
  const name = display?.trim().toLowerCase();
  return name === undefined || name === '' ? undefined : name;
}

/**
 * One drug name from a medication resource, or a missing entry when it names no drug.
 *
 * @param at - a MedicationRequest / MedicationAdministration / MedicationStatement
 * @param term - the terminology
 * @param resolve - finds a referenced resource (for `medicationReference`)
 * @param acc - receives missing entries
 */
export function therapyOf(
  at: Located,
  term: Terminology,
  resolve: (reference: string) => Located | undefined,
  acc: Accumulator,
): Candidate<string> | undefined {
  if (!given(at)) {
    return undefined;
  }
  const cc = medicationConcept(at, resolve);
  const name = cc === undefined ? undefined : genericName(cc, term);
  if (name === undefined) {
    acc.miss(
      'priorTherapy',
      `${at.ref} names no drug (no RxNorm code, display or text, or an unresolved Medication)`,
      at.ref,
    );
    return undefined;
  }
  return { value: name, ref: at.ref };
}

/**
 * Maps `priorTherapy`: the distinct drug names, in input order, of the medication resources given.
 *
 * @param resources - all resources about the patient (Medication resources resolve `medicationReference`)
 * @param term - the terminology
 * @param acc - receives the field and missing entries
 */
export function mapPriorTherapy(resources: readonly Located[], term: Terminology, acc: Accumulator): void {
  const index = new Map<string, Located>();
  for (const r of resources) {
    index.set(r.ref, r);
    if (r.fullUrl !== undefined) {
      index.set(r.fullUrl, r);
    }
  }
  const resolve = (reference: string): Located | undefined => index.get(reference);
  const drugs = resources
    .filter(isMedication)
    .map((r) => therapyOf(r, term, resolve, acc))
    .filter((d): d is Candidate<string> => d !== undefined);
  if (drugs.length > 0) {
    acc.set(
      'priorTherapy',
      [...new Set(drugs.map((d) => d.value))],
      drugs.map((d) => d.ref),
    );
  }
}
