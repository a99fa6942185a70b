import { describe, expect, it } from 'vitest';
import { mapBundle } from './index.js';
import { bundle, concept, condition, patient, SCT, terminology } from './test-support.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

function request(
  id: string,
  medication: Record<string, unknown>,
  status = 'completed',
): Record<string, unknown> {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    ...medication,
  };
}

function map(...resources: Record<string, unknown>[]) {
  return mapBundle(
    bundle(patient('1980-01-01'), condition('c', [concept(SCT, '277571004')]), ...resources),
    terminology(),
  );
}

describe('priorTherapy', () => {
  it('maps RxNorm codes through the terminology to lower-case generic names', () => {
    const r = map(request('m', { medicationCodeableConcept: concept(RXNORM, '8640', 'predniSONE') }));
    expect(r.input.priorTherapy).toEqual(['prednisone']);
  });

  it('falls back to the display, lower-cased, for codes without a confirmed RxNorm mapping', () => {
    const r = map(request('m', { medicationCodeableConcept: concept(RXNORM, '999999', 'Blinatumomab') }));
    expect(r.input.priorTherapy).toEqual(['blinatumomab']);
  });

  it('reads the code of a referenced Medication and MedicationStatement/Administration too', () => {
    const r = map(
      { resourceType: 'Medication', id: 'dasa', code: { text: 'Dasatinib' } },
      request('m', { medicationReference: { reference: 'Medication/dasa' } }),
      {
        resourceType: 'MedicationStatement',
        id: 's',
        status: 'completed',
        subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: concept(RXNORM, '11202', 'vincristine'),
      },
    );
    expect(r.input.priorTherapy).toEqual(['dasatinib', 'vincristine']);
  });

  it('skips cancelled orders and proposals', () => {
    const r = map(request('m1', { medicationCodeableConcept: concept(RXNORM, '3002') }, 'cancelled'), {
      ...request('m2', { medicationCodeableConcept: concept(RXNORM, '5650') }),
      intent: 'proposal',
    });
    expect(r.input.priorTherapy).toBeUndefined();
  });

  it('reports a medication that names no drug', () => {
    const r = map(request('m', { medicationReference: { reference: 'Medication/absent' } }));
    expect(r.missing.find((m) => m.field === 'priorTherapy')?.resource).toBe('MedicationRequest/m');
  });
});
