// The REST API through app.request(): every endpoint with good and bad input.
import { afterAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { testKb } from '../../test/support/kb.js';
import { fhirExample } from '../../test/support/spec-examples.js';
import { evaluate } from '../engine/index.js';
import { parseProfile } from '../profile/index.js';
import { createApp } from './app.js';
import { RecommendationResult } from './schemas/decision.js';
import { ErrorBody, OperationOutcome } from './schemas/errors.js';
import { openStore } from './store/store.js';

const t = testApp();
afterAll(() => t.cleanup());
const kb = testKb().kb;

async function body(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

describe('GET /api/health and /api/openapi.json', () => {
  it('reports the KB version, the store and the JWT mode', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({
      status: 'ok',
      kbVersion: kb.version,
      store: 'ok',
      storeKind: 'sqlite',
      jwt: 'off',
    });
  });

  it('serves an OpenAPI 3.1 document generated from the schemas, whose every $ref resolves', async () => {
    const doc = await body(await t.app.request('/api/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths as object).sort()).toEqual([
      '/api/agents',
      '/api/health',
      '/api/kb',
      '/api/openapi.json',
      '/api/recommendations',
      '/api/smart-launch',
      '/api/studies',
      '/api/studies/{id}',
      '/api/trials',
      '/cds-services',
      '/cds-services/{id}',
      '/cds-services/{id}/feedback',
    ]);
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => r === undefined || !(r in schemas))).toEqual([]);
    // Generated, not hand-written: the card summary limit and the strength enum come from the zod schemas.
    expect(JSON.stringify(schemas.RecommendationResult)).toContain('not-recommended');
    expect(JSON.stringify(schemas.CdsResponse)).toContain('"critical"');
  });
});

