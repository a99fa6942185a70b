import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFhirBundle, mapBundle } from './index.js';
import {
  bundle,
  concept,
  condition,
  LOINC,
  observation,
  patient,
  readExample,
  SCT,
  terminology,
} from './test-support.js';

describe('isFhirBundle', () => {
  it.each([
    [{ resourceType: 'Bundle', type: 'collection', entry: [] }, true],
    [{ resourceType: 'Bundle' }, true],
    [{ resourceType: 'Bundle', entry: {} }, false],
    [{ resourceType: 'Patient' }, false],
    [{ lineage: 'B' }, false],
    [null, false],
    [[], false],
    ['Bundle', false],
  ])('%j → %s', (x, expected) => {
    expect(isFhirBundle(x)).toBe(expected);
  });
});

describe('malformed bundles give issues, never exceptions', () => {
  it.each([null, 42, 'text', [], {}, { resourceType: 'Patient', id: 'x' }])('%j is not a Bundle', (x) => {
    const r = mapBundle(x, terminology());
    expect(r.input).toEqual({});
    expect(r.issues).toEqual([expect.objectContaining({ code: 'fhir.invalid', severity: 'error' })]);
  });

  it('reports an entry that is not an array', () => {
    const r = mapBundle(
      { resourceType: 'Bundle', type: 'collection', entry: { resource: {} } },
      terminology(),
    );
    expect(r.issues).toEqual([expect.objectContaining({ path: 'entry', severity: 'error' })]);
  });

  it('skips entries without a resource or resourceType and maps the rest', () => {
    const good = bundle(patient('1980-01-01'), condition('c', [concept(SCT, '277571004')]));
    const entries = [...(good.entry as unknown[]), { fullUrl: 'urn:uuid:1' }, { resource: { id: 'x' } }, 7];
    const r = mapBundle({ ...good, entry: entries }, terminology());
    expect(r.input.lineage).toBe('B');
    expect(r.issues.map((i) => i.path)).toEqual([
      'entry.2.resource',
      'entry.3.resource.resourceType',
      'entry.4',
    ]);
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('reports a missing Bundle.type as a warning', () => {
    const r = mapBundle({ resourceType: 'Bundle', entry: [] }, terminology());
    expect(r.issues).toEqual([expect.objectContaining({ path: 'type', severity: 'warning' })]);
  });

  it('survives wrongly typed elements and names the resource in missing', () => {
    const r = mapBundle(
      bundle(
        patient('not-a-date'),
        condition('c', [concept(SCT, '277571004')], { clinicalStatus: 'active', onsetDateTime: 20250101 }),
        observation('wbc', concept(LOINC, '6690-2'), { valueQuantity: { value: '12.4', unit: 7 } }),
        { resourceType: 'Observation', id: 'o2', code: 'x', component: 'y', interpretation: [null, 3] },
        { resourceType: 'Condition', id: 'c2', code: { coding: [null, 5, { system: 7 }] } },
      ),
      terminology(),
    );
    expect(r.input).toEqual({ lineage: 'B' });
    expect(r.missing.find((m) => m.field === 'wbc')?.resource).toBe('Observation/wbc');
  });

  it('does not mix in resources about another patient', () => {
    const other = {
      ...observation('wbc', concept(LOINC, '6690-2'), { valueQuantity: { value: 5, code: '10*9/L' } }),
    };
    const r = mapBundle(
      bundle(patient('1980-01-01'), condition('c', [concept(SCT, '277571004')]), {
        ...other,
        subject: { reference: 'Patient/someone-else' },
      }),
      terminology(),
    );
    expect(r.input.wbc).toBeUndefined();
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'entry.2.resource.subject', severity: 'warning' }),
    ]);
  });

  it('reports a second Patient and keeps the first', () => {
    const r = mapBundle(bundle(patient('1980-01-01'), patient('1990-01-01', 'p2')), terminology());
    expect(r.issues).toEqual([expect.objectContaining({ path: 'entry.1.resource' })]);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const r = mapBundle(x, terminology());
        return Array.isArray(r.issues) && typeof r.input === 'object';
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON entries inside a Bundle', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), (entries) => {
        const r = mapBundle({ resourceType: 'Bundle', type: 'collection', entry: entries }, terminology());
        return Array.isArray(r.missing);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any element of a real example is replaced by arbitrary JSON', () => {
    const example = readExample(import.meta.url, 'fhir/b-ph-positive-b-all-p190-t315i.json');
    const paths = leafPaths(example);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const r = mapBundle(replaceAt(example, path, value), terminology());
        return Array.isArray(r.warnings);
      }),
      { numRuns: 500 },
    );
  });
});

type Path = readonly (string | number)[];

/** Every path in a JSON value (objects and arrays included). */
function leafPaths(x: unknown, at: Path = []): Path[] {
  if (Array.isArray(x)) {
    return [at, ...x.flatMap((v, i) => leafPaths(v, [...at, i]))];
  }
  if (typeof x === 'object' && x !== null) {
    return [at, ...Object.entries(x).flatMap(([k, v]) => leafPaths(v, [...at, k]))];
  }
  return [at];
}

/** A copy of `x` with the value at `path` replaced. */
function replaceAt(x: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) {
    return value;
  }
  if (Array.isArray(x)) {
    return x.map((v, i) => (i === head ? replaceAt(v, rest, value) : v));
  }
  const o = x as Record<string, unknown>;
  return { ...o, [head]: replaceAt(o[head], rest, value) };
}
