/**
 * The shape of the shared use case (`src/api/recommend.ts`: profile or FHIR Bundle JSON → decision or field errors)
 * as CDS Hooks uses it. Declared here so CDS Hooks depends on the contract, and tests can pass a stand-in.
 * @module
 */
import type { CompiledKb, Decision } from '../engine/index.js';
import type { FieldError } from '../profile/index.js';

/** What the FHIR mapping could not map (read to tell "no ALL diagnosis" from "ALL without a lineage"). */
export interface FhirGaps {
  readonly missing: readonly { readonly field: string; readonly text: string; readonly resource?: string }[];
  readonly warnings: readonly { readonly code: string; readonly text: string }[];
  /** Whether the record holds an ALL diagnosis at all (the real mapping says; a stand-in may leave it out). */
  readonly allDiagnosis?: boolean;
}

/** The result of `recommend` as far as CDS Hooks reads it (the real one carries more of the FHIR summary). */
export type RecommendOutcome =
  | { readonly ok: true; readonly decision: Decision; readonly fhir?: FhirGaps | undefined }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly fhir?: FhirGaps | undefined };

/** `recommend(json, compiledKb)`. */
export type RecommendFn = (json: unknown, ckb: CompiledKb) => RecommendOutcome;
