/**
 * Calls to Frontline's REST API. Every answer is turned into a value (never thrown): the decision, or the list of
 * bad fields with their paths (REST error body or FHIR OperationOutcome), or a transport problem.
 * @module
 */
import type { ErrorBody, Kb, OperationOutcome, RecommendedDecision } from './contract.js';

export interface FieldProblem {
  /** Dotted path of the field (`age`, `mrd.value`, `highRiskGenetics.1`); "" for the whole body. */
  readonly path: string;
  readonly message: string;
}

export type RecommendResult =
  | { readonly ok: true; readonly decision: RecommendedDecision }
  | {
      readonly ok: false;
      readonly status: number;
      readonly message: string;
      readonly problems: readonly FieldProblem[];
    };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The bad fields of an error answer, whether REST error body or OperationOutcome. */
export function problemsOf(body: unknown): { message: string; problems: FieldProblem[] } {
  if (isObject(body) && body.resourceType === 'OperationOutcome' && Array.isArray(body.issue)) {
    const oo = body as unknown as OperationOutcome;
    const problems = oo.issue.map((i) => ({
      path: i.expression?.[0] ?? '',
      message: i.diagnostics ?? i.code,
    }));
    return { message: problems.map((p) => p.message).join('; '), problems };
  }
  if (isObject(body) && typeof body.message === 'string' && Array.isArray(body.errors)) {
    const eb = body as unknown as ErrorBody;
    return { message: eb.message, problems: eb.errors.map((e) => ({ path: e.path, message: e.message })) };
  }
  return { message: 'the server answered with an error', problems: [] };
}

/**
 * `POST /api/recommendations` with a profile (JSON) or a FHIR Bundle (sent as `application/fhir+json`).
 * @param signal - aborts a request superseded by a newer form state
 */
export async function recommend(
  body: unknown,
  fhir: boolean,
  signal?: AbortSignal,
): Promise<RecommendResult> {
  let res: Response;
  try {
    res = await fetch('/api/recommendations', {
      method: 'POST',
      headers: {
        'content-type': fhir ? 'application/fhir+json' : 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    return { ok: false, status: 0, message: 'the Frontline server cannot be reached', problems: [] };
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    return {
      ok: false,
      status: res.status,
      message: `the server answered ${res.status} without JSON`,
      problems: [],
    };
  }
  if (res.ok) {
    return { ok: true, decision: json as RecommendedDecision };
  }
  return { ok: false, status: res.status, ...problemsOf(json) };
}

interface Early {
  readonly promise: Promise<RecommendResult>;
  result?: RecommendResult;
}

const early = new Map<string, Early>();

/**
 * Starts the request for a profile before the first render (a shared link opened cold), so the server works while
 * the page loads; the view takes the answer once (`takeEarly`).
 */
export function recommendEarly(body: unknown): Promise<RecommendResult> {
  const key = JSON.stringify(body);
  const found = early.get(key);
  if (found !== undefined) {
    return found.promise;
  }
  const entry: Early = {
    promise: recommend(body, false).then((result) => {
      entry.result = result;
      return result;
    }),
  };
  early.set(key, entry);
  return entry.promise;
}

/** The early answer for this body: already there (`result`), or still coming (`promise`); once only. */
export function takeEarly(
  key: string,
): { promise: Promise<RecommendResult>; result?: RecommendResult } | undefined {
  const found = early.get(key);
  early.delete(key);
  return found === undefined
    ? undefined
    : found.result === undefined
      ? { promise: found.promise }
      : { promise: found.promise, result: found.result };
}

/** The early answer for this body if it has arrived, without taking it. */
export function peekEarly(key: string): RecommendResult | undefined {
  return early.get(key)?.result;
}

let kbPromise: Promise<Kb> | undefined;

async function fetchKb(): Promise<Kb> {
  const res = await fetch('/api/kb', { headers: { accept: 'application/json' } });
  if (!res.ok) {
    throw new Error(`GET /api/kb answered ${res.status}`);
  }
  return (await res.json()) as Kb;
}

/** The whole knowledge base (`GET /api/kb`), fetched once per page load (again after a failure). */
export function loadKb(): Promise<Kb> {
  kbPromise ??= fetchKb().catch((error: unknown) => {
    kbPromise = undefined;
    throw error;
  });
  return kbPromise;
}

/** `GET /api/health`: the knowledge-base version the server runs, for the page footer. */
export async function kbVersion(): Promise<string | undefined> {
  try {
    const res = await fetch('/api/health', { headers: { accept: 'application/json' } });
    const body = (await res.json()) as { kbVersion?: unknown };
    return typeof body.kbVersion === 'string' ? body.kbVersion : undefined;
  } catch {
    return undefined;
  }
}
