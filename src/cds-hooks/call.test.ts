// A CDS Service call without a transport: parsing, prefetch gathering (412, fetching, paging), not-applicable.
import { describe, expect, it } from 'vitest';
import { testKb } from '../../test/support/kb.js';
import { patientViewRequest, resourcesOf, searchset } from '../../test/support/prefetch.js';
import { fhirExample } from '../../test/support/spec-examples.js';
import { recommend } from '../api/recommend.js';
import { type CallDeps, callService } from './call.js';
import type { FhirFetch, OpenFhir } from './gather.js';
import { findService } from './services.js';

const ckb = testKb();
const service = findService('frontline-all');
if (service === undefined) {
  throw new Error('service missing');
}
const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');
const deps = (openFhir?: OpenFhir): CallDeps => ({
  kb: ckb,
  recommend,
  cards: { baseUrl: 'https://frontline.example', newId: () => crypto.randomUUID() },
  openFhir,
});

/** A fake FHIR server: answers by query, remembers what was asked and with which token. */
function fakeFhir(answers: Record<string, unknown>): { open: OpenFhir; asked: string[]; tokens: string[] } {
  const asked: string[] = [];
  const tokens: string[] = [];
  const open: OpenFhir =
    (_server, token): FhirFetch =>
    async (query) => {
      asked.push(query);
      tokens.push(token);
      const body = answers[query];
      return body === undefined ? { ok: false, status: 404, reason: 'HTTP 404' } : { ok: true, body };
    };
  return { open, asked, tokens };
}

const auth = {
  fhirServer: 'https://ehr.example.org/fhir',
  fhirAuthorization: {
    access_token: 'secret-token',
    token_type: 'Bearer',
    expires_in: 300,
    scope: 'user/*.read',
    subject: 'frontline',
  },
};

