import { describe, expect, it } from 'vitest';
import { type FhirSource, readRecord } from './read-record.js';

const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1990-01-01' };
const condition = { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' } };
const observation = { resourceType: 'Observation', id: 'o1', subject: { reference: 'Patient/p1' } };

function fake(answers: Record<string, unknown>, patientId: string | undefined = 'p1') {
  const asked: string[] = [];
  const source: FhirSource = {
    patientId,
    read(url) {
      asked.push(url);
      const a = answers[url.split('?')[0] ?? ''];
      return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
    },
  };
  return { source, asked };
}

describe('readRecord', () => {
  it('reads the Patient and searches its Conditions, Observations and MedicationRequests into one Bundle', async () => {
    const { source, asked } = fake({
      'Patient/p1': patient,
      Condition: [condition],
      Observation: [observation, { resourceType: 'OperationOutcome', issue: [] }],
      MedicationRequest: [],
    });
    const r = await readRecord(source);
    expect(asked).toEqual([
      'Patient/p1',
      'Condition?patient=p1',
      'Observation?patient=p1&_count=200',
      'MedicationRequest?patient=p1',
    ]);
    expect(r).toEqual({
      ok: true,
      bundle: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: patient }, { resource: condition }, { resource: observation }],
      },
    });
  });

  it('names the read that failed', async () => {
    const { source } = fake({
      'Patient/p1': patient,
      Condition: new Error('403 Forbidden'),
      Observation: [],
      MedicationRequest: [],
    });
    const r = await readRecord(source);
    expect(!r.ok && r.problem.title).toBe('Reading Condition?patient=p1 from the EHR’s FHIR server failed');
    expect(!r.ok && r.problem.detail).toBe('403 Forbidden');
  });

  it('refuses an answer that is not FHIR resources', async () => {
    const { source } = fake({
      'Patient/p1': patient,
      Condition: { hello: 1 },
      Observation: [],
      MedicationRequest: [],
    });
    const r = await readRecord(source);
    expect(!r.ok && r.problem.detail).toBe('the answer is not FHIR resources');
  });

  it('says when the launch names no patient', async () => {
    for (const patientId of [undefined, '']) {
      const { source, asked } = fake({});
      const r = await readRecord({ ...source, patientId });
      expect(!r.ok && r.problem.title).toBe('The launch names no patient');
      expect(asked).toEqual([]);
    }
  });
});
