// Which patient the data is about: the first Patient, a second one reported, and each resource's subject matched
// against it (by reference, full URL, id, or urn:), as data tables.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../issues/index.js';
import type { Located } from './bundle.js';
import { belongsTo, forPatient, selectPatient, subjectReference } from './patient.js';

type Json = Record<string, unknown>;

function located(type: string, resource: Json, extra: Partial<Located> = {}): Located {
  const id = typeof resource.id === 'string' ? resource.id : undefined;
  return {
    resource: { resourceType: type, ...resource },
    type,
    ...(id === undefined ? {} : { id }),
    ref: id === undefined ? `${type} at entry.0.resource` : `${type}/${id}`,
    path: 'entry.0.resource',
    ...extra,
  };
}

const observation = (reference: string | undefined, key: 'subject' | 'patient' = 'subject'): Located =>
  located('Observation', reference === undefined ? { id: 'o' } : { id: 'o', [key]: { reference } });

const byId = located('Patient', { id: 'p1' }, { fullUrl: 'https://ehr.example/fhir/Patient/p1' });
const byUrn = located('Patient', {}, { fullUrl: 'urn:uuid:1111', ref: 'urn:uuid:1111' });
const byUrlOnly = located('Patient', {}, { fullUrl: 'https://ehr.example/fhir/Patient/p9', ref: 'x' });
const anonymous = located('Patient', {}, { ref: 'Patient at entry.0.resource' });

describe('subjectReference', () => {
  it('reads subject.reference, else patient.reference, else nothing', () => {
    expect(subjectReference(observation('Patient/p1'))).toBe('Patient/p1');
    expect(subjectReference(observation('Patient/p1', 'patient'))).toBe('Patient/p1');
    expect(subjectReference(observation(undefined))).toBeUndefined();
    expect(
      subjectReference(
        located('Observation', { subject: { reference: 'Patient/a' }, patient: { reference: 'b' } }),
      ),
    ).toBe('Patient/a');
  });
});

describe('belongsTo', () => {
  it.each([
    ['no patient at all', undefined, 'Patient/zz', true],
    ['no subject', byId, undefined, true],
    ['the same ref', byId, 'Patient/p1', true],
    ['the full URL', byId, 'https://ehr.example/fhir/Patient/p1', true],
    ['the same id at another server', byId, 'https://other.example/Patient/p1', true],
    ['the same id, a history version', byId, 'https://ehr.example/fhir/Patient/p1/_history/3', true],
    ['another id', byId, 'Patient/p2', false],
    ['another id, a history version', byId, 'Patient/p2/_history/1', false],
    ['another id with a trailing path', byId, 'Patient/p2/extra', true],
    ['a subject that is not a Patient reference', byId, 'Group/g1', true],
    ['a urn: subject when the Patient has an id', byId, 'urn:uuid:2222', true],
    ['the same urn:', byUrn, 'urn:uuid:1111', true],
    ['another urn:', byUrn, 'urn:uuid:2222', false],
    ['a Patient id when the Patient is named by urn: only', byUrn, 'Patient/p2', true],
    ['a non-urn, non-Patient reference for a urn: Patient', byUrn, 'Group/1', true],
    ['the id read from the full URL', byUrlOnly, 'Patient/p9', true],
    ['another id than the full URL names', byUrlOnly, 'Patient/p8', false],
    ['any Patient id when the Patient has no id or URL', anonymous, 'Patient/p2', true],
    ['a urn: when the Patient has no URL', anonymous, 'urn:uuid:2222', true],
    ['an id longer than FHIR allows', byId, `Patient/${'a'.repeat(65)}`, true],
  ] as const)('%s → %s', (_name, patient, reference, expected) => {
    expect(belongsTo(observation(reference), patient)).toBe(expected);
  });
});

describe('selectPatient', () => {
  it('takes the first Patient and reports each other one by name', () => {
    const issues: Issue[] = [];
    const second = located('Patient', { id: 'p2' }, { path: 'entry.4.resource' });
    expect(selectPatient([observation('Patient/p1'), byId, second], issues)).toBe(byId);
    expect(issues).toEqual([
      {
        code: 'fhir.invalid',
        severity: 'warning',
        path: 'entry.4.resource',
        message: 'more than one Patient: Patient/p2 is ignored and only Patient/p1 is mapped',
      },
    ]);
  });

  it('says nothing of the same Patient twice, and gives nothing when there is no Patient', () => {
    const issues: Issue[] = [];
    expect(selectPatient([byId, { ...byId }], issues)).toBe(byId);
    expect(selectPatient([observation('Patient/p1')], issues)).toBeUndefined();
    expect(issues).toEqual([]);
  });
});

describe('forPatient', () => {
  it("keeps the Patients and the patient's own resources, and reports each one about another patient", () => {
    const issues: Issue[] = [];
    const mine = observation('Patient/p1');
    const theirs = located(
      'Condition',
      { id: 'c9', subject: { reference: 'Patient/p2' } },
      { path: 'entry.7.resource' },
    );
    const other = located('Patient', { id: 'p2' });
    expect(forPatient([byId, mine, theirs, other], byId, issues)).toEqual([byId, mine, other]);
    expect(issues).toEqual([
      {
        code: 'fhir.invalid',
        severity: 'warning',
        path: 'entry.7.resource.subject',
        message: 'Condition/c9 is about another patient than Patient/p1; it was not mapped',
      },
    ]);
  });

  it('keeps everything when there is no Patient to compare with', () => {
    const issues: Issue[] = [];
    const list = [observation('Patient/p1'), observation('Patient/p2')];
    expect(forPatient(list, undefined, issues)).toEqual(list);
    expect(issues).toEqual([]);
  });
});