describe('callService (patient-view)', () => {
  it('answers cards from prefetch alone, without touching the FHIR server', async () => {
    const fake = fakeFhir({});
    const result = await callService(service, patientViewRequest(bundle, auth), deps(fake.open));
    expect(result.ok && result.outcome).toBe('cards');
    expect(fake.asked).toEqual([]);
    if (result.ok) {
      expect(result.fetched).toBe(false);
      expect(result.optionIds).toEqual(expect.arrayContaining(['test.fixture-supported']));
      expect(result.response.cards.length).toBe(result.rendered.length);
    }
  });

  it('answers 412 (fhir.prefetch-missing) when prefetch is absent and no fhirServer + fhirAuthorization', async () => {
    const request = patientViewRequest(bundle);
    delete request.prefetch;
    const result = await callService(service, request, deps(fakeFhir({}).open));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.code, i.path])).toEqual([
        ['fhir.prefetch-missing', 'prefetch.patient'],
        ['fhir.prefetch-missing', 'prefetch.conditions'],
        ['fhir.prefetch-missing', 'prefetch.observations'],
      ]);
    }
  });

  it('treats a null prefetch key as "no data", not as missing', async () => {
    const request = patientViewRequest(bundle);
    (request.prefetch as Record<string, unknown>).medications = null;
    const result = await callService(service, request, deps());
    expect(result.ok).toBe(true);
  });

  it('fetches what prefetch lacks with the bearer token, following next links on the same server', async () => {
    const resources = resourcesOf(bundle);
    const patient = resources.find((r) => r.resourceType === 'Patient');
    const conditions = resources.filter((r) => r.resourceType === 'Condition');
    const observations = resources.filter((r) => r.resourceType === 'Observation');
    const page2 = 'https://ehr.example.org/fhir/Observation?page=2';
    const fake = fakeFhir({
      [`Patient/${String(patient?.id)}`]: patient,
      [`Condition?patient=${String(patient?.id)}`]: searchset(conditions),
      [`Observation?patient=${String(patient?.id)}&_sort=-date&_count=200`]: {
        ...searchset(observations.slice(0, 1)),
        link: [{ relation: 'next', url: page2 }],
      },
      [page2]: searchset(observations.slice(1)),
      [`MedicationRequest?patient=${String(patient?.id)}`]: searchset([]),
    });
    const request = patientViewRequest(bundle, auth);
    delete request.prefetch;
    const fetched = await callService(service, request, deps(fake.open));
    const given = await callService(service, patientViewRequest(bundle), deps());
    expect(fake.asked).toContain(page2);
    expect(new Set(fake.tokens)).toEqual(new Set(['secret-token']));
    expect(fetched.ok && given.ok).toBe(true);
    if (fetched.ok && given.ok) {
      expect(fetched.fetched).toBe(true);
      expect(fetched.optionIds).toEqual(given.optionIds);
      expect(fetched.response.cards.map((c) => c.summary)).toEqual(
        given.response.cards.map((c) => c.summary),
      );
    }
  });

  it('answers 412 naming the keys, and nothing about the network, when the FHIR server refuses', async () => {
    const refuse: OpenFhir = () => async () => ({ ok: false, status: 403, reason: 'HTTP 403' });
    const request = patientViewRequest(bundle, auth);
    delete request.prefetch;
    const result = await callService(service, request, deps(refuse));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.code).toBe('fhir.prefetch-missing');
      expect(result.issues.map((i) => i.path)).toEqual([
        'prefetch.patient',
        'prefetch.conditions',
        'prefetch.observations',
      ]);
      expect(JSON.stringify(result.issues)).not.toMatch(/403|HTTP|ECONN|timeout|JSON/);
    }
  });

  it('answers 412 when the fhirServer is not one the client may name, without asking it', async () => {
    const request = patientViewRequest(bundle, auth);
    delete request.prefetch;
    const result = await callService(
      service,
      request,
      deps(() => undefined),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.message).toContain('not one this client may name');
    }
  });

  it('fetches the keys in parallel and stops every read at the one deadline of the call', async () => {
    let inFlight = 0;
    let most = 0;
    const aborted: string[] = [];
    const hang: OpenFhir = (_s, _t, signal) => (q) => {
      inFlight++;
      most = Math.max(most, inFlight);
      return new Promise((resolve) => {
        signal.addEventListener('abort', () => {
          inFlight--;
          aborted.push(q);
          resolve({ ok: false, reason: 'deadline' });
        });
      });
    };
    const request = patientViewRequest(bundle, auth);
    delete request.prefetch;
    const result = await callService(service, request, { ...deps(hang), fhirDeadlineMs: 50 });
    expect(result.ok).toBe(false);
    expect(most).toBe(4);
    expect(aborted).toHaveLength(4);
  });

  it('fetches a key whose prefetch value is an error OperationOutcome', async () => {
    const patient = resourcesOf(bundle).find((r) => r.resourceType === 'Patient');
    const fake = fakeFhir({ [`Patient/${String(patient?.id)}`]: patient });
    const request = patientViewRequest(bundle, auth);
    (request.prefetch as Record<string, unknown>).patient = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'timeout' }],
    };
    const result = await callService(service, request, deps(fake.open));
    expect(fake.asked).toEqual([`Patient/${String(patient?.id)}`]);
    expect(result.ok && result.fetched).toBe(true);
  });

  it('answers an empty card list when the record has no ALL diagnosis', async () => {
    const request = patientViewRequest({
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: '1980-01-01' } }],
    });
    const result = await callService(service, request, deps());
    expect(result.ok && result.outcome).toBe('not-applicable');
    expect(result.ok && result.response).toEqual({ cards: [] });
  });

  it('names every bad member and refuses a call for another hook', async () => {
    const bad = await callService(service, { hook: 'patient-view', context: { userId: 'nobody' } }, deps());
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((i) => i.path).sort()).toEqual([
        'context.patientId',
        'context.userId',
        'hookInstance',
      ]);
      expect(bad.issues.every((i) => i.code === 'request.invalid')).toBe(true);
    }
    const other = await callService(service, { ...patientViewRequest(bundle), hook: 'order-sign' }, deps());
    expect(!other.ok && other.issues[0]?.path).toBe('hook');
  });
});
