// The prepared security headers are exactly Hono's secureHeaders with our CSP, on API answers and CDS answers.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { CSP, cspOf, SECURITY_HEADERS, securityHeaders } from './security-headers.js';

const t = testApp();
afterAll(() => t.cleanup());

async function honoHeaders(
  csp: Readonly<Record<string, readonly string[]>> = CSP,
  xFrameOptions = true,
): Promise<[string, string][]> {
  const probe = new Hono();
  probe.use('*', secureHeaders({ contentSecurityPolicy: csp as Record<string, string[]>, xFrameOptions }));
  probe.get('/', (c) => c.body(''));
  const res = await probe.request('/');
  return [...res.headers.entries()].filter(([name]) => name !== 'content-type');
}

describe('security headers', () => {
  it('are the values Hono secureHeaders sets', async () => {
    const ours = SECURITY_HEADERS.map(([n, v]) => [n.toLowerCase(), v]).sort();
    expect(ours).toEqual((await honoHeaders()).sort());
  });

  it("frame-ancestors is 'none' by default, with X-Frame-Options SAMEORIGIN", () => {
    const csp = new Map(SECURITY_HEADERS).get('Content-Security-Policy');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('connect-src');
    expect(new Map(SECURITY_HEADERS).get('X-Frame-Options')).toBe('SAMEORIGIN');
  });

  it('allows framing by the configured EHR origins only, and drops X-Frame-Options (it cannot name them)', async () => {
    const options = {
      frameAncestors: ['https://ehr.example', 'https://ehr2.example:8443'],
      connectOrigins: ['https://fhir.example', 'https://auth.example'],
    };
    const headers = securityHeaders(options);
    const csp = new Map(headers).get('Content-Security-Policy');
    expect(csp).toContain('frame-ancestors https://ehr.example https://ehr2.example:8443');
    expect(csp).toContain("connect-src 'self' https://fhir.example https://auth.example");
    expect(new Map(headers).has('X-Frame-Options')).toBe(false);
    const ours = headers.map(([n, v]) => [n.toLowerCase(), v]).sort();
    expect(ours).toEqual((await honoHeaders(cspOf(options), false)).sort());
  });

  it.each([
    ['GET', '/api/health', undefined],
    ['GET', '/cds-services', undefined],
    ['POST', '/cds-services/frontline-all', { hook: 'patient-view' }],
    ['GET', '/no/such/route', undefined],
  ])('are on %s %s', async (method, path, body) => {
    const res = await t.app.request(path, body === undefined ? { method } : post(body));
    for (const [name, value] of SECURITY_HEADERS) {
      expect(res.headers.get(name), name).toBe(value);
    }
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
