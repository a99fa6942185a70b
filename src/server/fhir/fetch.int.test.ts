// Missing prefetch + fhirServer + fhirAuthorization, against real loopback listeners: with JWT on and the server
// allow-listed for the issuer (and loopback allowed by `fhirNetworks`), Frontline reads Patient, Condition,
// Observation (paged) and MedicationRequest with the bearer token. By default a loopback listener is never
// reached; without JWT nothing is fetched; a hanging or endless upstream is cut by the deadline and the byte cap;
// the 412 says nothing about the network.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, type TestApp, testApp } from '../../../test/support/app.js';
import { patientViewRequest, resourcesOf, searchset } from '../../../test/support/prefetch.js';
import { fhirExample } from '../../../test/support/spec-examples.js';
import type { AppOptions } from '../app.js';
import { createJwtVerifier } from '../auth/jwt.js';
import { parseTrustedIssuers } from '../auth/trusted-issuers.js';
import { type FhirLimits, fhirAccessFromTrust } from './from-trust.js';

const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');
const resources = resourcesOf(bundle);
const patient = resources.find((r) => r.resourceType === 'Patient');
const TOKEN = 'fhir-access-token-xyz';
const PUBLIC = 'https://cds.example.org';
const ISS = 'https://ehr.example.org';
const CALL = '/cds-services/frontline-all';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback HTTP listener that records what reached it. */
async function listen(handler: Handler): Promise<{ server: Server; base: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, seen };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

let fhir: Awaited<ReturnType<typeof listen>>;
let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let jwks: { keys: JWK[] };
let refuse = false;

function answer(req: IncomingMessage): unknown {
  const url = new URL(req.url ?? '/', 'http://x');
  const type = url.pathname.split('/')[2];
  if (type === 'Patient') {
    return patient;
  }
  if (url.searchParams.get('page') === '2') {
    return searchset(resources.filter((r) => r.resourceType === 'Observation').slice(1));
  }
  const list = resources.filter((r) => r.resourceType === type);
  if (type === 'Observation') {
    return {
      ...searchset(list.slice(0, 1)),
      link: [{ relation: 'next', url: `${fhir.base}/Observation?patient=x&page=2` }],
    };
  }
  return searchset(list);
}

beforeAll(async () => {
  fhir = await listen((req, res) => {
    if (refuse || req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify(answer(req)));
  });
  keys = await generateKeyPair('ES384', { extractable: true });
  jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES384' }] };
});
afterAll(() => close(fhir.server));

interface Setup {
  readonly fhirServers?: string[];
  readonly fhirNetworks?: string[];
  readonly jwt?: boolean;
  readonly limits?: FhirLimits;
  readonly deadlineMs?: number;
}

/** An app with JWT on (unless `jwt: false`) and FHIR access built from a trusted-issuers document. */
function app(setup: Setup): TestApp {
  const trust = parseTrustedIssuers(
    {
      issuers: [{ iss: ISS, jwks, fhirServers: setup.fhirServers ?? [fhir.base] }],
      fhirNetworks: setup.fhirNetworks ?? [],
      allowHttpFhirServers: true,
    },
    '.',
  );
  const remember = new Set<string>();
  const options: Partial<AppOptions> = {
    publicUrl: PUBLIC,
    fhirAccess: fhirAccessFromTrust(trust, setup.limits ?? {}),
    fhirDeadlineMs: setup.deadlineMs ?? 3000,
    ...(setup.jwt === false
      ? {}
      : {
          jwt: createJwtVerifier(trust, (_i, jti) =>
            Promise.resolve(!remember.has(jti) && Boolean(remember.add(jti))),
          ),
        }),
  };
  return testApp(options);
}

