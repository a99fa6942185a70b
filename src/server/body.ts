/**
 * Reading a JSON request body: JSON media types only (415 otherwise), a body cut short by the client (400, not an
 * unhandled error), nesting deeper than `MAX_JSON_DEPTH` (400, found by a linear scan before parsing), syntax
 * errors named (400); never thrown. The size limit (413) is enforced before, by the body-limit middleware.
 * @module
 */
import type { Context } from 'hono';
import { MAX_JSON_DEPTH, tooDeep } from './json-depth.js';
import { problem, type Reply } from './reply.js';

const JSON_TYPE = /^application\/(fhir\+)?json\s*(;|$)/i;

/** A parsed JSON body, or the reply that refuses it. */
export type Body =
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly reply: Reply };

/**
 * Reads the body as JSON.
 * @param fhir - whether errors are answered as OperationOutcome
 */
export async function readJson(c: Context, fhir: boolean): Promise<Body> {
  const type = c.req.header('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    return {
      ok: false,
      reply: problem(
        'request.media-type',
        `the body must be JSON (Content-Type: application/json or application/fhir+json), not "${type.slice(0, 60) || 'none'}"`,
        fhir,
      ),
    };
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    // The client closed the connection before sending the whole body (fewer bytes than Content-Length).
    return {
      ok: false,
      reply: problem('request.invalid', 'the body ended before it was complete; send it again', fhir, ''),
    };
  }
  const deep = tooDeep(text);
  if (deep !== undefined) {
    const where = deep.member === '' ? 'the body' : `member ${JSON.stringify(deep.member.slice(0, 60))}`;
    return {
      ok: false,
      reply: problem(
        'request.invalid',
        `${where} nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`,
        fhir,
        deep.member,
      ),
    };
  }
  if (text.trim() === '') {
    return {
      ok: false,
      reply: problem('request.invalid', 'the body is empty; send a JSON object', fhir, ''),
    };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    const at = error instanceof SyntaxError ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    return {
      ok: false,
      reply: problem(
        'request.invalid',
        `the body is not valid JSON${at === undefined ? '' : ` (at character ${at})`}`,
        fhir,
        '',
      ),
    };
  }
}
