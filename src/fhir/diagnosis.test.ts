import { describe, expect, it } from 'vitest';
import { mapBundle } from './index.js';
import { bundle, concept, condition, ICD10, patient, SCT, terminology } from './test-support.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const HISTOLOGY = 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior';

function map(...resources: Record<string, unknown>[]) {
  return mapBundle(bundle(patient('1980-06-15'), ...resources), terminology());
}

function morphology(code: string): Record<string, unknown> {
  return {
    extension: [
      {
        url: HISTOLOGY,
        valueCodeableConcept: concept('http://terminology.hl7.org/CodeSystem/icd-o-3', code),
      },
    ],
  };
}

describe('lineage', () => {
  it('takes the specific code over the generic ALL code, in either order', () => {
    const generic = concept(SCT, '91857003');
    const specific = concept(SCT, '277575008');
    expect(map(condition('c', [generic, specific])).input.lineage).toBe('T');
    expect(map(condition('c', [specific, generic])).input.lineage).toBe('T');
  });

  it('reads lineage from the ICD-O-3 morphology when the code is ICD-10-CM C91.00 only', () => {
    const r = map(condition('c', [concept(ICD10, 'C91.00')], morphology('9811/3')));
    expect(r.input.lineage).toBe('B');
    expect(r.sources.lineage).toEqual(['Condition/c']);
  });

  it('infers B lineage from a Ph-positive ALL code that states no lineage, and says so', () => {
    const r = map(condition('ph', [concept(SCT, '425688002')]));
    expect(r.input.lineage).toBe('B');
    expect(r.input.ph).toBe('positive');
    expect(r.sources.lineage).toEqual(['Condition/ph']);
    expect(r.missing.some((m) => m.field === 'lineage')).toBe(false);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'fhir.inferred', resources: ['Condition/ph'] }),
    ]);
    expect(r.warnings[0]?.text).toContain('inferred');
  });

  it('keeps a coded lineage over the Ph-positive inference', () => {
    const r = map(condition('c', [concept(SCT, '425688002'), concept(SCT, '277575008')]));
    expect(r.input.lineage).toBe('T');
    expect(r.warnings.some((w) => w.code === 'fhir.inferred')).toBe(false);
  });

  it('does not infer lineage from ICD-10-CM C91.00 alone', () => {
    const r = map(condition('c', [concept(ICD10, 'C91.00')]));
    expect(r.input.lineage).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'lineage')?.text).toContain('C91.00');
  });

  it('warns when lineage codes disagree, and leaves lineage unknown', () => {
    const r = map(condition('c', [concept(SCT, '277571004')], morphology('9837/3')));
    expect(r.input.lineage).toBeUndefined();
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'fhir.conflict', resources: ['Condition/c'] }),
    ]);
  });

  it('reports no ALL Condition when only other conditions are present', () => {
    const r = map(condition('asd', [concept(SCT, '301130004')]));
    expect(r.input).toEqual({});
    expect(r.missing.find((m) => m.field === 'lineage')?.text).toContain('no ALL Condition');
    expect(r.missing.find((m) => m.field === 'age')?.text).toContain('no ALL Condition');
  });

  it('ignores a refuted ALL Condition', () => {
    const refuted = {
      verificationStatus: concept('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'refuted'),
    };
    const r = map(condition('c', [concept(SCT, '277575008')], refuted));
    expect(r.input.lineage).toBeUndefined();
  });

  it('maps a KMT2A (MLL) B-ALL subtype code to highRiskGenetics', () => {
    const r = map(condition('c', [concept(SCT, '838341005')]));
    expect(r.input).toMatchObject({ lineage: 'B', highRiskGenetics: ['KMT2A'] });
  });
});

describe('phase', () => {
  it('reads relapse from ICD-10-CM C91.02 although clinicalStatus is active', () => {
    const r = map(condition('c', [concept(SCT, '277571004'), concept(ICD10, 'C91.02')]));
    expect(r.input.phase).toBe('relapsed-refractory');
  });

  it('reads remission from clinicalStatus remission', () => {
    const r = map(
      condition('c', [concept(SCT, '277571004')], { clinicalStatus: concept(CLINICAL, 'remission') }),
    );
    expect(r.input.phase).toBe('remission');
  });

  it('warns when clinicalStatus remission meets a relapse code', () => {
    const r = map(
      condition('c', [concept(SCT, '277571004'), concept(ICD10, 'C91.02')], {
        clinicalStatus: concept(CLINICAL, 'remission'),
      }),
    );
    expect(r.input.phase).toBeUndefined();
    expect(r.warnings[0]?.code).toBe('fhir.conflict');
    expect(r.missing.find((m) => m.field === 'phase')?.text).toContain('defaults to newly-diagnosed');
  });

  it('reports a clinicalStatus that does not state the phase', () => {
    const r = map(
      condition('c', [concept(SCT, '277571004')], { clinicalStatus: concept(CLINICAL, 'resolved') }),
    );
    expect(r.input.phase).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'phase')).toMatchObject({ resource: 'Condition/c' });
  });
});

describe('age at diagnosis', () => {
  it('uses recordedDate when there is no onsetDateTime', () => {
    const r = map(
      condition('c', [concept(SCT, '277571004')], { onsetDateTime: undefined, recordedDate: '2025-06-14' }),
    );
    expect(r.input.age).toBe(44);
  });

  it('uses the earliest ALL Condition (the diagnosis, not a later relapse record)', () => {
    const r = map(
      condition('relapse', [concept(SCT, '12301000132103')], { onsetDateTime: '2027-01-01' }),
      condition('dx', [concept(SCT, '277571004')], { onsetDateTime: '2025-06-15' }),
    );
    expect(r.input.age).toBe(45);
    expect(r.sources.age).toEqual(['Patient/p1', 'Condition/dx']);
  });

  it('falls back to onsetAge in years', () => {
    const r = mapBundle(
      bundle(
        patient(),
        condition('c', [concept(SCT, '277571004')], {
          onsetDateTime: undefined,
          onsetAge: { value: 52.5, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' },
        }),
      ),
      terminology(),
    );
    expect(r.input.age).toBe(52);
  });

  it('reports an onset before the birth date instead of a negative age', () => {
    const r = map(condition('c', [concept(SCT, '277571004')], { onsetDateTime: '1979-01-01' }));
    expect(r.input.age).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'age')?.text).toContain('before the birthDate');
  });
});
