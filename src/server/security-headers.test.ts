// The prepared security headers are exactly Hono's secureHeaders with our CSP, on API answers and CDS answers.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { CSP, SECURITY_HEADERS } from './security-headers.js';

const t = testApp();
afterAll(() => t.cleanup());

async function honoHeaders(): Promise<[string, string][]> {
  const probe = new Hono();
  probe.use('*', secureHeaders({ contentSecurityPolicy: CSP }));
  probe.get('/', (c) => c.body(''));
  const res = await probe.request('/');
  return [...res.headers.entries()].filter(([name]) => name !== 'content-type');
}

describe('security headers', () => {
  it('are the values Hono secureHeaders sets', async () => {
    const ours = SECURITY_HEADERS.map(([n, v]) => [n.toLowerCase(), v]).sort();
    expect(ours).toEqual((await honoHeaders()).sort());
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
