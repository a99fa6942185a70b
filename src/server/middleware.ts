/**
 * Cross-cutting middleware: the request log line, the body size limit, CORS and the JWT guard for CDS Hooks.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { JwtVerifier } from './auth/jwt.js';
import type { Env } from './context.js';
import type { Logger } from './log.js';
import { problem, send, wasSent } from './reply.js';

/** Paths that speak FHIR / CDS Hooks (errors as OperationOutcome, CORS, JWT). */
export const CDS_PATH = /^\/cds-services(\/|$)/;

/** One JSON line per request: method, route pattern, status, latency. Never the body, the query or headers. */
export function requestLog(log: Logger): MiddlewareHandler<Env> {
  return async (c, next) => {
    const t0 = performance.now();
    await next();
    log({
      msg: 'request',
      method: c.req.method,
      route: c.get('route') ?? 'unmatched',
      status: c.res.status,
      ms: Number((performance.now() - t0).toFixed(3)),
    });
  };
}

/**
 * 413 for bodies over `maxBytes`. A body with a Content-Length (and no Transfer-Encoding) is judged by that header
 * alone: the HTTP parser frames the body by it, so no more bytes can arrive, and the body is then read once, by the
 * handler, straight from the socket. Only a body without a length (chunked) is counted while it streams, by Hono's
 * `bodyLimit`; that path builds a Fetch API request around the body, which costs more than a CDS call's own work,
 * so it is not taken for the ordinary case.
 */
export function sizeLimit(maxBytes: number): MiddlewareHandler<Env> {
  const tooLarge = (c: Context): Response =>
    send(
      c,
      problem('request.too-large', `the body is larger than ${maxBytes} bytes`, CDS_PATH.test(c.req.path)),
    );
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') {
      return next(); // no body (the Fetch API gives these methods none)
    }
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxBytes ? tooLarge(c) : next();
    }
    return streamed(c, next);
  };
}

/**
 * Response headers set on every answer (security headers), prepared BEFORE the handler runs so that the response
 * the handler writes carries them from the start. Only a response not written by `send` (static files, a CORS
 * preflight) gets them afterwards: changing a finished response makes the HTTP adapter copy its body through a
 * stream, which costs more than the whole decision on a CDS call.
 * @param headers - name/value pairs (see `app.ts`: the same values Hono's `secureHeaders` sets)
 */
export function responseHeaders(headers: readonly (readonly [string, string])[]): MiddlewareHandler<Env> {
  return async (c, next) => {
    for (const [name, value] of headers) {
      c.header(name, value);
    }
    await next();
    if (!wasSent(c.res)) {
      for (const [name, value] of headers) {
        c.res.headers.set(name, value);
      }
      c.res.headers.delete('X-Powered-By');
    }
  };
}

/**
 * `Cache-Control: no-store` on answers that may be derived from a patient (recommendations, CDS cards, feedback,
 * every error echoing a field): no browser, proxy or EHR cache keeps them. Set before the handler, like the
 * security headers.
 */
export function noStore(): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  };
}

/**
 * CDS Hooks 2.0.1, §"Cross-Origin Resource Sharing": browser-based CDS Clients (the sandbox) need CORS on
 * discovery, service and feedback; preflights answer without a JWT. Origins come from configuration. Preflights
 * are Hono's `cors`; on the calls themselves the two headers are prepared before the handler (see
 * `responseHeaders` for why).
 */
export function cdsCors(origins: readonly string[]): MiddlewareHandler<Env> {
  const any = origins.includes('*');
  const handler = cors({
    origin: any ? '*' : [...origins],
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      c.set('route', '/cds-services/* (preflight)');
      return handler(c, next);
    }
    const origin = c.req.header('origin') ?? '';
    if (any) {
      c.header('Access-Control-Allow-Origin', '*');
    } else {
      if (origins.includes(origin)) {
        c.header('Access-Control-Allow-Origin', origin);
      }
      c.header('Vary', 'Origin', { append: true });
    }
    return next();
  };
}

/**
 * Requires a trusted JWT on every CDS Hooks call except preflights; `aud` must equal `publicUrl` + the path
 * invoked. Any failure: 401 with no detail (the reason goes to the log, with `iss`/`jti` at most).
 */
export function jwtGuard(
  verifier: JwtVerifier,
  publicUrl: string,
  log: Logger,
  now: () => Date,
): MiddlewareHandler<Env> {
  const base = publicUrl.endsWith('/') ? publicUrl.slice(0, -1) : publicUrl;
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      return next();
    }
    const check = await verifier.verify(c.req.header('authorization'), `${base}${c.req.path}`, now());
    if (!check.ok) {
      c.set('route', c.req.path.startsWith('/cds-services/') ? '/cds-services/:id…' : '/cds-services');
      if (check.storeUnavailable === true) {
        // Replay protection needs the store: without it no token is accepted (fail closed), and the client retries.
        log({ level: 'error', msg: 'jwt not checked: store unavailable', reason: check.reason });
        return send(
          c,
          problem('store.unavailable', 'the service cannot check tokens right now; retry', true),
        );
      }
      log({ level: 'warn', msg: 'jwt rejected', reason: check.reason });
      const res = send(c, problem('auth.invalid', 'not authorized', true));
      res.headers.set('WWW-Authenticate', 'Bearer');
      return res;
    }
    c.set('iss', check.iss);
    return next();
  };
}
