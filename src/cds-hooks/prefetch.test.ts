import { describe, expect, it } from 'vitest';
import { example } from '../../test/support/spec-examples.js';
import { collectionBundle, readSlot, resolveTemplate } from './prefetch.js';
import { PREFETCH } from './services.js';

describe('resolveTemplate', () => {
  const context = { userId: 'PractitionerRole/123', patientId: '1288992', encounterId: '89284' };

  it('fills context tokens in our R4 templates', () => {
    expect(resolveTemplate(PREFETCH.patient, context)).toBe('Patient/1288992');
    expect(resolveTemplate(PREFETCH.observations, context)).toBe(
      'Observation?patient=1288992&_sort=-date&_count=200',
    );
  });

  it('fills user tokens only when userId is of that type, and reports unresolvable templates', () => {
    const search = (example('prefetch-template-user-search.json') as { prefetch: { user: string } }).prefetch
      .user;
    expect(resolveTemplate(search, context)).toBe(
      'PractitionerRole?_id=123&_include=PractitionerRole:practitioner',
    );
    expect(resolveTemplate('Practitioner/{{userPractitionerId}}', context)).toBeUndefined();
    expect(resolveTemplate('Encounter/{{context.missing}}', context)).toBeUndefined();
  });

  it('URL-encodes token values', () => {
    expect(resolveTemplate(PREFETCH.patient, { patientId: 'a&b' })).toBe('Patient/a%26b');
  });
});

describe('readSlot', () => {
  it('tells absent from null (no data), a failed OperationOutcome and data', () => {
    expect(readSlot(undefined)).toEqual({ state: 'absent' });
    expect(readSlot(null)).toEqual({ state: 'none' });
    expect(
      readSlot({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] }),
    ).toEqual({
      state: 'failed',
      reason: 'OperationOutcome: forbidden',
    });
    expect(readSlot({ resourceType: 'Patient', id: 'p' })).toEqual({
      state: 'data',
      resources: [{ resourceType: 'Patient', id: 'p' }],
    });
  });

  it("reads the spec's partial prefetch: a Patient, a searchset, and a bare string that is not a resource", () => {
    const prefetch = (example('prefetch-data-partial.json') as { prefetch: Record<string, unknown> })
      .prefetch;
    expect(readSlot(prefetch.patient).state).toBe('data');
    const a1c = readSlot(prefetch['hemoglobin-a1c']);
    expect(a1c.state === 'data' && a1c.resources.length).toBe(1);
    expect(readSlot(prefetch.user)).toEqual({ state: 'failed', reason: 'not a FHIR resource' });
  });

  it('drops warning OperationOutcomes inside a searchset, fails on an error one, and keeps the next link', () => {
    const ok = readSlot({
      resourceType: 'Bundle',
      link: [{ relation: 'next', url: 'https://ehr/fhir/Observation?page=2' }],
      entry: [
        { resource: { resourceType: 'Observation', id: 'o1' } },
        {
          resource: {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'warning', code: 'informational' }],
          },
        },
      ],
    });
    expect(ok).toEqual({
      state: 'data',
      resources: [{ resourceType: 'Observation', id: 'o1' }],
      next: 'https://ehr/fhir/Observation?page=2',
    });
    const bad = readSlot({
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception' }] } },
      ],
    });
    expect(bad.state).toBe('failed');
  });
});

describe('collectionBundle', () => {
  it("gathers every key's resources once into one collection Bundle", () => {
    const p = { resourceType: 'Patient', id: 'p' };
    const bundle = collectionBundle([
      { state: 'data', resources: [p] },
      { state: 'none' },
      { state: 'data', resources: [p, { resourceType: 'Condition', id: 'c' }] },
    ]);
    expect(bundle).toEqual({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: p }, { resource: { resourceType: 'Condition', id: 'c' } }],
    });
  });
});
