/**
 * The one writer (P5): handlers return a `Reply`; only `send` turns it into an HTTP response. Nothing else in the
 * server writes a body, so no route can answer twice or leak an exception.
 * @module
 */
import type { Context } from 'hono';
import type { Issue } from '../issues/index.js';
import { statusOfIssues, toErrorBody, toOperationOutcome } from './outcome.js';

/** What a handler answers: a JSON body with its status, or issues (status from the status map). */
export type Reply =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown; readonly fhir?: boolean }
  | { readonly kind: 'issues'; readonly issues: readonly Issue[]; readonly fhir: boolean };

/** The `Retry-After` of a 503 answer, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** A JSON reply. */
export function json(body: unknown, status = 200): Reply {
  return { kind: 'json', status, body };
}

/** An error reply; `fhir` = answer a FHIR OperationOutcome instead of the REST error body. */
export function issues(list: readonly Issue[], fhir: boolean): Reply {
  return { kind: 'issues', issues: list, fhir };
}

/** One issue as an error reply. */
export function problem(code: Issue['code'], message: string, fhir: boolean, path?: string): Reply {
  return issues([{ code, severity: 'error', message, ...(path === undefined ? {} : { path }) }], fhir);
}

/**
 * Responses written by `send`: they already carry the headers middleware prepared before the handler ran, so the
 * middleware need not touch them afterwards (touching a finished response makes the server copy its body).
 */
const SENT = new WeakSet<Response>();

/** True when `send` wrote this response. */
export function wasSent(res: Response): boolean {
  return SENT.has(res);
}

/** Writes a reply. */
export function send(c: Context, reply: Reply): Response {
  const res = write(c, reply);
  SENT.add(res);
  return res;
}

function write(c: Context, reply: Reply): Response {
  if (reply.kind === 'json') {
    const type =
      reply.fhir === true ? 'application/fhir+json; charset=utf-8' : 'application/json; charset=utf-8';
    return c.body(JSON.stringify(reply.body), reply.status as 200, { 'Content-Type': type });
  }
  const status = statusOfIssues(reply.issues);
  // 503 is always transient here (the store): say when to retry.
  const retry: Record<string, string> = status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {};
  if (reply.fhir) {
    return c.body(JSON.stringify(toOperationOutcome(reply.issues)), status as 400, {
      'Content-Type': 'application/fhir+json; charset=utf-8',
      ...retry,
    });
  }
  return c.body(JSON.stringify(toErrorBody(reply.issues)), status as 400, {
    'Content-Type': 'application/json; charset=utf-8',
    ...retry,
  });
}
