/**
 * 421 Misdirected Request for a `Host` that is not this server's public address: links in cards and pages are never
 * built from a Host a client chose, and a DNS-rebinding page (a name of the attacker's that resolves to this
 * server) is refused.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { Env } from './context.js';
import { CDS_PATH } from './middleware.js';
import { problem, send } from './reply.js';

/**
 * Allows only the given `host[:port]` values (compared case-insensitively, as `URL.host` writes them).
 * @param hosts - e.g. `['cds.example.org']`, or `['127.0.0.1:3000', 'localhost:3000', '[::1]:3000']`
 */
export function hostGuard(hosts: readonly string[]): MiddlewareHandler<Env> {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (!allowed.has(host)) {
      c.set('route', 'misdirected');
      return send(
        c,
        problem(
          'request.misdirected',
          'this server answers only at its public URL (the Host header does not match it)',
          CDS_PATH.test(c.req.path),
        ),
      );
    }
    return next();
  };
}
