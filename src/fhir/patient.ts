/**
 * The patient the data is about: the Patient resource, and whether another resource refers to the same patient.
 * @module
 */
import type { Issue } from '../issues/index.js';
import type { Located } from './bundle.js';
import { obj, str } from './json.js';

/**
 * The first Patient; a second Patient with another id is reported (and its data is not mixed in, see
 * {@link belongsTo}).
 */
export function selectPatient(resources: readonly Located[], issues: Issue[]): Located | undefined {
  const patients = resources.filter((r) => r.type === 'Patient');
  const first = patients[0];
  for (const other of patients.slice(1)) {
    if (other.ref !== first?.ref) {
      issues.push({
        code: 'fhir.invalid',
        severity: 'warning',
        path: other.path,
        message: `more than one Patient: ${other.ref} is ignored and only ${first?.ref ?? 'the first'} is mapped`,
      });
    }
  }
  return first;
}

/** `Patient/<id>` from a reference such as `Patient/1`, `https://x/fhir/Patient/1/_history/2`; else undefined. */
function patientIdOf(reference: string): string | undefined {
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return m?.[1];
}

/** The reference from a resource to its patient (`subject`, or `patient` for some resource types). */
export function subjectReference(resource: Located): string | undefined {
  return (
    str(obj(resource.resource, 'subject'), 'reference') ?? str(obj(resource.resource, 'patient'), 'reference')
  );
}

/**
 * False when the resource's subject clearly names another patient than `patient` (another `Patient/<id>`, or
 * another `urn:` when the Patient is named by a `urn:` fullUrl). A missing or unresolvable subject is accepted.
 */
export function belongsTo(resource: Located, patient: Located | undefined): boolean {
  const reference = subjectReference(resource);
  if (patient === undefined || reference === undefined) {
    return true;
  }
  if (reference === patient.ref || reference === patient.fullUrl) {
    return true;
  }
  const id = patientIdOf(reference);
  const own = patient.id ?? (patient.fullUrl === undefined ? undefined : patientIdOf(patient.fullUrl));
  if (id !== undefined) {
    return own === undefined || id === own;
  }
  const urn = patient.fullUrl?.startsWith('urn:') === true && reference.startsWith('urn:');
  return !urn;
}

/** The resources about the selected patient; those whose subject is another patient are reported and dropped. */
export function forPatient(
  resources: readonly Located[],
  patient: Located | undefined,
  issues: Issue[],
): Located[] {
  return resources.filter((r) => {
    if (r.type === 'Patient' || belongsTo(r, patient)) {
      return true;
    }
    issues.push({
      code: 'fhir.invalid',
      severity: 'warning',
      path: `${r.path}.subject`,
      message: `${r.ref} is about another patient than ${patient?.ref ?? 'the Patient'}; it was not mapped`,
    });
    return false;
  });
}
