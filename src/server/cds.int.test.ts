// CDS Hooks routes through app.request(): discovery, calls, 412, errors as OperationOutcome, feedback, the audit
// row, CORS, and JWT checking when trusted issuers are configured.
import Database from 'better-sqlite3';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, issueCards, post, testApp } from '../../test/support/app.js';
import { violations } from '../../test/support/invariants.js';
import { testKb } from '../../test/support/kb.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { example, fhirExample } from '../../test/support/spec-examples.js';
import { CdsResponse, DiscoveryResponse } from '../cds-hooks/index.js';
import { createJwtVerifier } from './auth/jwt.js';
import { parseTrustedIssuers } from './auth/trusted-issuers.js';
import { OperationOutcome } from './schemas/errors.js';
import { openStore } from './store/store.js';

const t = testApp();
afterAll(() => t.cleanup());
const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');

describe('GET /cds-services', () => {
  it('lists patient-view, order-select and order-sign services with R4 prefetch templates', async () => {
    const res = await t.app.request('/cds-services');
    expect(res.status).toBe(200);
    const doc = DiscoveryResponse.parse(await res.json());
    expect(doc.services.map((s) => [s.id, s.hook])).toEqual([
      ['frontline-all', 'patient-view'],
      ['frontline-all-order-select', 'order-select'],
      ['frontline-all-order-sign', 'order-sign'],
    ]);
    expect(doc.services[0]?.prefetch).toEqual({
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      observations: 'Observation?patient={{context.patientId}}&_sort=-date&_count=200',
      medications: 'MedicationRequest?patient={{context.patientId}}',
    });
  });
});

