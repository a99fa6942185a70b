/**
 * A decision read from a FHIR record elsewhere in the app (the SMART launch), handed to the patient view: the view
 * shows it, with what the mapping found, as it shows a dropped Bundle file. Taken once.
 * @module
 */
import type { RecommendedDecision } from '../contract.js';

export interface Handover {
  readonly decision: RecommendedDecision;
  /** Where the record came from, for the findings heading ("the EHR (https://fhir.example/r4)"). */
  readonly source: string;
  /** The option to open (the CDS card's appContext). */
  readonly option?: string | undefined;
  /** Things the clinician should know about the launch (an appContext that could not be read). */
  readonly notices: readonly string[];
}

let pending: Handover | undefined;

/** Leaves a decision for the patient view, which takes it on its next first render. */
export function handOver(h: Handover): void {
  pending = h;
}

/** The decision handed over, once. */
export function takeHandover(): Handover | undefined {
  const h = pending;
  pending = undefined;
  return h;
}
