/**
 * A CDS Service call, transport-free: the parsed body in, cards (or issues with their status codes) out. The
 * server only reads the body, writes the answer and records the audit row.
 * @module
 */
import type { CompiledKb, Decision } from '../engine/index.js';
import type { Issue } from '../issues/index.js';
import type { FieldError } from '../profile/index.js';
import type { CdsResponse } from './card.js';
import { type CardContext, decisionCards, type RenderedCard } from './cards.js';
import { fieldErrors } from './field-errors.js';
import { gather, type OpenFhir } from './gather.js';
import { orderCards } from './order-cards.js';
import { collectionBundle } from './prefetch.js';
import type { FhirGaps, RecommendFn } from './recommend-port.js';
import { OrderSelectRequest, OrderSignRequest, PatientViewRequest } from './request.js';
import type { ServiceDefinition } from './services.js';

/** What a call needs from its surroundings. */
export interface CallDeps {
  readonly kb: CompiledKb;
  readonly recommend: RecommendFn;
  readonly cards: CardContext;
  /** How to reach a client's FHIR server; absent = never fetch (missing prefetch → 412). */
  readonly openFhir?: OpenFhir | undefined;
  /** The deadline over all of one call's FHIR reads (default `DEFAULT_FHIR_DEADLINE_MS`). */
  readonly fhirDeadlineMs?: number | undefined;
}

/** `cards`: a decision was made; `not-applicable`: no ALL diagnosis in the record; `unreadable`: bad clinical data. */
export type CallOutcome = 'cards' | 'not-applicable' | 'unreadable';

/** The answer to a call: the response with what the audit records, or the issues (status from the status map). */
export type CallResult =
  | {
      readonly ok: true;
      readonly response: CdsResponse;
      readonly rendered: readonly RenderedCard[];
      readonly outcome: CallOutcome;
      /** Option ids of the decision (applicable options), in order; empty without a decision. */
      readonly optionIds: readonly string[];
      readonly hookInstance: string;
      readonly fetched: boolean;
    }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly hookInstance?: string };

function invalid(errors: readonly FieldError[]): { ok: false; issues: Issue[] } {
  return {
    ok: false,
    issues: errors.map((e) => ({
      code: 'request.invalid',
      severity: 'error',
      path: e.path,
      message: e.message,
    })),
  };
}

type HookRequest = PatientViewRequest | OrderSelectRequest | OrderSignRequest;

const SCHEMAS = {
  'patient-view': PatientViewRequest,
  'order-select': OrderSelectRequest,
  'order-sign': OrderSignRequest,
} as const;

type Parsed =
  | { readonly ok: true; readonly request: HookRequest }
  | { readonly ok: false; readonly issues: Issue[] };

function parseRequest(service: ServiceDefinition, body: unknown): Parsed {
  const hook = body !== null && typeof body === 'object' ? (body as { hook?: unknown }).hook : undefined;
  if (typeof hook === 'string' && hook !== service.hook) {
    return invalid([
      { path: 'hook', message: `service "${service.id}" answers the ${service.hook} hook, not ${hook}` },
    ]);
  }
  const parsed = SCHEMAS[service.hook].safeParse(body);
  return parsed.success ? { ok: true, request: parsed.data } : invalid(fieldErrors(parsed.error, body));
}

/**
 * True when the FHIR mapping found no ALL Condition at all: lineage is missing without naming a Condition, and no
 * ALL codes disagree on it. An ALL Condition that names no lineage (ICD-10-CM C91.00) is not this case: it gets
 * cards that say what is missing (never silent).
 */
function noAllDiagnosis(fhir: FhirGaps | undefined): boolean {
  if (fhir?.allDiagnosis !== undefined) {
    return !fhir.allDiagnosis;
  }
  const lineage = fhir?.missing.find((m) => m.field === 'lineage');
  return (
    lineage !== undefined &&
    lineage.resource === undefined &&
    !(fhir?.warnings.some((w) => w.code === 'fhir.conflict' && w.text.includes('lineage')) ?? false)
  );
}

/** A card telling the clinician the record could not be read, naming the fields (never the values). */
function unreadableCards(errors: readonly FieldError[], deps: CallDeps): RenderedCard[] {
  const lines = errors.slice(0, 10).map((e) => `- ${e.path === '' ? '(record)' : e.path}: ${e.message}`);
  return [
    {
      kind: 'data',
      subject: 'unreadable',
      card: {
        uuid: deps.cards.newId(),
        summary: 'Frontline could not read this patient record well enough to evaluate the options',
        detail: ['The FHIR data could not be turned into a patient profile:', '', ...lines].join('\n'),
        indicator: 'info',
        source: { label: 'Frontline' },
      },
    },
  ];
}

function render(request: HookRequest, decision: Decision, deps: CallDeps): RenderedCard[] {
  const ctx = { ...deps.cards, patientId: request.context.patientId };
  switch (request.hook) {
    case 'patient-view':
      return decisionCards(decision, deps.kb.kb, ctx);
    case 'order-select':
      return orderCards(
        'order-select',
        request.context.draftOrders,
        request.context.selections,
        decision,
        deps.kb.kb,
        ctx,
      );
    case 'order-sign':
      return orderCards('order-sign', request.context.draftOrders, undefined, decision, deps.kb.kb, ctx);
  }
}

function answer(
  request: HookRequest,
  rendered: RenderedCard[],
  outcome: CallOutcome,
  optionIds: readonly string[],
  fetched: boolean,
): CallResult {
  return {
    ok: true,
    response: { cards: rendered.map((r) => r.card) },
    rendered,
    outcome,
    optionIds,
    hookInstance: request.hookInstance,
    fetched,
  };
}

/**
 * Answers one call of a Frontline service.
 * @param service - the service called (from `findService`)
 * @param body - the parsed JSON body
 * @param deps - knowledge base, the shared `recommend`, card context, FHIR access
 */
export async function callService(
  service: ServiceDefinition,
  body: unknown,
  deps: CallDeps,
): Promise<CallResult> {
  const parsed = parseRequest(service, body);
  if (!parsed.ok) {
    return parsed;
  }
  const request = parsed.request;
  const gathered = await gather(service, request, deps.openFhir, { deadlineMs: deps.fhirDeadlineMs });
  if (!gathered.ok) {
    return { ok: false, issues: gathered.issues, hookInstance: request.hookInstance };
  }
  const result = deps.recommend(collectionBundle(gathered.slots.values()), deps.kb);
  if (noAllDiagnosis(result.fhir)) {
    // The record holds no ALL diagnosis: this service has nothing to say (an empty answer, not an error).
    return answer(request, [], 'not-applicable', [], gathered.fetched);
  }
  if (!result.ok) {
    return answer(request, unreadableCards(result.errors, deps), 'unreadable', [], gathered.fetched);
  }
  const ids = result.decision.options.map((o) => o.id);
  return answer(request, render(request, result.decision, deps), 'cards', ids, gathered.fetched);
}