describe('POST /cds-services/frontline-all', () => {
  it('answers conforming cards and writes an audit row whose option ids match the decision', async () => {
    const request = patientViewRequest(bundle);
    const res = await t.app.request('/cds-services/frontline-all', post(request));
    expect(res.status).toBe(200);
    const json = await res.json();
    const parsed = CdsResponse.parse(json);
    expect(parsed.cards.length).toBeGreaterThan(0);
    expect(violations(json, 'response')).toEqual([]);
    const decision = await (await t.app.request('/api/recommendations', post(bundle))).json();
    const optionIds = (decision as { options: { id: string }[] }).options.map((o) => o.id);
    await t.store.flush(); // the audit row is written behind the answer
    const db = new Database(t.dbPath, { readonly: true });
    const row = db
      .prepare('SELECT * FROM cds_call WHERE hook_instance = ?')
      .get(request.hookInstance) as Record<string, unknown>;
    expect(JSON.parse(String(row.option_ids))).toEqual(optionIds);
    expect(row).toMatchObject({
      service: 'frontline-all',
      status: 200,
      outcome: 'cards',
      kb_version: testKb().kb.version,
      fetched: 0,
    });
    expect(row.latency_ms).toEqual(expect.any(Number));
    const cards = db.prepare('SELECT uuid, subject FROM cds_card WHERE call_id = ?').all(row.id) as {
      uuid: string;
    }[];
    expect(cards.map((c) => c.uuid).sort()).toEqual(parsed.cards.map((c) => c.uuid).sort());
    db.close();
  });

  it('answers 412 with an OperationOutcome for the spec request, whose prefetch lacks our keys', async () => {
    const res = await t.app.request(
      '/cds-services/frontline-all',
      post(example('request-patient-view-with-prefetch.json')),
    );
    expect(res.status).toBe(412);
    const outcome = OperationOutcome.parse(await res.json());
    expect(outcome.issue.map((i) => i.expression?.[0])).toEqual([
      'prefetch.patient',
      'prefetch.conditions',
      'prefetch.observations',
    ]);
    expect(outcome.issue[0]?.code).toBe('processing');
  });

  it('answers 400 naming every bad member, as an OperationOutcome', async () => {
    const res = await t.app.request(
      '/cds-services/frontline-all',
      post({ hook: 'patient-view', hookInstance: 'x', context: {} }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/fhir\+json/);
    const outcome = OperationOutcome.parse(await res.json());
    expect(outcome.issue.map((i) => i.expression?.[0]).sort()).toEqual([
      'context.patientId',
      'context.userId',
      'hookInstance',
    ]);
  });

  it.each([
    ['an unknown service', '/cds-services/nope', post(patientViewRequest(bundle)), 404],
    ['broken JSON', '/cds-services/frontline-all', post('{'), 400],
    [
      'a non-JSON body',
      '/cds-services/frontline-all',
      { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<x/>' },
      415,
    ],
    ['an unknown route under /cds-services', '/cds-services/frontline-all/other', post({}), 404],
  ])('answers %s with an OperationOutcome', async (_name, url, init, status) => {
    const res = await t.app.request(url, init);
    expect(res.status).toBe(status);
    expect(OperationOutcome.safeParse(await res.json()).success).toBe(true);
  });
});

describe('POST /cds-services/{id}/feedback', () => {
  beforeAll(async () => {
    const files = [
      'feedback-accepted.json',
      'feedback-overridden-no-reason.json',
      'feedback-overridden-with-reason.json',
    ];
    await issueCards(
      t.store,
      files.flatMap((f) => cardsIn(example(f))),
    );
  });

  it.each([
    'feedback-accepted.json',
    'feedback-overridden-no-reason.json',
    'feedback-overridden-with-reason.json',
  ])('stores the spec example %s once, however often it is sent', async (file) => {
    const first = await t.app.request('/cds-services/frontline-all/feedback', post(example(file)));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: 1, duplicates: 0 });
    const again = await t.app.request('/cds-services/frontline-all/feedback', post(example(file)));
    expect(await again.json()).toEqual({ stored: 0, duplicates: 1 });
  });

  it('records the override reason code, and that a comment was written but not what it says', async () => {
    const db = new Database(t.dbPath, { readonly: true });
    const row = db
      .prepare("SELECT * FROM feedback WHERE card_uuid = '9368d37b-283f-44a0-93ea-547cebab93ed'")
      .get();
    expect(row).toMatchObject({
      outcome: 'overridden',
      reason_code: 'd7ecf885',
      has_comment: 1,
      outcome_timestamp: '2020-12-11T00:00:00.000Z',
    });
    expect(JSON.stringify(row)).not.toContain('A comment entered by the clinician');
    db.close();
  });

  it('refuses invalid feedback and unknown services with OperationOutcomes', async () => {
    const bad = await t.app.request(
      '/cds-services/frontline-all/feedback',
      post({ feedback: [{ card: 'c', outcome: 'accepted' }] }),
    );
    expect(bad.status).toBe(400);
    const outcome = OperationOutcome.parse(await bad.json());
    expect(outcome.issue.map((i) => i.expression?.[0]).sort()).toEqual([
      'feedback[0].acceptedSuggestions',
      'feedback[0].outcomeTimestamp',
    ]);
    const unknown = await t.app.request(
      '/cds-services/nope/feedback',
      post(example('feedback-accepted.json')),
    );
    expect(unknown.status).toBe(404);
  });

  it('accepts feedback on a card the service just issued, with the uuid from its answer', async () => {
    const call = await t.app.request('/cds-services/frontline-all', post(patientViewRequest(bundle)));
    const uuid = ((await call.json()) as { cards: { uuid?: string }[] }).cards[0]?.uuid;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    const res = await t.app.request(
      '/cds-services/frontline-all/feedback',
      post({ feedback: [{ card: uuid, outcome: 'overridden', outcomeTimestamp: '2026-01-01T00:00:00Z' }] }),
    );
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 200,
      body: { stored: 1, duplicates: 0 },
    });
  });

  it('refuses feedback on cards it never issued (422, each named), storing nothing of the request', async () => {
    const issued = cardsIn(example('feedback-accepted.json'))[0];
    const res = await t.app.request(
      '/cds-services/frontline-all/feedback',
      post({
        feedback: [
          { card: issued, outcome: 'overridden', outcomeTimestamp: '2030-01-01T00:00:00Z' },
          { card: 'invented-card', outcome: 'overridden', outcomeTimestamp: '2030-01-01T00:00:00Z' },
        ],
      }),
    );
    expect(res.status).toBe(422);
    const outcome = OperationOutcome.parse(await res.json());
    expect(outcome.issue.map((i) => [i.details?.text, i.expression?.[0]])).toEqual([
      ['feedback.unknown-card', 'feedback[1].card'],
    ]);
    expect(outcome.issue[0]?.diagnostics).toContain('"invented-card" was not issued by this service');
    const db = new Database(t.dbPath, { readonly: true });
    expect(
      db.prepare("SELECT count(*) AS n FROM feedback WHERE outcome_timestamp LIKE '2030%'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('caps a request: entries per request and field lengths, each refusal naming the field and the limit', async () => {
    const entry = { card: 'c', outcome: 'overridden', outcomeTimestamp: '2026-01-01T00:00:00Z' };
    const many = await t.app.request(
      '/cds-services/frontline-all/feedback',
      post({ feedback: Array.from({ length: 51 }, () => entry) }),
    );
    expect(many.status).toBe(400);
    expect(OperationOutcome.parse(await many.json()).issue[0]?.diagnostics).toContain('at most 50 entries');
    const long = await t.app.request(
      '/cds-services/frontline-all/feedback',
      post({
        feedback: [
          {
            ...entry,
            card: 'x'.repeat(129),
            overrideReason: { reason: { system: 's', code: 'c'.repeat(513) } },
          },
        ],
      }),
    );
    expect(long.status).toBe(400);
    const issues = OperationOutcome.parse(await long.json()).issue.map((i) => [
      i.expression?.[0],
      i.diagnostics,
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['feedback[0].card', expect.stringContaining('at most 128 characters')],
        ['feedback[0].overrideReason.reason.code', expect.stringContaining('at most 512 characters')],
      ]),
    );
  });

  it('answers 503 with Retry-After and acknowledges nothing when the store cannot write', async () => {
    const broken = testApp();
    broken.store.close();
    try {
      const res = await broken.app.request(
        '/cds-services/frontline-all/feedback',
        post(example('feedback-accepted.json')),
      );
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(OperationOutcome.parse(await res.json()).issue[0]?.code).toBe('transient');
    } finally {
      broken.cleanup();
    }
  });
});

