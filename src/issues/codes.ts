/**
 * The registry of issue codes: stable identifiers, one place to review wording and HTTP status.
 * @module
 */

export const ISSUE_CODES = {
  'kb.read': { status: 500, summary: 'a knowledge-base file could not be read' },
  'kb.yaml': { status: 500, summary: 'a knowledge-base file is not valid YAML' },
  'kb.schema': { status: 500, summary: 'a knowledge-base file does not match its schema' },
  'kb.duplicate-id': { status: 500, summary: 'two entities share an id' },
  'kb.dangling-ref': { status: 500, summary: 'a cross-reference points at nothing' },
  'kb.ref-range': { status: 500, summary: 'a reference number is outside the source reference list' },
  'kb.quote-not-found': { status: 500, summary: 'a quote is not verbatim in the source text' },
  'kb.number-not-in-quote': { status: 500, summary: 'a number is not stated in its quote' },
  'kb.source-missing': { status: 500, summary: 'the source text could not be found' },
  'kb.source-hash': {
    status: 500,
    summary: 'the source text differs from the edition the quotes were proven against',
  },
  'kb.strength': {
    status: 500,
    summary: 'a rule strength is not backed by a statement of the required kind',
  },
  'kb.unused': { status: 500, summary: 'an entity is defined but never used' },
  'kb.rule-scope': {
    status: 500,
    summary:
      'a rule fires for patients outside the populations of its evidence, with no licensed extrapolation',
  },
  'kb.rule-strength': {
    status: 500,
    summary: 'a rule strength is not held, for some patients it fires for, by a source of the required kind',
  },
  'kb.class-risk': { status: 500, summary: 'an agent lacks a class risk its class must carry' },
  'kb.population': { status: 500, summary: 'a study population or age word is inconsistent' },
  'kb.label': {
    status: 500,
    summary:
      'two different conditions of one criterion share a label, so a clinician cannot tell which one failed',
  },
  'kb.fact-label': {
    status: 500,
    summary:
      'a fact of facts.yaml is labelled differently from its profile field, so the cards and the app would name one field two ways',
  },
  'kb.derived': {
    status: 500,
    summary:
      'a derived difference is asked of two arms the review does not report as significantly different',
  },
  'profile.invalid': { status: 400, summary: 'the patient profile is invalid' },
  'profile.unknown-key': {
    status: 400,
    summary: 'the patient profile has a key the contract does not define',
  },
  'request.invalid': { status: 400, summary: 'the request is invalid' },
  'request.not-found': { status: 404, summary: 'no such resource' },
  'request.too-large': { status: 413, summary: 'the request body is too large' },
  'request.media-type': { status: 415, summary: 'the request body must be JSON' },
  'request.misdirected': { status: 421, summary: 'the Host is not the public address of this server' },
  'fhir.invalid': { status: 400, summary: 'the FHIR payload is invalid' },
  'fhir.unmapped': { status: 200, summary: 'a FHIR resource could not be mapped to the profile' },
  'fhir.conflict': { status: 200, summary: 'two FHIR resources disagree' },
  'fhir.prefetch-missing': { status: 412, summary: 'the FHIR data needed could not be obtained' },
  'auth.invalid': { status: 401, summary: 'the request is not authorized' },
  'feedback.unknown-card': {
    status: 422,
    summary: 'the feedback names a card this service did not issue',
  },
  'store.unavailable': { status: 503, summary: 'the store could not record the data; retry later' },
  internal: { status: 500, summary: 'an internal error' },
} as const satisfies Record<string, { status: number; summary: string }>;

export type IssueCode = keyof typeof ISSUE_CODES;

/** The HTTP status for an issue code (exhaustive by construction). */
export function statusOf(code: IssueCode): number {
  return ISSUE_CODES[code].status;
}