const sign = (): Promise<string> =>
  new SignJWT({ iss: ISS, aud: `${PUBLIC}${CALL}`, jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid: 'k1' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(keys.privateKey);

function request(fhirServer: string): Record<string, unknown> {
  const r = patientViewRequest(bundle, {
    fhirServer,
    fhirAuthorization: {
      access_token: TOKEN,
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'user/*.read',
      subject: 'frontline',
    },
  });
  delete r.prefetch;
  return r;
}

async function callWith(t: TestApp, fhirServer: string): Promise<Response> {
  return t.app.request(CALL, post(request(fhirServer), { authorization: `Bearer ${await sign()}` }));
}

/** The 412 names the missing keys and nothing about the network. */
async function expectBlind412(res: Response): Promise<string> {
  expect(res.status).toBe(412);
  const text = JSON.stringify(await res.json());
  for (const key of ['patient', 'conditions', 'observations']) {
    expect(text).toContain(`prefetch.${key}`);
  }
  expect(text).not.toMatch(/HTTP \d|ECONN|timeout|deadline|not JSON|too large|network|refused/i);
  return text;
}

describe('reading the client FHIR server when prefetch is missing', () => {
  it('with JWT on and the server allow-listed: every template with the bearer token, paging, the same cards as prefetch', async () => {
    const t = app({ fhirNetworks: ['127.0.0.1/32'] });
    try {
      fhir.seen.length = 0;
      const res = await callWith(t, fhir.base);
      expect(res.status).toBe(200);
      const fetched = (await res.json()) as { cards: { summary: string }[] };
      expect(fhir.seen.map((s) => s.url).sort()).toEqual(
        [
          `/fhir/Patient/${String(patient?.id)}`,
          `/fhir/Condition?patient=${String(patient?.id)}`,
          `/fhir/Observation?patient=${String(patient?.id)}&_sort=-date&_count=200`,
          '/fhir/Observation?patient=x&page=2',
          `/fhir/MedicationRequest?patient=${String(patient?.id)}`,
        ].sort(),
      );
      expect(fhir.seen.every((s) => s.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
      const given = (await (
        await t.app.request(
          CALL,
          post(patientViewRequest(bundle), { authorization: `Bearer ${await sign()}` }),
        )
      ).json()) as typeof fetched;
      expect(fetched.cards.map((c) => c.summary)).toEqual(given.cards.map((c) => c.summary));
      expect(t.logs.map((l) => JSON.stringify(l)).join('\n')).not.toContain(TOKEN);
    } finally {
      t.cleanup();
    }
  });

  it('never connects to a loopback listener by default (no fhirNetworks), even when allow-listed by URL', async () => {
    const t = app({});
    try {
      fhir.seen.length = 0;
      await expectBlind412(await callWith(t, fhir.base));
      expect(fhir.seen).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('never fetches without JWT checking, whatever fhirServer the request names', async () => {
    const t = app({ jwt: false, fhirNetworks: ['127.0.0.1/32'] });
    try {
      fhir.seen.length = 0;
      const res = await t.app.request(CALL, post(request(fhir.base)));
      const text = await expectBlind412(res);
      expect(text).toContain('reads no FHIR server for this client');
      expect(fhir.seen).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('never sends the token to a server the issuer does not list (another port of the same host)', async () => {
    const other = await listen((_req, res) => res.writeHead(200).end('{}'));
    const t = app({ fhirNetworks: ['127.0.0.1/32'] });
    try {
      const text = await expectBlind412(await callWith(t, other.base));
      expect(text).toContain('not one this client may name');
      expect(other.seen).toEqual([]);
    } finally {
      t.cleanup();
      await close(other.server);
    }
  });

  it('answers 412 naming the keys, not the status, when the FHIR server refuses', async () => {
    const t = app({ fhirNetworks: ['127.0.0.1/32'] });
    refuse = true;
    try {
      await expectBlind412(await callWith(t, fhir.base));
    } finally {
      refuse = false;
      t.cleanup();
    }
  });

  it('ends the call at its one deadline when the FHIR server never answers (pages and keys included)', async () => {
    const hanging = await listen(() => undefined);
    const t = app({ fhirServers: [hanging.base], fhirNetworks: ['127.0.0.1/32'], deadlineMs: 300 });
    try {
      await expectBlind412(await callWith(t, hanging.base));
      expect(hanging.seen.length).toBe(4);
    } finally {
      t.cleanup();
      await close(hanging.server);
    }
  });

  it('stops reading a huge response at the byte cap (the rest is never sent)', async () => {
    const TOTAL = 64 * 1024 * 1024;
    let written = 0;
    let resolveClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      resolveClosed = resolve;
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const huge = await listen((req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+json' });
      res.write('{"resourceType":"Bundle","type":"searchset","entry":[');
      const pump = (): void => {
        while (written < TOTAL && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end(']}');
      };
      req.socket.once('close', resolveClosed);
      pump();
    });
    const t = app({
      fhirServers: [huge.base],
      fhirNetworks: ['127.0.0.1/32'],
      limits: { maxBytes: 256 * 1024, maxInFlight: 1 },
    });
    try {
      await expectBlind412(await callWith(t, huge.base));
      await closed;
      expect(written).toBeLessThan(TOTAL);
    } finally {
      t.cleanup();
      await close(huge.server);
    }
  });
});
