// Missing prefetch + fhirServer + fhirAuthorization: the server reads Patient, Condition, Observation (and
// MedicationRequest) from a fake FHIR server on loopback with the bearer token; a refusal is a 412.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { patientViewRequest, resourcesOf, searchset } from '../../test/support/prefetch.js';
import { fhirExample } from '../../test/support/spec-examples.js';
import { createFhirClient } from './fhir-client.js';

const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');
const resources = resourcesOf(bundle);
const patient = resources.find((r) => r.resourceType === 'Patient');
const TOKEN = 'fhir-access-token-xyz';

let server: Server;
let base: string;
const seen: { url: string; auth: string | undefined }[] = [];
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
      link: [{ relation: 'next', url: `${base}/Observation?patient=x&page=2` }],
    };
  }
  return searchset(list);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    if (refuse || req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify(answer(req)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function request(): Record<string, unknown> {
  const r = patientViewRequest(bundle, {
    fhirServer: base,
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

describe('reading the client FHIR server when prefetch is missing', () => {
  it('fetches every template with the bearer token, follows paging, and answers the same cards as prefetch', async () => {
    const t = testApp({ openFhir: createFhirClient() });
    try {
      seen.length = 0;
      const res = await t.app.request('/cds-services/frontline-all', post(request()));
      expect(res.status).toBe(200);
      const fetched = (await res.json()) as { cards: { summary: string }[] };
      expect(seen.map((s) => s.url)).toEqual([
        `/fhir/Patient/${String(patient?.id)}`,
        `/fhir/Condition?patient=${String(patient?.id)}`,
        `/fhir/Observation?patient=${String(patient?.id)}&_sort=-date&_count=200`,
        '/fhir/Observation?patient=x&page=2',
        `/fhir/MedicationRequest?patient=${String(patient?.id)}`,
      ]);
      expect(seen.every((s) => s.auth === `Bearer ${TOKEN}`)).toBe(true);
      const given = (await (
        await t.app.request('/cds-services/frontline-all', post(patientViewRequest(bundle)))
      ).json()) as typeof fetched;
      expect(fetched.cards.map((c) => c.summary)).toEqual(given.cards.map((c) => c.summary));
      expect(t.logs.map((l) => JSON.stringify(l)).join('\n')).not.toContain(TOKEN);
    } finally {
      t.cleanup();
    }
  });

  it('answers 412 when the FHIR server refuses', async () => {
    const t = testApp({ openFhir: createFhirClient() });
    refuse = true;
    try {
      const res = await t.app.request('/cds-services/frontline-all', post(request()));
      expect(res.status).toBe(412);
      expect(JSON.stringify(await res.json())).toContain('HTTP 401');
    } finally {
      refuse = false;
      t.cleanup();
    }
  });

  it('never sends the token outside fhirServer (a next link elsewhere is refused)', async () => {
    const read = createFhirClient()(base, TOKEN);
    expect(await read('https://elsewhere.example/fhir/Observation?page=2')).toEqual({
      ok: false,
      reason: 'link outside the FHIR server',
    });
    expect(await read(`${base}/../admin`)).toEqual({ ok: false, reason: 'link outside the FHIR server' });
  });

  it('answers 412 when fetching is turned off, even with fhirServer and fhirAuthorization', async () => {
    const t = testApp();
    try {
      expect((await t.app.request('/cds-services/frontline-all', post(request()))).status).toBe(412);
    } finally {
      t.cleanup();
    }
  });
});
