/**
 * CDS Hooks 2.0.1 prefetch (§Prefetch Template; NOTES.md §4) → Frontline profile. Each key's value is a resource
 * (a read, e.g. `patient`), a `searchset` Bundle (possibly empty, possibly with an OperationOutcome), `null` (the
 * client has no data: not an error) or absent (the client did not or could not fetch it).
 * @module
 */
import type { Issue } from '../issues/index.js';
import type { CodeMapping } from '../kb/index.js';
import { bundleEntries, type Located, locate } from './bundle.js';
import { isObject } from './json.js';
import { mapResources } from './map.js';
import type { FhirMapResult } from './result.js';

function readKey(key: string, value: unknown, issues: Issue[]): Located[] {
  if (value === null) {
    return [];
  }
  if (!isObject(value) || typeof value.resourceType !== 'string') {
    issues.push({
      code: 'fhir.invalid',
      severity: 'warning',
      path: key,
      message: `prefetch "${key}" must be a FHIR resource, a Bundle or null; it was skipped`,
    });
    return [];
  }
  if (value.resourceType === 'Bundle') {
    return bundleEntries(value, key, issues);
  }
  const found = locate(value, key, issues);
  return found === undefined ? [] : [found];
}

/**
 * Maps a CDS Hooks prefetch object to a Frontline profile input.
 *
 * @param prefetch - the request's `prefetch`: `patient` = a Patient resource or null; other keys = searchset
 *   Bundles (possibly empty or null, possibly carrying an OperationOutcome) or single resources
 * @param terminology - the code maps, `kb.terminology`
 * @returns as {@link mapBundle}; an absent `patient` key is a `fhir.prefetch-missing` warning (the service may
 *   fetch it, or answer 412), an OperationOutcome a `fhir.unmapped` warning
 * @example
 * const result = mapPrefetch(request.prefetch, kb.terminology);
 */
export function mapPrefetch(
  prefetch: Record<string, unknown>,
  terminology: readonly CodeMapping[],
): FhirMapResult {
  const issues: Issue[] = [];
  if (!isObject(prefetch)) {
    issues.push({
      code: 'fhir.invalid',
      severity: 'error',
      path: '',
      message: 'prefetch must be a JSON object',
    });
    return mapResources([], terminology, issues);
  }
  if (!('patient' in prefetch)) {
    issues.push({
      code: 'fhir.prefetch-missing',
      severity: 'warning',
      path: 'patient',
      message:
        'the prefetch has no "patient" key: the client did not or could not read the Patient, so age is unknown',
    });
  }
  const keys = ['patient', ...Object.keys(prefetch).filter((k) => k !== 'patient')];
  const located = keys.flatMap((key) => readKey(key, prefetch[key] ?? null, issues));
  return mapResources(located, terminology, issues);
}
