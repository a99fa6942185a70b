import { describe, expect, it } from 'vitest';
import { mapBundle, mapPrefetch } from './index.js';
import { readExample, terminology } from './test-support.js';

type Json = Record<string, unknown>;

const FILE = 'fhir/a-adult-ph-negative-b-all-cd20-35pct.json';

/** The resources of example bundle a, split the way a CDS client answers the prefetch templates of NOTES.md §4. */
function prefetchOfA(): { patient: Json; conditions: Json; observations: Json } {
  const bundle = readExample(import.meta.url, FILE) as { entry: { resource: Json }[] };
  const of = (type: string) => bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
  const searchset = (resources: Json[]) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  });
  const [patient] = of('Patient');
  return {
    patient: patient ?? {},
    conditions: searchset(of('Condition')),
    observations: searchset(of('Observation')),
  };
}

const OUTCOME = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'timeout', diagnostics: 'search timed out' }],
};

describe('mapPrefetch', () => {
  it('maps a prefetch to the same profile as the bundle it was split from', () => {
    const fromPrefetch = mapPrefetch(prefetchOfA(), terminology());
    const fromBundle = mapBundle(readExample(import.meta.url, FILE), terminology());
    expect(fromPrefetch.input).toEqual(fromBundle.input);
    expect(fromPrefetch.sources).toEqual(fromBundle.sources);
    expect(fromPrefetch.issues).toEqual([]);
  });

  it('treats a null patient as "no data": no issue, age unknown', () => {
    const r = mapPrefetch({ ...prefetchOfA(), patient: null }, terminology());
    expect(r.issues).toEqual([]);
    expect(r.input.age).toBeUndefined();
    expect(r.input.lineage).toBe('B');
    expect(r.missing.find((m) => m.field === 'age')?.text).toContain('no Patient');
  });

  it('reports an absent patient key as prefetch-missing (the client could not fetch it)', () => {
    const { conditions, observations } = prefetchOfA();
    const r = mapPrefetch({ conditions, observations }, terminology());
    expect(r.issues).toEqual([expect.objectContaining({ code: 'fhir.prefetch-missing', path: 'patient' })]);
    expect(r.input.lineage).toBe('B');
  });

  it('maps what is there when keys are missing or null', () => {
    const { patient } = prefetchOfA();
    const r = mapPrefetch({ patient, conditions: null }, terminology());
    expect(r.input).toEqual({});
    expect(r.issues).toEqual([]);
    expect(r.missing.map((m) => m.field)).toEqual(expect.arrayContaining(['age', 'lineage', 'ph']));
  });

  it('accepts an empty searchset', () => {
    const r = mapPrefetch(
      { ...prefetchOfA(), observations: { resourceType: 'Bundle', type: 'searchset', total: 0 } },
      terminology(),
    );
    expect(r.issues).toEqual([]);
    expect(r.input).toEqual({ age: 38, lineage: 'B', phase: 'newly-diagnosed' });
  });

  it('reports an OperationOutcome inside a searchset and still maps the other entries', () => {
    const p = prefetchOfA();
    const observations = p.observations as { entry: Json[] };
    const withOutcome = {
      ...observations,
      entry: [...observations.entry, { resource: OUTCOME, search: { mode: 'outcome' } }],
    };
    const r = mapPrefetch({ ...p, observations: withOutcome }, terminology());
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'fhir.unmapped',
        severity: 'warning',
        path: `observations.entry.${observations.entry.length}.resource`,
        message: expect.stringContaining('search timed out'),
      }),
    ]);
    expect(r.input.cd20Percent).toBe(35);
  });

  it('reports an OperationOutcome given in place of a searchset', () => {
    const r = mapPrefetch({ ...prefetchOfA(), conditions: OUTCOME }, terminology());
    expect(r.issues).toEqual([expect.objectContaining({ code: 'fhir.unmapped', path: 'conditions' })]);
    expect(r.input.lineage).toBeUndefined();
  });

  it('skips a value that is neither a resource, a Bundle nor null (spec example: "user": "123")', () => {
    const spec = readExample(import.meta.url, 'cds-hooks-2.0.1/prefetch-data-partial.json') as {
      prefetch: Json;
    };
    const r = mapPrefetch(spec.prefetch, terminology());
    expect(r.issues.some((i) => i.code === 'fhir.invalid' && i.path === 'user')).toBe(true);
    expect(r.input.lineage).toBeUndefined();
  });

  it('never throws on a prefetch that is not an object', () => {
    const r = mapPrefetch(null as unknown as Record<string, unknown>, terminology());
    expect(r.issues[0]).toMatchObject({ code: 'fhir.invalid', severity: 'error' });
  });
});
