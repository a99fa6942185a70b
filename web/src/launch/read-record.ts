/**
 * Reads the launched patient's record from the EHR's FHIR server (through the SMART client) into one `collection`
 * Bundle, the input the FHIR mapping takes (`POST /api/recommendations`, as the FHIR drop box sends a file):
 * the Patient, and their Conditions, Observations and MedicationRequests (every page). The mapping, not this
 * file, decides what each resource says; nothing is inferred here.
 * @module
 */
import { fhirReadProblem, type LaunchProblem, withBody } from './launch-problem.js';

/** What this file needs of the SMART client (fhirclient's `Client`), so tests can give a fake. */
export interface FhirSource {
  /** The patient of the launch context. */
  readonly patientId: string | undefined;
  /** One read or search; a search resolves to the resources of every page. */
  read(url: string, search: boolean): Promise<unknown>;
}

type Resource = Record<string, unknown> & { readonly resourceType: string };

function isResource(v: unknown): v is Resource {
  return (
    v !== null && typeof v === 'object' && typeof (v as { resourceType?: unknown }).resourceType === 'string'
  );
}

/** The searches, in the order they are reported; the Patient comes first. */
export function searchesFor(patientId: string): readonly string[] {
  const p = encodeURIComponent(patientId);
  return [`Condition?patient=${p}`, `Observation?patient=${p}&_count=200`, `MedicationRequest?patient=${p}`];
}

/**
 * The record as a Bundle, or the first read that failed.
 * @param source - the SMART client
 */
export async function readRecord(
  source: FhirSource,
): Promise<{ ok: true; bundle: Resource } | { ok: false; problem: LaunchProblem }> {
  const id = source.patientId;
  if (id === undefined || id === '') {
    return {
      ok: false,
      problem: {
        step: 'token',
        title: 'The launch names no patient',
        detail:
          'The token response has no "patient" (launch context): open Frontline from a patient’s chart, and check that the EHR grants the "launch" scope.',
      },
    };
  }
  const reads = [`Patient/${encodeURIComponent(id)}`, ...searchesFor(id)];
  const results = await Promise.allSettled(reads.map((url, i) => source.read(url, i > 0)));
  const resources: Resource[] = [];
  for (const [i, result] of results.entries()) {
    const url = reads[i] ?? '';
    if (result.status === 'rejected') {
      return { ok: false, problem: fhirReadProblem(url, await withBody(result.reason)) };
    }
    const found = i === 0 ? [result.value] : result.value;
    if (!Array.isArray(found) || !found.every(isResource)) {
      return {
        ok: false,
        problem: fhirReadProblem(url, new Error('the answer is not FHIR resources')),
      };
    }
    // A search may answer an OperationOutcome among the matches (warnings); only the record's resources go on.
    resources.push(...found.filter((r) => r.resourceType !== 'OperationOutcome'));
  }
  return {
    ok: true,
    bundle: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: resources.map((resource) => ({ resource })),
    },
  };
}
