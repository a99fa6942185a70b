// Locating resources in a Bundle (or a prefetch value) exactly: which are kept, how each is named, and every issue
// with its path, severity and words; and an OperationOutcome in words.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../issues/index.js';
import { bundleEntries, locate, outcomeText } from './bundle.js';

const warn = (path: string, message: string): Issue => ({
  code: 'fhir.invalid',
  severity: 'warning',
  path,
  message,
});
const error = (path: string, message: string): Issue => ({
  code: 'fhir.invalid',
  severity: 'error',
  path,
  message,
});

function entries(bundle: unknown, prefix = '') {
  const issues: Issue[] = [];
  const found = bundleEntries(bundle, prefix, issues);
  return { found, issues };
}

describe('locate', () => {
  it.each([
    [{ resourceType: 'Patient', id: 'p1' }, undefined, { type: 'Patient', id: 'p1', ref: 'Patient/p1' }, []],
    [
      { resourceType: 'Patient', id: 'p1' },
      'urn:uuid:9',
      { type: 'Patient', id: 'p1', ref: 'Patient/p1', fullUrl: 'urn:uuid:9' },
      [],
    ],
    [
      { resourceType: 'Patient' },
      'urn:uuid:9',
      { type: 'Patient', ref: 'urn:uuid:9', fullUrl: 'urn:uuid:9' },
      [],
    ],
    [{ resourceType: 'Patient' }, undefined, { type: 'Patient', ref: 'Patient at e.0' }, []],
    [
      { resourceType: 'Patient', id: '' },
      undefined,
      { type: 'Patient', ref: 'Patient at e.0' },
      [warn('e.0.id', 'id must be a non-empty string; the resource is named by its position')],
    ],
    [
      { resourceType: 'Patient', id: 7 },
      'urn:uuid:9',
      { type: 'Patient', ref: 'urn:uuid:9', fullUrl: 'urn:uuid:9' },
      [warn('e.0.id', 'id must be a non-empty string; the resource is named by its position')],
    ],
  ])('%j (fullUrl %s)', (value, fullUrl, expected, expectedIssues) => {
    const issues: Issue[] = [];
    expect(locate(value, 'e.0', issues, fullUrl)).toStrictEqual({
      resource: value,
      path: 'e.0',
      ...expected,
    });
    expect(issues).toEqual(expectedIssues);
  });

  it.each([
    [null, warn('e.0', 'a resource must be a JSON object')],
    [[1], warn('e.0', 'a resource must be a JSON object')],
    [{ id: 'x' }, warn('e.0.resourceType', 'the resource has no resourceType; it was skipped')],
    [{ resourceType: 3 }, warn('e.0.resourceType', 'the resource has no resourceType; it was skipped')],
  ])('skips %j and says why', (value, issue) => {
    const issues: Issue[] = [];
    expect(locate(value, 'e.0', issues)).toBeUndefined();
    expect(issues).toEqual([issue]);
  });

  it('paths a top-level resource from its own fields', () => {
    const issues: Issue[] = [];
    locate({ resourceType: 'Patient', id: '' }, '', issues);
    expect(issues).toEqual([
      warn('id', 'id must be a non-empty string; the resource is named by its position'),
    ]);
  });
});

describe('bundleEntries', () => {
  it.each([
    [null, '', error('', 'expected a FHIR Bundle: a JSON object with "resourceType": "Bundle"')],
    [[], 'patient', error('patient', 'expected a FHIR Bundle: a JSON object with "resourceType": "Bundle"')],
    [{ resourceType: 'Patient' }, '', error('resourceType', 'expected "Bundle", resourceType is "Patient"')],
    [{}, 'conditions', error('conditions.resourceType', 'expected "Bundle", resourceType is missing')],
    [{ resourceType: 7 }, '', error('resourceType', 'expected "Bundle", resourceType is missing')],
    [
      { resourceType: 'Bundle', type: 'searchset', entry: {} },
      'conditions',
      error('conditions.entry', 'Bundle.entry must be an array'),
    ],
  ])('refuses %j (prefix %j) with one error', (bundle, prefix, issue) => {
    expect(entries(bundle, prefix)).toEqual({ found: [], issues: [issue] });
  });

  it('reads an empty Bundle, and warns when it has no type', () => {
    expect(entries({ resourceType: 'Bundle', type: 'collection' })).toEqual({ found: [], issues: [] });
    expect(entries({ resourceType: 'Bundle', type: 'collection', entry: [] })).toEqual({
      found: [],
      issues: [],
    });
    expect(entries({ resourceType: 'Bundle' }, 'x')).toEqual({
      found: [],
      issues: [warn('x.type', 'Bundle.type is required (collection, searchset, ...)')],
    });
  });

  it('keeps the good entries in order and names each bad one', () => {
    const p = { resourceType: 'Patient', id: 'p1' };
    const o = { resourceType: 'Observation' };
    const { found, issues } = entries(
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          { resource: p },
          'not an entry',
          { fullUrl: 'urn:uuid:2' },
          { fullUrl: 'urn:uuid:3', resource: o },
          { resource: { id: 'no-type' } },
        ],
      },
      'obs',
    );
    expect(found).toStrictEqual([
      { resource: p, type: 'Patient', id: 'p1', ref: 'Patient/p1', path: 'obs.entry.0.resource' },
      {
        resource: o,
        type: 'Observation',
        ref: 'urn:uuid:3',
        path: 'obs.entry.3.resource',
        fullUrl: 'urn:uuid:3',
      },
    ]);
    expect(issues).toEqual([
      warn('obs.entry.1', 'a Bundle entry must be a JSON object'),
      warn('obs.entry.2.resource', 'the entry has no resource; it was skipped'),
      warn('obs.entry.4.resource.resourceType', 'the resource has no resourceType; it was skipped'),
    ]);
  });
});

describe('outcomeText', () => {
  it.each([
    [
      { issue: [{ severity: 'error', diagnostics: 'bad id', details: { text: 'x' }, code: 'invalid' }] },
      'error: bad id',
    ],
    [
      { issue: [{ severity: 'error', details: { text: 'not found' }, code: 'not-found' }] },
      'error: not found',
    ],
    [{ issue: [{ severity: 'warning', code: 'too-costly' }] }, 'warning: too-costly'],
    [{ issue: [{}] }, 'issue: no details'],
    [
      {
        issue: [
          { severity: 'error', diagnostics: 'a' },
          { severity: 'information', diagnostics: 'b' },
        ],
      },
      'error: a; information: b',
    ],
    [{ issue: [] }, 'no issue details'],
    [{}, 'no issue details'],
  ])('%j → %s', (outcome, words) => {
    expect(outcomeText(outcome)).toBe(words);
  });
});
