/**
 * The shapes the web app receives from the REST API, imported as types only from the engine, the profile and the
 * knowledge-base schemas, so the web renders exactly what the server returns (STYLE P4) and a renamed field breaks
 * the web build. This is the only file of the web app that reaches into `src/`. Values come with the types:
 * `printedIn`, the knowledge base's own pure helper (no imports) that prints a number as the review prints it
 * ("0.70", not "0.7"), so the web app shows the same digits as the CLI and the cards; the profile's label table; and
 * `sponsorText`, a trial's sponsor in the same words as the CLI.
 * @module
 */
export type { FhirSummary, RecommendedDecision } from '../../src/api/recommend.js';
export type {
  Decision,
  DerivedComparison,
  EvidenceItem,
  KeyNumber,
  Missing,
  Option,
  OptionWarning,
  PatientWarning,
  StatementRef,
  TraceNode,
  Verdict,
} from '../../src/engine/index.js';
export type {
  Agent,
  Comparison,
  Criterion,
  FactInfo,
  Kb,
  Operator,
  Outcome,
  Rule,
  Source,
  SourceReference,
  Statement,
  StatementKind,
  Strength,
  Study,
  Trial,
} from '../../src/kb/core.js';
export type { Profile, ProfileInput } from '../../src/profile/schema.js';

/** The REST error body (`src/server/schemas/errors.ts`): every bad field with its dotted path. */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

/** A FHIR R4 OperationOutcome, as the API answers errors for a FHIR Bundle. */
export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly {
    readonly severity: string;
    readonly code: string;
    readonly diagnostics?: string;
    readonly expression?: readonly string[];
  }[];
}

export type { FrontlineAppContext } from '../../src/cds-hooks/smart-link.js';
export { printedIn } from '../../src/kb/check/text.js';
export { sponsorText } from '../../src/kb/trial-text.js';
export { fieldLabel, labelFieldsIn, valueLabel } from '../../src/profile/labels.js';
export type { SmartLaunchResponse } from '../../src/server/schemas/smart-launch.js';
