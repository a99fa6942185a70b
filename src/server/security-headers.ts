/**
 * The security headers of every response: Hono's `secureHeaders` defaults with our Content-Security-Policy, as
 * constants so the `responseHeaders` middleware can prepare them before the handler runs (a test checks they are
 * exactly what `secureHeaders` would set).
 * @module
 */

/** The Content-Security-Policy: the web app loads only its own scripts, styles (inline allowed) and images. */
export const CSP = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function cspText(csp: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(csp)
    .map(
      ([directive, values]) =>
        `${directive.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)} ${values.join(' ')}`,
    )
    .join('; ');
}

/** Name/value pairs, as `secureHeaders({ contentSecurityPolicy: CSP })` sets them. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', cspText(CSP)],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];
