/**
 * The shape of the shared use case (`src/api/recommend.ts`: profile or FHIR Bundle JSON → decision or field errors)
 * as CDS Hooks uses it. Declared here so CDS Hooks depends on the contract, and tests can pass a stand-in.
 * @module
 */
import type { CompiledKb, Decision } from '../engine/index.js';
import type { FieldError } from '../profile/index.js';

/** The result of `recommend` as far as CDS Hooks reads it (the real one carries more: the FHIR summary). */
/** What the FHIR mapping found, as far as CDS Hooks reads it. */
export interface FhirFound {
  /** Whether the record holds an ALL diagnosis at all (without one, the service has nothing to say). */
  readonly allDiagnosis: boolean;
}

export type RecommendOutcome =
  | { readonly ok: true; readonly decision: Decision; readonly fhir?: FhirFound }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly fhir?: FhirFound };

/** `recommend(json, compiledKb)`. */
export type RecommendFn = (json: unknown, ckb: CompiledKb) => RecommendOutcome;