describe('CORS (CDS Hooks 2.0.1 §Cross-Origin Resource Sharing)', () => {
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });

  it('answers a preflight from the configured origin, allowing Authorization and Content-Type', async () => {
    const res = await t.app.request(
      '/cds-services/frontline-all',
      preflight('https://sandbox.cds-hooks.org'),
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://sandbox.cds-hooks.org');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('does not allow an origin that is not configured', async () => {
    const res = await t.app.request('/cds-services', preflight('https://evil.example'));
    expect(res.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('has no CORS on the REST API (same-origin web app)', async () => {
    const res = await t.app.request('/api/health', { headers: { origin: 'https://sandbox.cds-hooks.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('JWT checking on', () => {
  const PUBLIC = 'https://cds.example.org';
  const ISS = 'https://ehr.example.org';
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwks: { keys: JWK[] };
  let j: ReturnType<typeof testApp>;

  beforeAll(async () => {
    keys = await generateKeyPair('ES384', { extractable: true });
    jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES384' }] };
    const base = testApp();
    const trust = parseTrustedIssuers({ issuers: [{ iss: ISS, jwks }] }, '.');
    j = testApp({
      publicUrl: PUBLIC,
      jwt: createJwtVerifier(trust, (i, id, e, n) => base.store.rememberJti(i, id, e, n)),
    });
    await issueCards(j.store, cardsIn(example('feedback-accepted.json')));
  });
  afterAll(() => j.cleanup());

  const sign = (aud: string) =>
    new SignJWT({ iss: ISS, aud, jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(keys.privateKey);

  it('refuses discovery without a token: 401, no detail, WWW-Authenticate', async () => {
    const res = await j.app.request('/cds-services');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const outcome = OperationOutcome.parse(await res.json());
    expect(outcome.issue).toEqual([
      {
        severity: 'error',
        code: 'security',
        details: { text: 'auth.invalid' },
        diagnostics: 'not authorized',
      },
    ]);
    expect(j.logs.at(-2)).toEqual({ level: 'warn', msg: 'jwt rejected', reason: 'no bearer token' });
  });

  it('accepts each endpoint with a token whose aud is that exact endpoint URL', async () => {
    const disc = await j.app.request('/cds-services', {
      headers: { authorization: `Bearer ${await sign(`${PUBLIC}/cds-services`)}` },
    });
    expect(disc.status).toBe(200);
    const call = await j.app.request(
      '/cds-services/frontline-all',
      post(patientViewRequest(bundle), {
        authorization: `Bearer ${await sign(`${PUBLIC}/cds-services/frontline-all`)}`,
      }),
    );
    expect(call.status).toBe(200);
    const fb = await j.app.request(
      '/cds-services/frontline-all/feedback',
      post(example('feedback-accepted.json'), {
        authorization: `Bearer ${await sign(`${PUBLIC}/cds-services/frontline-all/feedback`)}`,
      }),
    );
    expect(fb.status).toBe(200);
    await j.store.flush();
    const db = new Database(j.dbPath, { readonly: true });
    expect(db.prepare("SELECT DISTINCT iss FROM cds_call WHERE kb_version <> 'test'").all()).toEqual([
      { iss: ISS },
    ]);
    db.close();
  });

  it('accepts a token once across two instances on one store file, whichever sees it first', async () => {
    const trust = parseTrustedIssuers({ issuers: [{ iss: ISS, jwks }] }, '.');
    const one = testApp();
    const two = testApp({ store: openStore(one.dbPath) });
    const verifier = (store: typeof one.store) =>
      createJwtVerifier(trust, (i, id, e, n) => store.rememberJti(i, id, e, n));
    const a = testApp({ publicUrl: PUBLIC, store: one.store, jwt: verifier(one.store) });
    const b = testApp({ publicUrl: PUBLIC, store: two.store, jwt: verifier(two.store) });
    try {
      for (let i = 0; i < 5; i++) {
        const tok = await sign(`${PUBLIC}/cds-services`);
        const init = { headers: { authorization: `Bearer ${tok}` } };
        const statuses = await Promise.all([
          a.app.request('/cds-services', init),
          b.app.request('/cds-services', init),
        ]);
        expect(statuses.map((r) => r.status).sort()).toEqual([200, 401]);
      }
    } finally {
      two.store.close();
      one.cleanup();
    }
  });

  it('accepts no token while the store cannot record its jti: 503 with Retry-After, not 401', async () => {
    const trust = parseTrustedIssuers({ issuers: [{ iss: ISS, jwks }] }, '.');
    const down = testApp();
    down.store.close();
    const k = testApp({
      publicUrl: PUBLIC,
      jwt: createJwtVerifier(trust, (i, id, e, n) => down.store.rememberJti(i, id, e, n)),
    });
    try {
      const res = await k.app.request('/cds-services', {
        headers: { authorization: `Bearer ${await sign(`${PUBLIC}/cds-services`)}` },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      k.cleanup();
      down.cleanup();
    }
  });

  it('refuses a token made for another endpoint, and a replayed one', async () => {
    const wrong = await j.app.request(
      '/cds-services/frontline-all',
      post(patientViewRequest(bundle), { authorization: `Bearer ${await sign(`${PUBLIC}/cds-services`)}` }),
    );
    expect(wrong.status).toBe(401);
    const tok = await sign(`${PUBLIC}/cds-services`);
    expect(
      (await j.app.request('/cds-services', { headers: { authorization: `Bearer ${tok}` } })).status,
    ).toBe(200);
    expect(
      (await j.app.request('/cds-services', { headers: { authorization: `Bearer ${tok}` } })).status,
    ).toBe(401);
  });

  it('carries CORS headers on a 401, so a browser client can read it', async () => {
    const res = await j.app.request('/cds-services', {
      headers: { origin: 'https://sandbox.cds-hooks.org' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://sandbox.cds-hooks.org');
  });

  it('answers preflights without a token', async () => {
    const res = await j.app.request('/cds-services/frontline-all', {
      method: 'OPTIONS',
      headers: { origin: 'https://sandbox.cds-hooks.org', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
  });

  it('leaves the REST API open', async () => {
    expect((await j.app.request('/api/health')).status).toBe(200);
  });
});
