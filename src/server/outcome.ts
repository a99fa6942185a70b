/**
 * Issues → HTTP bodies: plain JSON for the REST API, a FHIR R4 OperationOutcome for FHIR-facing routes (CDS Hooks;
 * 3.0 asks for one on every non-2xx). Status codes come from the one status map, `statusOf` in `src/issues`.
 * @module
 */
import { ISSUE_CODES, type Issue, type IssueCode, statusOf } from '../issues/index.js';

/** FHIR R4 IssueType for each of our issue codes (exhaustive). */
const FHIR_ISSUE_TYPE: Readonly<Record<IssueCode, string>> = {
  'kb.read': 'exception',
  'kb.yaml': 'exception',
  'kb.schema': 'exception',
  'kb.duplicate-id': 'exception',
  'kb.dangling-ref': 'exception',
  'kb.ref-range': 'exception',
  'kb.quote-not-found': 'exception',
  'kb.number-not-in-quote': 'exception',
  'kb.source-missing': 'exception',
  'kb.source-hash': 'exception',
  'kb.strength': 'exception',
  'kb.unused': 'exception',
  'kb.rule-scope': 'exception',
  'kb.rule-strength': 'exception',
  'kb.class-risk': 'exception',
  'kb.population': 'exception',
  'kb.label': 'exception',
  'kb.fact-label': 'exception',
  'kb.derived': 'exception',
  'profile.invalid': 'invalid',
  'profile.unknown-key': 'invalid',
  'request.invalid': 'invalid',
  'request.not-found': 'not-found',
  'request.too-large': 'too-long',
  'request.media-type': 'not-supported',
  'request.misdirected': 'security',
  'fhir.invalid': 'invalid',
  'fhir.unmapped': 'not-supported',
  'fhir.conflict': 'business-rule',
  'fhir.prefetch-missing': 'processing',
  'auth.invalid': 'security',
  'feedback.unknown-card': 'not-found',
  'store.unavailable': 'transient',
  internal: 'exception',
};

/** The HTTP status of a list of issues: that of the first error (the handlers put the decisive one first). */
export function statusOfIssues(issues: readonly Issue[]): number {
  const first = issues.find((i) => i.severity === 'error') ?? issues[0];
  return first === undefined ? 500 : statusOf(first.code);
}

/** `a.b.0.c` → `a.b[0].c` (FHIRPath-like, for OperationOutcome.issue.expression). */
function fhirPath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** A FHIR R4 OperationOutcome resource. */
export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly {
    readonly severity: 'fatal' | 'error' | 'warning' | 'information';
    readonly code: string;
    readonly details: { readonly text: string };
    readonly diagnostics: string;
    readonly expression?: readonly string[];
  }[];
}

/** One OperationOutcome for all issues; `details.text` carries our stable issue code. */
export function toOperationOutcome(issues: readonly Issue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity,
      code: FHIR_ISSUE_TYPE[i.code],
      details: { text: i.code },
      diagnostics: i.message,
      ...(i.path === undefined || i.path === '' ? {} : { expression: [fhirPath(i.path)] }),
    })),
  };
}

/** The REST error body: the code, its summary, and every bad field with its path and message. */
export interface ErrorBody {
  readonly code: IssueCode;
  readonly message: string;
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

/** The REST error body for issues. */
export function toErrorBody(issues: readonly Issue[]): ErrorBody {
  const first = issues.find((i) => i.severity === 'error') ?? issues[0];
  const code: IssueCode = first?.code ?? 'internal';
  return {
    code,
    message: ISSUE_CODES[code].summary,
    errors: issues.map((i) => ({ path: i.path ?? '', message: i.message })),
  };
}
