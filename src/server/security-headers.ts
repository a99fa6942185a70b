/**
 * The security headers of every response: Hono's `secureHeaders` defaults with our Content-Security-Policy, prepared
 * once per server so the `responseHeaders` middleware can set them before the handler runs (a test checks they are
 * exactly what `secureHeaders` would set). Two directives follow the configuration: `frame-ancestors` (the EHR
 * origins allowed to frame the app, default none) and `connect-src` (the FHIR and authorization servers the SMART
 * app's browser code may call, besides this server).
 * @module
 */

/** What the configuration changes in the headers. */
export interface SecurityHeaderOptions {
  /** Origins (`https://ehr.example`) allowed to frame the app; empty = none may. */
  readonly frameAncestors?: readonly string[] | undefined;
  /** Origins the web app may fetch from besides its own (the SMART launch's FHIR and authorization servers). */
  readonly connectOrigins?: readonly string[] | undefined;
}

/**
 * The Content-Security-Policy: the web app loads only its own scripts, styles (inline allowed) and images, and is
 * framed only by configured EHR origins.
 */
export function cspOf(options: SecurityHeaderOptions = {}): Readonly<Record<string, readonly string[]>> {
  const frame = options.frameAncestors ?? [];
  const connect = options.connectOrigins ?? [];
  return {
    defaultSrc: ["'self'"],
    ...(connect.length === 0 ? {} : { connectSrc: ["'self'", ...connect] }),
    imgSrc: ["'self'", 'data:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: frame.length === 0 ? ["'none'"] : [...frame],
  };
}

/** The default policy (no framing, no other origin fetched). */
export const CSP = cspOf();

function cspText(csp: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(csp)
    .map(
      ([directive, values]) =>
        `${directive.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)} ${values.join(' ')}`,
    )
    .join('; ');
}

/**
 * Name/value pairs, as `secureHeaders({ contentSecurityPolicy: cspOf(options) })` sets them; with framing allowed,
 * without `X-Frame-Options` (it cannot name another origin, and `SAMEORIGIN` would contradict the policy in
 * browsers that read it).
 */
export function securityHeaders(options: SecurityHeaderOptions = {}): readonly (readonly [string, string])[] {
  const framed = (options.frameAncestors ?? []).length > 0;
  return [
    ['Content-Security-Policy', cspText(cspOf(options))],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'no-referrer'],
    ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ...(framed ? [] : [['X-Frame-Options', 'SAMEORIGIN'] as const]),
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
  ];
}

/** The default headers. */
export const SECURITY_HEADERS = securityHeaders();