describe('POST /api/recommendations', () => {
  const profile = { lineage: 'B', age: 45, ph: 'negative', cd20Percent: 30, mrd: { value: 0.001 } };

  it('answers the recommendation result for a profile, the same decision the engine makes', async () => {
    const res = await t.app.request('/api/recommendations', post(profile));
    expect(res.status).toBe(200);
    const json = await body(res);
    expect(RecommendationResult.safeParse(json).success).toBe(true);
    const parsed = parseProfile(profile);
    const expected = parsed.ok ? evaluate(parsed.profile, testKb()) : undefined;
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(json.notice).toBe('decision support, not a substitute for clinical judgment');
  });

  it('answers for a FHIR R4 Bundle, with what the mapping found', async () => {
    const res = await t.app.request(
      '/api/recommendations',
      post(fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json')),
    );
    expect(res.status).toBe(200);
    const json = await body(res);
    expect((json.profile as Record<string, unknown>).lineage).toBe('B');
    expect(json.fhir).toHaveProperty('sources');
  });

  it('names every bad field with its path', async () => {
    const res = await t.app.request('/api/recommendations', post({ lineage: 'Q', age: 200, agee: 1 }));
    expect(res.status).toBe(400);
    const json = ErrorBody.parse(await res.json());
    expect(json.code).toBe('profile.invalid');
    expect(json.errors.map((e) => e.path).sort()).toEqual(['age', 'agee', 'lineage']);
  });

  it('answers a FHIR OperationOutcome when a Bundle cannot be read', async () => {
    const res = await t.app.request(
      '/api/recommendations',
      post({ resourceType: 'Bundle', type: 'collection', entry: 'not-a-list' }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/fhir\+json/);
    const outcome = OperationOutcome.parse(await res.json());
    expect(outcome.issue.some((i) => i.expression?.some((e) => e.includes('entry')))).toBe(true);
  });

  it('answers a Bundle with no ALL diagnosis with everything unknown, lineage first, never silence', async () => {
    const res = await t.app.request(
      '/api/recommendations',
      post({ resourceType: 'Bundle', type: 'collection', entry: [] }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { missing: { field: string }[]; fhir: { allDiagnosis: boolean } };
    expect(body.missing[0]?.field).toBe('lineage');
    expect(body.fhir.allDiagnosis).toBe(false);
  });

  it.each([
    ['not JSON', post('{"lineage": "B",'), 400, 'request.invalid'],
    ['an empty body', post(''), 400, 'request.invalid'],
    [
      'a non-JSON media type',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
      415,
      'request.media-type',
    ],
    ['no media type', { method: 'POST', body: '{}' }, 415, 'request.media-type'],
  ])('refuses %s', async (_name, init, status, code) => {
    const res = await t.app.request('/api/recommendations', init);
    expect(res.status).toBe(status);
    expect((await body(res)).code).toBe(code);
  });

  it('refuses a body over the limit with 413', async () => {
    const small = testApp({ bodyLimitBytes: 1024 });
    try {
      const res = await small.app.request(
        '/api/recommendations',
        post({ lineage: 'B', pad: 'x'.repeat(5000) }),
      );
      expect(res.status).toBe(413);
      expect((await body(res)).code).toBe('request.too-large');
    } finally {
      small.cleanup();
    }
  });

  it('never shows a stack trace or an exception message to the client', async () => {
    const store = openStore(':memory:');
    const app = createApp({
      kb: testKb(),
      store,
      recommend: () => {
        throw new Error('secret internal detail at /work/main/src/x.ts:1');
      },
    });
    const res = await app.request('/api/recommendations', post(profile));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|\.ts|\bat\s/);
    expect(JSON.parse(text)).toEqual({
      code: 'internal',
      message: 'an internal error',
      errors: [{ path: '', message: 'an internal error occurred' }],
    });
    store.close();
  });
});

describe('GET /api/studies, /api/studies/{id}, /api/agents, /api/trials, /api/kb', () => {
  it('lists every study, and filters by agent and setting', async () => {
    const all = await body(await t.app.request('/api/studies'));
    expect(all.count).toBe(kb.studies.length);
    const agent = kb.studies[0]?.agents[0] ?? '';
    const some = await body(await t.app.request(`/api/studies?agent=${agent}&setting=frontline`));
    const studies = some.studies as { agents: string[]; settings: string[] }[];
    expect(studies.length).toBeGreaterThan(0);
    expect(studies.every((s) => s.settings.includes('frontline'))).toBe(true);
  });

  it.each([
    ['/api/studies?setting=bogus', 'query.setting', /allowed: frontline, mrd, relapsed-refractory/],
    ['/api/studies?agent=nosuchdrug', 'query.agent', /unknown agent/],
    ['/api/studies?agnt=x', 'query.agnt', /unknown query parameter/],
  ])('answers 400 for %s naming %s', async (url, path, message) => {
    const res = await t.app.request(url);
    expect(res.status).toBe(400);
    const json = ErrorBody.parse(await res.json());
    expect(json.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('answers one study by id, and 404 with suggestions for a near miss', async () => {
    const id = kb.studies[0]?.id ?? '';
    const res = await t.app.request(`/api/studies/${id}`);
    expect(res.status).toBe(200);
    expect((await body(res)).id).toBe(id);
    const miss = await t.app.request(`/api/studies/${id.slice(0, -1)}`);
    expect(miss.status).toBe(404);
    expect(JSON.stringify(await miss.json())).toContain('did you mean');
  });

  it('lists agents and trials with the KB version, and exports the whole KB', async () => {
    const agents = await body(await t.app.request('/api/agents'));
    expect(agents).toMatchObject({ kbVersion: kb.version, count: kb.agents.length });
    const trials = await body(await t.app.request('/api/trials'));
    expect(trials.count).toBe(kb.trials.length);
    const all = await body(await t.app.request('/api/kb'));
    expect(Object.keys(all)).toEqual(
      expect.arrayContaining(['version', 'sources', 'studies', 'agents', 'trials', 'recommendations']),
    );
  });
});

describe('every response', () => {
  it('answers 404 JSON for unknown routes', async () => {
    for (const url of ['/api/nope', '/nope', '/api/studies/x/y']) {
      const res = await t.app.request(url);
      expect(res.status).toBe(404);
      expect((await body(res)).code).toBe('request.not-found');
    }
  });

  it('carries security headers', async () => {
    const res = await t.app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('logs one JSON line per request with method, route pattern, status and latency, and nothing else', async () => {
    t.logs.length = 0;
    await t.app.request('/api/studies/anything-at-all');
    expect(t.logs).toEqual([
      { msg: 'request', method: 'GET', route: '/api/studies/:id', status: 404, ms: expect.any(Number) },
    ]);
  });
});
